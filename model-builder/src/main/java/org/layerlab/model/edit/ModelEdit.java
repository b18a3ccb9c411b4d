package org.layerlab.model.edit;

import java.util.Objects;
import org.layerlab.model.ModelSpec;

/**
 * One undoable change to a model, named verb-object ({@code AddLayerEdit}, {@code ConnectPortsEdit}). An edit runs once through
 * {@link #execute}; {@link #undo} and {@link #redo} then give the model before and after it.
 *
 * <p>Specs are immutable, so an edit keeps the spec before and after it instead of computing an inverse: undo cannot drift from
 * what execute did, and the cost is two references.
 */
public abstract class ModelEdit {

  private ModelSpec before;
  private ModelSpec after;

  /**
   * Applies the edit to {@code model} and returns the new model.
   *
   * @throws IllegalArgumentException when the edit does not fit the model (an unknown layer, a port that does not exist, a value
   *     that is not of the setting's kind); the edit is then not executed
   * @throws IllegalStateException when the edit was executed before
   */
  public final ModelSpec execute(ModelSpec model) {
    if (before != null) {
      throw new IllegalStateException("'" + description() + "' was executed already; make a new edit");
    }
    ModelSpec result = Objects.requireNonNull(apply(Objects.requireNonNull(model, "model")), "apply");
    before = model;
    after = result;
    return result;
  }

  /** The model before the edit. */
  public final ModelSpec undo() {
    requireExecuted();
    return before;
  }

  /** The model after the edit. */
  public final ModelSpec redo() {
    requireExecuted();
    return after;
  }

  /** What the edit does, for the Undo and Redo menu items: "Add dense3", "Connect input to sum". */
  public abstract String description();

  /** The model with this edit applied; {@code model} is left as it is. */
  protected abstract ModelSpec apply(ModelSpec model);

  private void requireExecuted() {
    if (before == null) {
      throw new IllegalStateException("'" + description() + "' has not been executed");
    }
  }

  @Override
  public String toString() {
    return description();
  }
}
