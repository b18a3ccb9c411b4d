package org.layerlab.runtime.tracking;

import java.util.Arrays;

/**
 * One run's series on an {@link Axis}: x ascending, y the values (NaN where a value was not a number).
 *
 * @param note why the curve is empty when it is (the run lacks the series, or its x on this axis is unknown); empty otherwise
 */
public record Curve(String runId, String tag, Axis axis, double[] x, double[] y, String note) {

  public Curve {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length");
    }
  }

  public int size() {
    return x.length;
  }

  /**
   * The value of the last point at or before {@code at}: the curve as a step function, which is how a run's value at a time or step
   * between its points reads. NaN before the first point.
   */
  public double valueAt(double at) {
    int i = Arrays.binarySearch(x, at);
    if (i < 0) {
      i = -i - 2;
    } else {
      while (i + 1 < x.length && x[i + 1] == at) {
        i++;
      }
    }
    return i < 0 ? Double.NaN : y[i];
  }
}
