package org.layerlab.app.model.inspect;

/**
 * The edits the layer property sheet asks for. The model page implements it with the model builder's undoable edits ({@code
 * RenameLayerEdit} and {@code ChangeSettingEdit} through its {@code EditHistory}), so that every change the sheet makes can be undone.
 * The sheet calls it on the JavaFX thread and only with values it has checked: a free, non-empty name, and a setting value already
 * normalised to the setting's kind and within its range.
 */
public interface LayerEdits {

  /** Renames layer {@code layerId} to {@code newName}, and every connection that names it. */
  void rename(String layerId, String newName);

  /**
   * Sets setting {@code key} of layer {@code layerId}.
   *
   * @param value an {@code Integer}, {@code Double}, {@code String} or {@code List<Integer>}, as the setting's kind says
   */
  void changeSetting(String layerId, String key, Object value);
}
