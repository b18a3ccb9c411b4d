package org.layerlab.model.edit;

import java.util.List;
import java.util.Objects;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;

/**
 * Removes a layer. Layers that read it are bridged to what it read when it had one input, so removing a layer from a path keeps the
 * path; when it had several inputs (a merge) or none, the ports that read it are left unconnected for the user to decide.
 */
public final class RemoveLayerEdit extends ModelEdit {

  private final String id;

  public RemoveLayerEdit(String id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  @Override
  public String description() {
    return "Remove " + id;
  }

  @Override
  protected ModelSpec apply(ModelSpec model) {
    int index = Connections.require(model, id);
    List<String> read = model.inputsOf(index);
    String replacement = read.size() == 1 ? read.get(0) : LayerSpec.UNCONNECTED;
    ModelSpec out = model;
    if (index + 1 < out.size() && !out.layer(index + 1).hasExplicitInputs()) {
      out = out.withExplicitInputs(index + 1); // the next layer reads this one implicitly: say so before the list shifts
    }
    out = Connections.replaceSource(out, id, replacement);
    out = out.remove(index);
    return Connections.simplify(out);
  }
}
