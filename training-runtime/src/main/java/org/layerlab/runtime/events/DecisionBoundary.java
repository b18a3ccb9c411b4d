package org.layerlab.runtime.events;

/**
 * A two-feature classifier's class probabilities on a grid over the plane of its training data, after an epoch; sent after the
 * epoch's {@link ValidationConfusion}, only for data whose samples are two numbers. The features are those the model sees (after
 * the data loader's scaling), as are the samples of {@link org.layerlab.runtime.train.TrainingRun#trainingSamples()}.
 *
 * <p>Cell (column {@code c}, row {@code r}) is the rectangle from {@code xMin + c * (xMax - xMin) / columns} and
 * {@code yMin + r * (yMax - yMin) / rows}; the model was evaluated at its centre, and {@code probabilities[(r * columns + c) *
 * classes + k]} is the softmax probability of class {@code k} there.
 */
public record DecisionBoundary(
    int epoch,
    long step,
    double xMin,
    double xMax,
    double yMin,
    double yMax,
    int columns,
    int rows,
    int classes,
    float[] probabilities,
    long wallTimeMillis) {

  public DecisionBoundary {
    if (columns < 1 || rows < 1 || classes < 1) {
      throw new IllegalArgumentException("a grid needs a column, a row and a class, got " + columns + " x " + rows + " x " + classes);
    }
    if (probabilities.length != columns * rows * classes) {
      throw new IllegalArgumentException(probabilities.length + " probabilities for " + columns + " x " + rows + " x " + classes);
    }
    probabilities = probabilities.clone();
  }

  @Override
  public float[] probabilities() {
    return probabilities.clone();
  }

  /** The probability of class {@code k} in a cell. */
  public float probability(int column, int row, int k) {
    return probabilities[(row * columns + column) * classes + k];
  }

  /** The x of a column's centre. */
  public double centreX(int column) {
    return xMin + (column + 0.5) * (xMax - xMin) / columns;
  }

  /** The y of a row's centre. */
  public double centreY(int row) {
    return yMin + (row + 0.5) * (yMax - yMin) / rows;
  }

  /** The most probable class of a cell. */
  public int predicted(int column, int row) {
    int base = (row * columns + column) * classes;
    int best = 0;
    for (int k = 1; k < classes; k++) {
      if (probabilities[base + k] > probabilities[base + best]) {
        best = k;
      }
    }
    return best;
  }
}
