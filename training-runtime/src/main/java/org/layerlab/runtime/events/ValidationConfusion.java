package org.layerlab.runtime.events;

import java.util.List;

/**
 * The validation set's confusion matrix after an epoch, with the indices of some samples of every cell, so that a user can look at
 * the samples the model confuses. Sent right after the epoch's {@link EpochScores}.
 *
 * <p>Row {@code t}, column {@code p} counts the validation samples of true class {@code t} predicted as class {@code p} (the class
 * with the highest score). {@link #samples(int, int)} lists the first {@link #samplesPerCell} of them in validation-set order; they
 * are indices for {@link org.layerlab.runtime.train.TrainingRun#validationSamples()}.
 *
 * @param counts {@code classNames.size()} rows of {@code classNames.size()} counts
 * @param cellSamples per row and column, the indices of at most {@code samplesPerCell} of the cell's samples, ascending
 */
public record ValidationConfusion(
    int epoch, long step, List<String> classNames, long[][] counts, int[][][] cellSamples, int samplesPerCell, long wallTimeMillis) {

  public ValidationConfusion {
    classNames = List.copyOf(classNames);
    int n = classNames.size();
    if (counts.length != n || cellSamples.length != n) {
      throw new IllegalArgumentException(n + " classes need " + n + " rows, got " + counts.length + " and " + cellSamples.length);
    }
    long[][] c = new long[n][];
    int[][][] s = new int[n][n][];
    for (int t = 0; t < n; t++) {
      if (counts[t].length != n || cellSamples[t].length != n) {
        throw new IllegalArgumentException("row " + t + " must have " + n + " columns");
      }
      c[t] = counts[t].clone();
      for (int p = 0; p < n; p++) {
        s[t][p] = cellSamples[t][p].clone();
      }
    }
    counts = c;
    cellSamples = s;
  }

  /** How many validation samples of class {@code trueClass} were predicted as {@code predictedClass}. */
  public long count(int trueClass, int predictedClass) {
    return counts[trueClass][predictedClass];
  }

  /** Indices (in the validation set) of at most {@link #samplesPerCell} samples of the cell, ascending. */
  public int[] samples(int trueClass, int predictedClass) {
    return cellSamples[trueClass][predictedClass].clone();
  }

  /** A copy of the counts. */
  @Override
  public long[][] counts() {
    long[][] c = new long[counts.length][];
    for (int t = 0; t < c.length; t++) {
      c[t] = counts[t].clone();
    }
    return c;
  }

  @Override
  public int[][][] cellSamples() {
    int[][][] s = new int[cellSamples.length][][];
    for (int t = 0; t < s.length; t++) {
      s[t] = new int[cellSamples[t].length][];
      for (int p = 0; p < s[t].length; p++) {
        s[t][p] = cellSamples[t][p].clone();
      }
    }
    return s;
  }

  /** All validation samples counted. */
  public long total() {
    long sum = 0;
    for (long[] row : counts) {
      for (long v : row) {
        sum += v;
      }
    }
    return sum;
  }
}
