package org.layerlab.runtime.store;

/**
 * One series of a run as parallel arrays, ordered by step: the form comparisons and charts read, without an object per point.
 *
 * <p>The arrays are the caller's: the store hands out new ones each time. {@code values} holds NaN where a value was not a number.
 */
public record MetricSeries(String tag, long[] steps, long[] wallTimesMillis, double[] values) {

  public MetricSeries {
    if (steps.length != wallTimesMillis.length || steps.length != values.length) {
      throw new IllegalArgumentException("steps, wall times and values differ in length");
    }
  }

  /** A series with no points. */
  public static MetricSeries empty(String tag) {
    return new MetricSeries(tag, new long[0], new long[0], new double[0]);
  }

  public int size() {
    return steps.length;
  }
}
