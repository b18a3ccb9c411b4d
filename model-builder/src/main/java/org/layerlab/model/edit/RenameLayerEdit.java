package org.layerlab.model.edit;

import java.util.Objects;
import org.layerlab.model.ModelSpec;

/** Renames a layer and every connection that names it. */
public final class RenameLayerEdit extends ModelEdit {

  private final String id;
  private final String newId;

  public RenameLayerEdit(String id, String newId) {
    this.id = Objects.requireNonNull(id, "id");
    this.newId = Objects.requireNonNull(newId, "newId");
  }

  @Override
  public String description() {
    return "Rename " + id + " to " + newId;
  }

  @Override
  protected ModelSpec apply(ModelSpec model) {
    int index = Connections.require(model, id);
    if (id.equals(newId)) {
      return model;
    }
    Connections.requireFreeId(model, newId);
    ModelSpec renamed = model.replace(index, model.layer(index).withId(newId));
    return Connections.replaceSource(renamed, id, newId);
  }
}
