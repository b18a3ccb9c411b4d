package org.layerlab.runtime.metrics;

/**
 * Counts of (true class, predicted class) pairs, and the scores read from them. Precision of class {@code c} is the share of samples
 * predicted {@code c} that are {@code c}; recall the share of samples of {@code c} predicted {@code c}; F1 their harmonic mean. A class
 * never predicted has precision 0, a class that never occurs recall 0, and F1 is 0 when both are 0.
 */
public final class ConfusionMatrix {

  private final long[][] counts;
  private long total;

  public ConfusionMatrix(int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("a confusion matrix needs at least one class, got " + classes);
    }
    counts = new long[classes][classes];
  }

  public int classes() {
    return counts.length;
  }

  public void add(int actual, int predicted) {
    counts[actual][predicted]++;
    total++;
  }

  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  public long total() {
    return total;
  }

  /** A copy of the counts: row = true class, column = predicted class. */
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /** Samples of class {@code c}. */
  public long support(int c) {
    long s = 0;
    for (long v : counts[c]) {
      s += v;
    }
    return s;
  }

  /** Samples predicted as {@code c}. */
  public long predicted(int c) {
    long s = 0;
    for (long[] row : counts) {
      s += row[c];
    }
    return s;
  }

  public double accuracy() {
    if (total == 0) {
      return Double.NaN;
    }
    long right = 0;
    for (int c = 0; c < counts.length; c++) {
      right += counts[c][c];
    }
    return (double) right / total;
  }

  public double precision(int c) {
    long p = predicted(c);
    return p == 0 ? 0 : (double) counts[c][c] / p;
  }

  public double recall(int c) {
    long s = support(c);
    return s == 0 ? 0 : (double) counts[c][c] / s;
  }

  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public double macroPrecision() {
    double sum = 0;
    for (int c = 0; c < counts.length; c++) {
      sum += precision(c);
    }
    return sum / counts.length;
  }

  public double macroRecall() {
    double sum = 0;
    for (int c = 0; c < counts.length; c++) {
      sum += recall(c);
    }
    return sum / counts.length;
  }

  /** The mean of the per-class F1 scores (not the F1 of the macro precision and recall), as scikit-learn's {@code average='macro'}. */
  public double macroF1() {
    double sum = 0;
    for (int c = 0; c < counts.length; c++) {
      sum += f1(c);
    }
    return sum / counts.length;
  }
}
