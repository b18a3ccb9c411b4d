package org.layerlab.app.shortcuts;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.scene.input.KeyEvent;
import org.layerlab.app.i18n.Messages;

/** Which action each {@link Shortcut} runs, and the lookup from a key press to it. Plain Java: tested without a window. */
public final class ShortcutMap {

  private final Map<Shortcut, Runnable> actions = new EnumMap<>(Shortcut.class);
  private final Map<Shortcut, BooleanSupplier> locks = new EnumMap<>(Shortcut.class);

  /** Runs {@code action} on {@code shortcut}. */
  public ShortcutMap on(Shortcut shortcut, Runnable action) {
    actions.put(shortcut, action);
    return this;
  }

  /**
   * Makes {@code shortcut} act only while {@code enabled} says so: Esc only while a run trains (else it belongs to popups and dialogs),
   * nothing a lesson locked.
   */
  public ShortcutMap enabledWhen(Shortcut shortcut, BooleanSupplier enabled) {
    locks.put(shortcut, enabled);
    return this;
  }

  /** The shortcut whose keys match {@code event}, if it has an action. */
  public Optional<Shortcut> match(KeyEvent event) {
    for (Shortcut s : Shortcut.values()) {
      if (actions.containsKey(s) && s.keys().match(event)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Runs the action of {@code shortcut}; returns whether it ran (not when it has no action, when it is not enabled now, or when a text
   * field has the keyboard and the shortcut leaves text alone).
   */
  public boolean run(Shortcut shortcut, boolean inTextField) {
    Runnable action = actions.get(shortcut);
    if (action == null || (inTextField && !shortcut.actsInTextFields())) {
      return false;
    }
    BooleanSupplier enabled = locks.get(shortcut);
    if (enabled != null && !enabled.getAsBoolean()) {
      return false;
    }
    action.run();
    return true;
  }

  /** The cheat sheet's rows: keys as the platform writes them, and what they do, in shortcut order. */
  public static List<String[]> cheatSheet() {
    return java.util.Arrays.stream(Shortcut.values())
        .map(s -> new String[] {s.keys().getDisplayText(), Messages.get(s.messageKey())})
        .toList();
  }
}
