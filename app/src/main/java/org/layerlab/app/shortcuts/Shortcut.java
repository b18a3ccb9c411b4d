package org.layerlab.app.shortcuts;

import javafx.scene.input.KeyCombination;

/**
 * The window's keyboard shortcuts. Each names its keys once; the menus, the scene's accelerators and the cheat sheet all read them
 * from here, so the cheat sheet cannot drift from what the keys do.
 */
public enum Shortcut {
  NEW("Shortcut+N"),
  OPEN("Shortcut+O"),
  SAVE("Shortcut+S"),
  SAVE_AS("Shortcut+Shift+S"),
  TRAIN("Shortcut+Enter"),
  STOP("Esc"),
  REMOVE_LAYER("Delete"),
  MOVE_LAYER_UP("Alt+Up"),
  MOVE_LAYER_DOWN("Alt+Down"),
  UNDO("Shortcut+Z"),
  REDO("Shortcut+Shift+Z"),
  /** The second key for redo, as on Windows. */
  REDO_ALT("Shortcut+Y"),
  COPY("Shortcut+C"),
  PASTE("Shortcut+V"),
  SELECT_ALL("Shortcut+A"),
  FIT_VIEW("Shortcut+0"),
  CHEAT_SHEET("F1");

  private final KeyCombination keys;

  Shortcut(String keys) {
    this.keys = KeyCombination.valueOf(keys);
  }

  public KeyCombination keys() {
    return keys;
  }

  /** The bundle key of what the shortcut does, such as {@code shortcut.SAVE}. */
  public String messageKey() {
    return "shortcut." + name();
  }

  /**
   * Whether the shortcut should act while a text field has the keyboard: Delete, the Alt+arrows, undo, redo, copy, paste and select
   * all edit text there; the file commands, Train, Esc (which closes a field's popup) and fit to view act everywhere.
   */
  public boolean actsInTextFields() {
    return switch (this) {
      case REMOVE_LAYER, MOVE_LAYER_UP, MOVE_LAYER_DOWN, UNDO, REDO, REDO_ALT, COPY, PASTE, SELECT_ALL -> false;
      default -> true;
    };
  }
}
