package org.layerlab.app.model.inspect;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.edit.ChangeSettingEdit;
import org.layerlab.model.edit.EditHistory;
import org.layerlab.model.edit.RenameLayerEdit;
import org.layerlab.model.layer.LayerType;

/** Small models for the inspector tests, and {@link LayerEdits} done the way the model page does them: through an edit history. */
final class InspectorModels {

  private InspectorModels() {}

  /** Input (2) - dense1 (64, relu) - dense2 (3). */
  static ModelSpec mlp() {
    return ModelSpec.of(
        LayerSpec.of("input", LayerType.INPUT),
        LayerSpec.of("dense1", LayerType.DENSE).with("units", 64).with("activation", "relu"),
        LayerSpec.of("dense2", LayerType.DENSE).with("units", 3));
  }

  /** A residual block: input (8) - a (8) - b (8), then Add(a, b). */
  static ModelSpec residual() {
    return new ModelSpec(
        List.of(
            new LayerSpec("input", LayerType.INPUT, java.util.Map.of("shape", List.of(8))),
            LayerSpec.of("a", LayerType.DENSE).with("units", 8),
            LayerSpec.of("b", LayerType.DENSE).with("units", 8),
            LayerSpec.of("sum", LayerType.ADD).withInputs("a", "b")));
  }

  /** The model page's side of the sheet: every edit goes through an {@link EditHistory}, and the model property follows it. */
  static final class HistoryEdits implements LayerEdits {
    final EditHistory history;
    final ObjectProperty<ModelSpec> model;
    int edits;

    HistoryEdits(ModelSpec initial) {
      history = new EditHistory(initial);
      model = new SimpleObjectProperty<>(initial);
    }

    @Override
    public void rename(String layerId, String newName) {
      history.execute(new RenameLayerEdit(layerId, newName));
      edits++;
      model.set(history.model());
    }

    @Override
    public void changeSetting(String layerId, String key, Object value) {
      history.execute(new ChangeSettingEdit(layerId, key, value));
      edits++;
      model.set(history.model());
    }

    void undo() {
      history.undo();
      model.set(history.model());
    }
  }
}
