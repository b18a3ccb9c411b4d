package org.layerlab.runtime.metrics;

import org.layerlab.runtime.events.ParameterHistogram;

/** Equal-width histograms of float arrays, with their count, range, mean and standard deviation. */
public final class Histograms {

  /** The bins of each histogram: TensorBoard shows 30 by default. */
  public static final int BINS = 30;

  private Histograms() {}

  /**
   * The histogram of {@code values} in {@code bins} equal bins from their minimum to their maximum; NaN and infinite values are left
   * out. All equal values make one bin of width 0 holding them all; no finite values make one empty bin from 0 to 0.
   */
  public static ParameterHistogram of(String layerId, String parameter, String kind, float[] values, int bins) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    long n = 0;
    for (float v : values) {
      if (Float.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
        n++;
      }
    }
    if (n == 0) {
      return new ParameterHistogram(layerId, parameter, kind, 0, 0, 0, Double.NaN, Double.NaN, new double[] {0, 0}, new long[] {0});
    }
    double mean = sum / n;
    double squares = 0;
    for (float v : values) {
      if (Float.isFinite(v)) {
        squares += (v - mean) * (v - mean);
      }
    }
    double std = Math.sqrt(squares / n);
    if (min == max) {
      return new ParameterHistogram(layerId, parameter, kind, n, min, max, mean, std, new double[] {min, max}, new long[] {n});
    }
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = min + (max - min) * i / bins;
    }
    edges[bins] = max;
    long[] counts = new long[bins];
    double scale = bins / (max - min);
    for (float v : values) {
      if (Float.isFinite(v)) {
        int bin = (int) ((v - min) * scale);
        counts[Math.min(bin, bins - 1)]++;
      }
    }
    return new ParameterHistogram(layerId, parameter, kind, n, min, max, mean, std, edges, counts);
  }
}
