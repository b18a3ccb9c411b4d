package org.layerlab.runtime.metrics;

import org.layerlab.runtime.events.RegressionScores;

/**
 * Adds up a regression model's results batch by batch, from each batch's predictions and targets: absolute and squared errors, and
 * per target the sums that R-squared needs, and the loss. Sums are kept in {@code double}, so that a large set loses no precision
 * to the float values it adds.
 */
public final class RegressionTally {

  private final int targets;
  private final double[] sum;
  private final double[] sumOfSquares;
  private final double[] residualSquares;
  private long samples;
  private double absoluteErrorSum;
  private double squaredErrorSum;
  private double lossSum;

  /** @param targets how many values each sample has */
  public RegressionTally(int targets) {
    if (targets < 1) {
      throw new IllegalArgumentException("a regression has at least one target, got " + targets);
    }
    this.targets = targets;
    this.sum = new double[targets];
    this.sumOfSquares = new double[targets];
    this.residualSquares = new double[targets];
  }

  /**
   * Adds {@code count} samples: sample {@code i} has predictions {@code predictions[i * targets ..]} and true values
   * {@code truth[i * targets ..]}.
   */
  public void add(float[] predictions, float[] truth, int count) {
    for (int i = 0; i < count * targets; i++) {
      int k = i % targets;
      double y = truth[i];
      double error = predictions[i] - y;
      absoluteErrorSum += Math.abs(error);
      squaredErrorSum += error * error;
      residualSquares[k] += error * error;
      sum[k] += y;
      sumOfSquares[k] += y * y;
    }
    samples += count;
  }

  /** Adds the summed loss of samples added with {@link #add}. */
  public void addLoss(double summedLoss) {
    lossSum += summedLoss;
  }

  public long samples() {
    return samples;
  }

  /** The figures so far; all NaN before the first sample. */
  public RegressionScores scores() {
    if (samples == 0) {
      return new RegressionScores(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double values = (double) samples * targets;
    double r2 = 0;
    for (int k = 0; k < targets; k++) {
      double mean = sum[k] / samples;
      double total = sumOfSquares[k] - samples * mean * mean;
      // A target that does not vary has no R-squared (scikit-learn gives 1 or 0 by convention; NaN says it honestly).
      r2 += total > 1e-12 * Math.max(1, sumOfSquares[k]) ? 1 - residualSquares[k] / total : Double.NaN;
    }
    return new RegressionScores(
        (int) samples, lossSum / samples, absoluteErrorSum / values, Math.sqrt(squaredErrorSum / values), r2 / targets);
  }
}
