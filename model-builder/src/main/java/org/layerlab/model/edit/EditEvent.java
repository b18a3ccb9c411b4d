package org.layerlab.model.edit;

import org.layerlab.model.ModelSpec;

/**
 * One change of an {@link EditHistory}'s model.
 *
 * @param description the edit's description; for a reset, the reason given
 * @param model the model after the change
 * @param revision the history's revision after the change
 */
public record EditEvent(Kind kind, String description, ModelSpec model, long revision) {

  /** What changed the model. */
  public enum Kind {
    EXECUTE,
    UNDO,
    REDO,
    /** A new model replaced the old one, and both stacks were cleared (opening a file or a template). */
    RESET
  }
}
