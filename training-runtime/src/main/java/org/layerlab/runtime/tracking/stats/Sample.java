package org.layerlab.runtime.tracking.stats;

import java.util.Arrays;

/**
 * The size, mean and standard deviation of a sample of numbers, such as one metric's final values over a group's runs.
 *
 * @param sd the sample standard deviation (divided by n - 1), NaN for fewer than two values
 */
public record Sample(int n, double mean, double sd, double min, double max) {

  /** Describes {@code values}; NaN values are left out. */
  public static Sample of(double[] values) {
    double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).toArray();
    int n = v.length;
    if (n == 0) {
      return new Sample(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      mean += d;
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    mean /= n;
    double squares = 0;
    for (double d : v) {
      squares += (d - mean) * (d - mean);
    }
    return new Sample(n, mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1)), min, max);
  }

  /** The variance, sd squared. */
  public double variance() {
    return sd * sd;
  }
}
