package org.layerlab.charts.histogram;

import java.util.Arrays;
import java.util.Objects;

/**
 * The distribution of a tensor's values (weights or gradients of a layer) at one training step, as bins: bin {@code i} counts the
 * values in {@code [edges[i], edges[i + 1])}, the last bin also its upper edge.
 *
 * @param step the training step
 * @param edges bin edges, increasing, one more than counts; copied
 * @param counts values per bin, not negative; copied
 */
public record HistogramSnapshot(double step, double[] edges, double[] counts) {

  public HistogramSnapshot {
    Objects.requireNonNull(edges, "edges");
    Objects.requireNonNull(counts, "counts");
    if (edges.length != counts.length + 1 || counts.length == 0) {
      throw new IllegalArgumentException(edges.length + " edges for " + counts.length + " bins; need one more edge than bins");
    }
    for (int i = 1; i < edges.length; i++) {
      if (!(edges[i] > edges[i - 1])) {
        throw new IllegalArgumentException("edges must increase: " + edges[i - 1] + ", " + edges[i]);
      }
    }
    for (double c : counts) {
      if (!(c >= 0)) {
        throw new IllegalArgumentException("counts must be finite and not negative: " + c);
      }
    }
    edges = edges.clone();
    counts = counts.clone();
  }

  /**
   * Bins values into {@code bins} equal bins from their smallest to their largest finite value. Non-finite values are left out;
   * if all values are equal the single value gets a bin of width 1 around it.
   */
  public static HistogramSnapshot of(double step, double[] values, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be at least 1");
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      min = -0.5;
      max = 0.5;
    } else if (min == max) {
      min -= 0.5;
      max += 0.5;
    }
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = min + (max - min) * i / bins;
    }
    edges[bins] = max;
    double[] counts = new double[bins];
    double width = (max - min) / bins;
    for (double v : values) {
      if (Double.isFinite(v)) {
        counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
      }
    }
    return new HistogramSnapshot(step, edges, counts);
  }

  /** As {@link #of(double, double[], int)} for floats, as weights usually are. */
  public static HistogramSnapshot of(double step, float[] values, int bins) {
    double[] d = new double[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i];
    }
    return of(step, d, bins);
  }

  public int bins() {
    return counts.length;
  }

  public double min() {
    return edges[0];
  }

  public double max() {
    return edges[edges.length - 1];
  }

  /** Sum of the counts. */
  public double total() {
    double sum = 0;
    for (double c : counts) {
      sum += c;
    }
    return sum;
  }

  /** Count per unit of value in bin i. */
  public double density(int i) {
    return counts[i] / (edges[i + 1] - edges[i]);
  }

  /** The value below which a share q of the counts lies, interpolated within its bin; NaN when empty. */
  public double quantile(double q) {
    double total = total();
    if (total == 0) {
      return Double.NaN;
    }
    double target = q * total;
    double seen = 0;
    for (int i = 0; i < counts.length; i++) {
      if (seen + counts[i] >= target && counts[i] > 0) {
        return edges[i] + (edges[i + 1] - edges[i]) * (target - seen) / counts[i];
      }
      seen += counts[i];
    }
    return max();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistogramSnapshot h
        && step == h.step
        && Arrays.equals(edges, h.edges)
        && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(step, Arrays.hashCode(edges), Arrays.hashCode(counts));
  }

  @Override
  public String toString() {
    return "HistogramSnapshot[step " + step + ", " + counts.length + " bins " + min() + ".." + max() + "]";
  }
}
