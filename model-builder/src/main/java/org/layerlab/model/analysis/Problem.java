package org.layerlab.model.analysis;

/**
 * Something that stops a model from training, with the layer it concerns ({@code null} for the model as a whole) and a message that
 * says what to change.
 */
public record Problem(String layerId, String message) {

  @Override
  public String toString() {
    return layerId == null ? message : layerId + ": " + message;
  }
}
