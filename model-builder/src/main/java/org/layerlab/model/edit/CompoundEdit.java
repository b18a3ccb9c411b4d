package org.layerlab.model.edit;

import java.util.List;
import java.util.Objects;
import org.layerlab.model.ModelSpec;

/** Several edits that undo as one, such as adding a layer and connecting it: "Add shortcut". */
public final class CompoundEdit extends ModelEdit {

  private final String description;
  private final List<ModelEdit> edits;

  public CompoundEdit(String description, List<? extends ModelEdit> edits) {
    this.description = Objects.requireNonNull(description, "description");
    this.edits = List.copyOf(edits);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  protected ModelSpec apply(ModelSpec model) {
    ModelSpec out = model;
    for (ModelEdit e : edits) {
      out = e.apply(out);
    }
    return out;
  }
}
