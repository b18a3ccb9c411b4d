package org.layerlab.charts.boundary;

import java.util.Objects;

/**
 * A classifier's class probabilities sampled on a grid over a rectangle of the feature plane, as TensorFlow Playground shows
 * behind its points. Cell (column c, row r) covers x from {@code xMin + c * (xMax - xMin) / columns}, rows counting up from
 * {@code yMin}; its probabilities are {@code probabilities[(r * columns + c) * classes + k]}.
 *
 * @param probabilities one probability per class and cell, each cell's summing to about 1; copied
 */
public record DecisionField(
    double xMin, double xMax, double yMin, double yMax, int columns, int rows, int classes, double[] probabilities) {

  /** A model's class probabilities at a point of the plane. */
  @FunctionalInterface
  public interface Classifier {
    /** Probabilities of each class at (x, y). */
    double[] probabilities(double x, double y);
  }

  public DecisionField {
    Objects.requireNonNull(probabilities, "probabilities");
    if (!(xMax > xMin) || !(yMax > yMin)) {
      throw new IllegalArgumentException("empty rectangle " + xMin + ".." + xMax + " x " + yMin + ".." + yMax);
    }
    if (columns < 1 || rows < 1 || classes < 2) {
      throw new IllegalArgumentException("need at least one column and row and two classes");
    }
    if (probabilities.length != columns * rows * classes) {
      throw new IllegalArgumentException(
          probabilities.length + " probabilities for " + columns + " x " + rows + " cells of " + classes + " classes");
    }
    probabilities = probabilities.clone();
  }

  /** Samples a classifier at the centre of every cell. */
  public static DecisionField sample(
      double xMin, double xMax, double yMin, double yMax, int columns, int rows, int classes, Classifier model) {
    double[] p = new double[columns * rows * classes];
    for (int r = 0; r < rows; r++) {
      double y = yMin + (r + 0.5) * (yMax - yMin) / rows;
      for (int c = 0; c < columns; c++) {
        double x = xMin + (c + 0.5) * (xMax - xMin) / columns;
        double[] cell = model.probabilities(x, y);
        System.arraycopy(cell, 0, p, (r * columns + c) * classes, classes);
      }
    }
    return new DecisionField(xMin, xMax, yMin, yMax, columns, rows, classes, p);
  }

  /** The probability of class k in a cell. */
  public double probability(int column, int row, int k) {
    return probabilities[(row * columns + column) * classes + k];
  }

  /** The most probable class in a cell. */
  public int predicted(int column, int row) {
    int best = 0;
    for (int k = 1; k < classes; k++) {
      if (probability(column, row, k) > probability(column, row, best)) {
        best = k;
      }
    }
    return best;
  }

  /** The most probable class at a point of the plane, or -1 outside the rectangle. */
  public int predictedAt(double x, double y) {
    if (x < xMin || x > xMax || y < yMin || y > yMax) {
      return -1;
    }
    int c = Math.min(columns - 1, (int) ((x - xMin) / (xMax - xMin) * columns));
    int r = Math.min(rows - 1, (int) ((y - yMin) / (yMax - yMin) * rows));
    return predicted(c, r);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecisionField f
        && xMin == f.xMin
        && xMax == f.xMax
        && yMin == f.yMin
        && yMax == f.yMax
        && columns == f.columns
        && rows == f.rows
        && classes == f.classes
        && java.util.Arrays.equals(probabilities, f.probabilities);
  }

  @Override
  public int hashCode() {
    return Objects.hash(xMin, xMax, yMin, yMax, columns, rows, classes, java.util.Arrays.hashCode(probabilities));
  }

  @Override
  public String toString() {
    return "DecisionField[" + columns + "x" + rows + ", " + classes + " classes]";
  }
}
