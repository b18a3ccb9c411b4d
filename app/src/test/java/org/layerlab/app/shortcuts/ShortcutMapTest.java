package org.layerlab.app.shortcuts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.layerlab.app.i18n.Messages;

class ShortcutMapTest {

  private final List<String> ran = new ArrayList<>();

  @Test
  void theKeysTheIssueAsksForAreTheOnesMapped() {
    assertEquals(Optional.of(Shortcut.SAVE_AS), all().match(press(KeyCode.S, true, true, false)));
    assertEquals(Optional.of(Shortcut.SAVE), all().match(press(KeyCode.S, true, false, false)));
    assertEquals(Optional.of(Shortcut.OPEN), all().match(press(KeyCode.O, true, false, false)));
    assertEquals(Optional.of(Shortcut.TRAIN), all().match(press(KeyCode.ENTER, true, false, false)));
    assertEquals(Optional.of(Shortcut.STOP), all().match(press(KeyCode.ESCAPE, false, false, false)));
    assertEquals(Optional.of(Shortcut.REMOVE_LAYER), all().match(press(KeyCode.DELETE, false, false, false)));
    assertEquals(Optional.of(Shortcut.MOVE_LAYER_UP), all().match(press(KeyCode.UP, false, false, true)));
    assertEquals(Optional.of(Shortcut.MOVE_LAYER_DOWN), all().match(press(KeyCode.DOWN, false, false, true)));
    assertEquals(Optional.of(Shortcut.CHEAT_SHEET), all().match(press(KeyCode.F1, false, false, false)));
    assertEquals(Optional.empty(), all().match(press(KeyCode.UP, false, false, false)), "a plain arrow moves the selection, not the layer");
  }

  @Test
  void theCanvasEditingKeysAreMappedAndShiftTellsRedoFromUndo() {
    assertEquals(Optional.of(Shortcut.UNDO), all().match(press(KeyCode.Z, true, false, false)));
    assertEquals(Optional.of(Shortcut.REDO), all().match(press(KeyCode.Z, true, true, false)));
    assertEquals(Optional.of(Shortcut.REDO_ALT), all().match(press(KeyCode.Y, true, false, false)));
    assertEquals(Optional.of(Shortcut.COPY), all().match(press(KeyCode.C, true, false, false)));
    assertEquals(Optional.of(Shortcut.PASTE), all().match(press(KeyCode.V, true, false, false)));
    assertEquals(Optional.of(Shortcut.SELECT_ALL), all().match(press(KeyCode.A, true, false, false)));
    assertEquals(Optional.of(Shortcut.FIT_VIEW), all().match(press(KeyCode.DIGIT0, true, false, false)));
    assertEquals(Optional.empty(), all().match(press(KeyCode.C, false, false, false)), "a plain C is typing");
  }

  @Test
  void undoCopyPasteAndSelectAllLeaveTextFieldsToTheirOwnEditing() {
    ShortcutMap map = all();
    for (Shortcut s : List.of(Shortcut.UNDO, Shortcut.REDO, Shortcut.REDO_ALT, Shortcut.COPY, Shortcut.PASTE, Shortcut.SELECT_ALL)) {
      assertFalse(map.run(s, true), s.name());
    }
    assertTrue(map.run(Shortcut.UNDO, false));
    assertTrue(map.run(Shortcut.FIT_VIEW, true));
    assertEquals(List.of("UNDO", "FIT_VIEW"), ran);
  }

  @Test
  void deleteAndAltArrowsLeaveTextFieldsAloneButTrainWorksEverywhere() {
    ShortcutMap map = all();
    assertFalse(map.run(Shortcut.REMOVE_LAYER, true));
    assertFalse(map.run(Shortcut.MOVE_LAYER_UP, true));
    assertTrue(map.run(Shortcut.TRAIN, true));
    assertTrue(map.run(Shortcut.REMOVE_LAYER, false));
    assertEquals(List.of("TRAIN", "REMOVE_LAYER"), ran);
  }

  @Test
  void aShortcutThatIsNotEnabledDoesNothing() {
    boolean[] running = {false};
    ShortcutMap map = all().enabledWhen(Shortcut.STOP, () -> running[0]);
    assertFalse(map.run(Shortcut.STOP, false), "Esc without a run is left to dialogs and popups");
    running[0] = true;
    assertTrue(map.run(Shortcut.STOP, false));
    assertEquals(List.of("STOP"), ran);
  }

  @Test
  void theCheatSheetListsEveryShortcutInTheCurrentLanguage() {
    Messages.setLocale(Locale.ENGLISH);
    List<String[]> rows = ShortcutMap.cheatSheet();
    assertEquals(Shortcut.values().length, rows.size());
    assertEquals("Save the project", rows.get(Shortcut.SAVE.ordinal())[1]);
    assertEquals("F1", rows.get(rows.size() - 1)[0]);
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertEquals("保存项目", ShortcutMap.cheatSheet().get(Shortcut.SAVE.ordinal())[1]);
    Messages.setLocale(Locale.ENGLISH);
  }

  private ShortcutMap all() {
    ShortcutMap map = new ShortcutMap();
    for (Shortcut s : Shortcut.values()) {
      map.on(s, () -> ran.add(s.name()));
    }
    return map;
  }

  /** A key press with Ctrl as the shortcut key (Linux and Windows). */
  private static KeyEvent press(KeyCode code, boolean ctrl, boolean shift, boolean alt) {
    return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, ctrl, alt, false);
  }
}
