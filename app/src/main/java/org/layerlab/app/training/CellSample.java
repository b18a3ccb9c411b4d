package org.layerlab.app.training;

/**
 * One validation sample behind a confusion-matrix cell, ready to show.
 *
 * @param index the sample's index in the validation set
 * @param shape its shape without the batch
 * @param features its values as the model saw them
 */
public record CellSample(int index, int[] shape, float[] features, String trueLabel, String predictedLabel) {

  /** Whether the sample is an image: channels, height and width, with one or three channels. */
  public boolean isImage() {
    return shape.length == 3 && (shape[0] == 1 || shape[0] == 3) || shape.length == 2;
  }
}
