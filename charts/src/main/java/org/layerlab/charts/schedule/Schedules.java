package org.layerlab.charts.schedule;

/**
 * The common learning-rate schedules, with the formulas of PyTorch's schedulers (counted in steps rather than epochs), so that a
 * preview matches what a run will do.
 */
public final class Schedules {

  private Schedules() {}

  /** The same rate throughout. */
  public static LearningRateSchedule constant(double rate) {
    return step -> rate;
  }

  /** {@code rate * factor^floor(step / every)}: a drop by {@code factor} every {@code every} steps (PyTorch's StepLR). */
  public static LearningRateSchedule stepDecay(double rate, double factor, long every) {
    if (every < 1) {
      throw new IllegalArgumentException("every must be at least 1");
    }
    return step -> rate * Math.pow(factor, Math.floorDiv(step, every));
  }

  /** {@code rate * gamma^step} (PyTorch's ExponentialLR, per step). */
  public static LearningRateSchedule exponential(double rate, double gamma) {
    return step -> rate * Math.pow(gamma, step);
  }

  /**
   * Cosine annealing from {@code rate} to {@code minRate} over {@code totalSteps}, then {@code minRate}: {@code min + (rate - min)
   * (1 + cos(pi step / total)) / 2} (Loshchilov and Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts", 2017; PyTorch's
   * CosineAnnealingLR).
   */
  public static LearningRateSchedule cosine(double rate, double minRate, long totalSteps) {
    if (totalSteps < 1) {
      throw new IllegalArgumentException("totalSteps must be at least 1");
    }
    return step -> {
      long s = Math.min(Math.max(step, 0), totalSteps);
      return minRate + (rate - minRate) * (1 + Math.cos(Math.PI * s / totalSteps)) / 2;
    };
  }

  /**
   * A linear warm-up from {@code peak / warmupSteps} to {@code peak} over the first {@code warmupSteps} steps, then cosine
   * annealing to {@code minRate} over the rest (Goyal et al., "Accurate, Large Minibatch SGD", 2017, for the warm-up).
   */
  public static LearningRateSchedule warmupCosine(double peak, double minRate, long warmupSteps, long totalSteps) {
    if (warmupSteps < 1 || totalSteps <= warmupSteps) {
      throw new IllegalArgumentException("need 1 <= warmupSteps < totalSteps");
    }
    LearningRateSchedule after = cosine(peak, minRate, totalSteps - warmupSteps);
    return step -> step < warmupSteps ? peak * (step + 1) / warmupSteps : after.rate(step - warmupSteps);
  }

  /**
   * The one-cycle policy with PyTorch's OneCycleLR defaults: from {@code maxRate / 25} up to {@code maxRate} over the first 30% of
   * the steps, then down to {@code maxRate / 25 / 10^4}, both by cosine annealing (Smith and Topin, "Super-Convergence", 2017).
   */
  public static LearningRateSchedule oneCycle(double maxRate, long totalSteps) {
    if (totalSteps < 4) {
      throw new IllegalArgumentException("totalSteps must be at least 4, for a rise and a fall");
    }
    double initial = maxRate / 25;
    double min = initial / 1e4;
    double peakStep = 0.3 * totalSteps - 1;
    double lastStep = totalSteps - 1;
    return step -> {
      double s = Math.min(Math.max(step, 0), lastStep);
      if (s <= peakStep) {
        return annealCos(initial, maxRate, s / peakStep);
      }
      return annealCos(maxRate, min, (s - peakStep) / (lastStep - peakStep));
    };
  }

  /** PyTorch's {@code _annealing_cos}: from start at pct 0 to end at pct 1 along half a cosine. */
  private static double annealCos(double start, double end, double pct) {
    return end + (start - end) / 2 * (Math.cos(Math.PI * pct) + 1);
  }
}
