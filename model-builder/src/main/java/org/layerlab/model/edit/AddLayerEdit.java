package org.layerlab.model.edit;

import java.util.Objects;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.LocalizedArgumentException;
import org.layerlab.model.ModelSpec;

/**
 * Adds a layer at a place in the list. A layer that names no inputs reads the layer before it, and the layer after it, if that one
 * names no inputs either, now reads the new layer: in a sequential stretch the layer is spliced in.
 */
public final class AddLayerEdit extends ModelEdit {

  private final int index;
  private final LayerSpec layer;

  /** Adds {@code layer} at {@code index}, from 0 to the number of layers; -1 appends it. */
  public AddLayerEdit(int index, LayerSpec layer) {
    this.index = index;
    this.layer = Objects.requireNonNull(layer, "layer");
  }

  /** Adds {@code layer} at the end of the list. */
  public static AddLayerEdit append(LayerSpec layer) {
    return new AddLayerEdit(-1, layer);
  }

  @Override
  public String description() {
    return "Add " + layer.id();
  }

  @Override
  protected ModelSpec apply(ModelSpec model) {
    Connections.requireFreeId(model, layer.id());
    int at = index < 0 ? model.size() : index;
    if (at > model.size()) {
      throw LocalizedArgumentException.of("edit.addPosition", String.valueOf(at), String.valueOf(model.size()));
    }
    return model.insert(at, layer);
  }
}
