package org.layerlab.charts.confusion;

import java.util.List;
import java.util.Objects;

/**
 * Counts of a classifier's predictions: row {@code r}, column {@code c} counts the samples of true class {@code r} predicted as
 * class {@code c}. The diagonal holds the right predictions.
 *
 * @param labels the class names, one per row and column
 * @param counts a square matrix as big as the label list; copied
 */
public record ConfusionMatrix(List<String> labels, long[][] counts) {

  public ConfusionMatrix {
    labels = List.copyOf(labels);
    Objects.requireNonNull(counts, "counts");
    int n = labels.size();
    if (counts.length != n) {
      throw new IllegalArgumentException(n + " labels but " + counts.length + " rows");
    }
    long[][] copy = new long[n][];
    for (int r = 0; r < n; r++) {
      if (counts[r].length != n) {
        throw new IllegalArgumentException("row " + r + " has " + counts[r].length + " columns, not " + n);
      }
      for (long v : counts[r]) {
        if (v < 0) {
          throw new IllegalArgumentException("negative count in row " + r);
        }
      }
      copy[r] = counts[r].clone();
    }
    counts = copy;
  }

  /** Counts the pairs of true and predicted class indices. */
  public static ConfusionMatrix of(List<String> labels, int[] trueClasses, int[] predictedClasses) {
    if (trueClasses.length != predictedClasses.length) {
      throw new IllegalArgumentException(trueClasses.length + " true classes but " + predictedClasses.length + " predictions");
    }
    long[][] counts = new long[labels.size()][labels.size()];
    for (int i = 0; i < trueClasses.length; i++) {
      counts[trueClasses[i]][predictedClasses[i]]++;
    }
    return new ConfusionMatrix(labels, counts);
  }

  /** Number of classes. */
  public int size() {
    return labels.size();
  }

  public long count(int trueClass, int predictedClass) {
    return counts[trueClass][predictedClass];
  }

  /** Samples of a true class. */
  public long rowTotal(int trueClass) {
    long sum = 0;
    for (long v : counts[trueClass]) {
      sum += v;
    }
    return sum;
  }

  /** All samples. */
  public long total() {
    long sum = 0;
    for (int r = 0; r < size(); r++) {
      sum += rowTotal(r);
    }
    return sum;
  }

  /**
   * The share of a true class's samples predicted as a class; along the diagonal, the class's recall. NaN for a class without
   * samples.
   */
  public double rowShare(int trueClass, int predictedClass) {
    long total = rowTotal(trueClass);
    return total == 0 ? Double.NaN : (double) counts[trueClass][predictedClass] / total;
  }

  /** Share of all samples on the diagonal; NaN without samples. */
  public double accuracy() {
    long total = total();
    long right = 0;
    for (int i = 0; i < size(); i++) {
      right += counts[i][i];
    }
    return total == 0 ? Double.NaN : (double) right / total;
  }

  // Arrays compare by identity in a record's generated methods: compare contents.
  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix m && labels.equals(m.labels) && java.util.Arrays.deepEquals(counts, m.counts);
  }

  @Override
  public int hashCode() {
    return 31 * labels.hashCode() + java.util.Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return "ConfusionMatrix" + labels + java.util.Arrays.deepToString(counts);
  }
}
