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
   * Whether the shortcut should act while a text field has the keyboard: Delete and the Alt+arrows edit text there, and Esc closes a
   * field's popup; the file commands and Train act everywhere.
   */
  public boolean actsInTextFields() {
    return this != REMOVE_LAYER && this != MOVE_LAYER_UP && this != MOVE_LAYER_DOWN;
  }
}
