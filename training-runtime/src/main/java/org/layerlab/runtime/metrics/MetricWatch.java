package org.layerlab.runtime.metrics;

/**
 * Follows one metric from epoch to epoch and remembers its best value: the basis of early stopping and of the best checkpoint. An
 * epoch improves when its value beats the best by more than {@code minDelta} (lower is better unless {@code higherIsBetter}); the
 * first finite value always improves, NaN never does.
 */
public final class MetricWatch {

  private final boolean higherIsBetter;
  private final double minDelta;
  private double best = Double.NaN;
  private int bestEpoch;
  private int epochsWithoutImprovement;

  public MetricWatch(boolean higherIsBetter, double minDelta) {
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("the smallest improvement must be 0 or more, got " + minDelta);
    }
    this.higherIsBetter = higherIsBetter;
    this.minDelta = minDelta;
  }

  /** Records epoch {@code epoch}'s value and returns whether it improved on the best. */
  public boolean offer(int epoch, double value) {
    boolean improved =
        !Double.isNaN(value) && (Double.isNaN(best) || (higherIsBetter ? value > best + minDelta : value < best - minDelta));
    if (improved) {
      best = value;
      bestEpoch = epoch;
      epochsWithoutImprovement = 0;
    } else {
      epochsWithoutImprovement++;
    }
    return improved;
  }

  /** The best value so far, NaN before the first finite one. */
  public double best() {
    return best;
  }

  /** The epoch of the best value, 0 before the first. */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** Epochs in a row, up to the last offered, that did not improve. */
  public int epochsWithoutImprovement() {
    return epochsWithoutImprovement;
  }

  /** Puts back a state saved with a checkpoint. */
  public void restore(double best, int bestEpoch, int epochsWithoutImprovement) {
    this.best = best;
    this.bestEpoch = bestEpoch;
    this.epochsWithoutImprovement = epochsWithoutImprovement;
  }
}
