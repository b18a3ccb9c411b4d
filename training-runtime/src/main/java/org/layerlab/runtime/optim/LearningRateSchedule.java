package org.layerlab.runtime.optim;

import java.util.Arrays;

/**
 * The learning rate of each update of a run, in plain Java. Steps count updates from 0; the epoch-based schedules count epochs from 0
 * as {@code step / stepsPerEpoch}, the way PyTorch's schedulers count {@code scheduler.step()} calls once an epoch. DJL reads a
 * schedule through {@link ScheduleTracker}.
 *
 * <p>Only {@link ReduceOnPlateau} changes with what it is told ({@link #epochEnded}); the others are functions of the step alone.
 */
public interface LearningRateSchedule {

  /** The learning rate of update {@code step}, from 0. */
  double rate(long step);

  /** Tells the schedule that epoch {@code epoch} (from 1) ended with {@code monitored} as the value of the metric it watches. */
  default void epochEnded(int epoch, double monitored) {}

  /** What the schedule has learnt from {@link #epochEnded}, to save with a checkpoint; empty for a schedule that learns nothing. */
  default double[] state() {
    return new double[0];
  }

  /** Puts back what {@link #state()} returned. */
  default void restore(double[] state) {}

  /** The same rate throughout. */
  static LearningRateSchedule constant(double rate) {
    return new Constant(rate);
  }

  /** The rate times {@code gamma} every {@code everyEpochs} epochs: PyTorch's {@code StepLR}. */
  static LearningRateSchedule stepDecay(double rate, int stepsPerEpoch, int everyEpochs, double gamma) {
    return new StepDecay(rate, stepsPerEpoch, everyEpochs, gamma);
  }

  /** The rate times {@code gamma} at each of the epochs {@code milestones} (from 0, ascending): PyTorch's {@code MultiStepLR}. */
  static LearningRateSchedule multiStepDecay(double rate, int stepsPerEpoch, int[] milestones, double gamma) {
    return new MultiStepDecay(rate, stepsPerEpoch, milestones, gamma);
  }

  /** The rate times {@code gamma} every epoch: PyTorch's {@code ExponentialLR}. */
  static LearningRateSchedule exponentialDecay(double rate, int stepsPerEpoch, double gamma) {
    return new ExponentialDecay(rate, stepsPerEpoch, gamma);
  }

  /** Half a cosine from the rate down to {@code minRate} over {@code totalSteps} updates (SGDR without restarts). */
  static LearningRateSchedule cosine(double rate, long totalSteps, double minRate) {
    return new Cosine(rate, 0, totalSteps, minRate);
  }

  /** A linear warm-up over {@code warmupSteps} updates, then {@link #cosine} over the rest. */
  static LearningRateSchedule warmupCosine(double rate, long warmupSteps, long totalSteps, double minRate) {
    return new Cosine(rate, warmupSteps, totalSteps, minRate);
  }

  /** The rate times {@code factor} whenever the watched metric has not improved for {@code patience} epochs. */
  static ReduceOnPlateau reduceOnPlateau(double rate, boolean maximize, double factor, int patience, double threshold, double minRate) {
    return new ReduceOnPlateau(rate, maximize, factor, patience, threshold, minRate);
  }

  private static void checkRate(double rate) {
    if (!(rate >= 0 && Double.isFinite(rate))) {
      throw new IllegalArgumentException("a learning rate must be finite and 0 or more, got " + rate);
    }
  }

  private static void checkStepsPerEpoch(int stepsPerEpoch) {
    if (stepsPerEpoch < 1) {
      throw new IllegalArgumentException("steps per epoch must be 1 or more, got " + stepsPerEpoch);
    }
  }

  /** {@code rate} at every step. */
  record Constant(double rate) implements LearningRateSchedule {
    public Constant {
      checkRate(rate);
    }

    @Override
    public double rate(long step) {
      return rate;
    }
  }

  /** {@code rate · gamma^⌊epoch / everyEpochs⌋}. */
  record StepDecay(double rate, int stepsPerEpoch, int everyEpochs, double gamma) implements LearningRateSchedule {
    public StepDecay {
      checkRate(rate);
      checkStepsPerEpoch(stepsPerEpoch);
      if (everyEpochs < 1 || !(gamma > 0 && gamma <= 1)) {
        throw new IllegalArgumentException("step decay needs every >= 1 epochs and 0 < gamma <= 1, got " + everyEpochs + " and " + gamma);
      }
    }

    @Override
    public double rate(long step) {
      long epoch = step / stepsPerEpoch;
      return rate * Math.pow(gamma, epoch / everyEpochs);
    }
  }

  /** {@code rate · gamma^(number of milestones <= epoch)}. */
  record MultiStepDecay(double rate, int stepsPerEpoch, int[] milestones, double gamma) implements LearningRateSchedule {
    public MultiStepDecay {
      checkRate(rate);
      checkStepsPerEpoch(stepsPerEpoch);
      milestones = milestones.clone();
      for (int i = 0; i < milestones.length; i++) {
        if (milestones[i] < 0 || (i > 0 && milestones[i] <= milestones[i - 1])) {
          throw new IllegalArgumentException("milestones must be epochs from 0, ascending, got " + Arrays.toString(milestones));
        }
      }
      if (!(gamma > 0 && gamma <= 1)) {
        throw new IllegalArgumentException("multi-step decay needs 0 < gamma <= 1, got " + gamma);
      }
    }

    @Override
    public double rate(long step) {
      long epoch = step / stepsPerEpoch;
      int passed = 0;
      for (int m : milestones) {
        if (m <= epoch) {
          passed++;
        }
      }
      return rate * Math.pow(gamma, passed);
    }

    @Override
    public int[] milestones() {
      return milestones.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MultiStepDecay m
          && m.rate == rate
          && m.stepsPerEpoch == stepsPerEpoch
          && Arrays.equals(m.milestones, milestones)
          && m.gamma == gamma;
    }

    @Override
    public int hashCode() {
      return Double.hashCode(rate) * 31 + Arrays.hashCode(milestones);
    }

    @Override
    public String toString() {
      return "MultiStepDecay[rate=" + rate + ", milestones=" + Arrays.toString(milestones) + ", gamma=" + gamma + "]";
    }
  }

  /** {@code rate · gamma^epoch}. */
  record ExponentialDecay(double rate, int stepsPerEpoch, double gamma) implements LearningRateSchedule {
    public ExponentialDecay {
      checkRate(rate);
      checkStepsPerEpoch(stepsPerEpoch);
      if (!(gamma > 0 && gamma <= 1)) {
        throw new IllegalArgumentException("exponential decay needs 0 < gamma <= 1, got " + gamma);
      }
    }

    @Override
    public double rate(long step) {
      return rate * Math.pow(gamma, step / stepsPerEpoch);
    }
  }

  /**
   * Warm-up then cosine annealing (Loshchilov and Hutter, "SGDR: stochastic gradient descent with warm restarts", ICLR 2017; the
   * warm-up from Goyal et al., "Accurate, large minibatch SGD", 2017). During the first {@code warmupSteps} updates the rate climbs
   * linearly, {@code rate · (step + 1) / warmupSteps}, so that it reaches {@code rate} at the last warm-up update and the first update
   * is not wasted at 0. After that, with {@code s = step - warmupSteps} and {@code S = totalSteps - warmupSteps}, it is
   * {@code minRate + (rate - minRate) (1 + cos(π s / S)) / 2}, and {@code minRate} from step {@code totalSteps} on.
   */
  record Cosine(double rate, long warmupSteps, long totalSteps, double minRate) implements LearningRateSchedule {
    public Cosine {
      checkRate(rate);
      checkRate(minRate);
      if (warmupSteps < 0 || totalSteps <= warmupSteps) {
        throw new IllegalArgumentException(
            "a cosine schedule needs more steps (" + totalSteps + ") than warm-up steps (" + warmupSteps + ")");
      }
      if (minRate > rate) {
        throw new IllegalArgumentException("the final rate " + minRate + " is above the starting rate " + rate);
      }
    }

    @Override
    public double rate(long step) {
      if (step < warmupSteps) {
        return rate * (step + 1) / warmupSteps;
      }
      if (step >= totalSteps) {
        return minRate;
      }
      double progress = (double) (step - warmupSteps) / (totalSteps - warmupSteps);
      return minRate + (rate - minRate) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
  }

  /**
   * PyTorch's {@code ReduceLROnPlateau} with a relative threshold and no cool-down. An epoch improves on the best so far when its
   * value is below {@code best · (1 - threshold)} (or above {@code best · (1 + threshold)} when maximising). After {@code patience}
   * epochs in a row without improvement the rate is multiplied by {@code factor}, but not below {@code minRate}, and the count starts
   * again. The first epoch always improves. A NaN value never does.
   */
  final class ReduceOnPlateau implements LearningRateSchedule {
    private final boolean maximize;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final double minRate;
    private double current;
    private double best = Double.NaN;
    private int badEpochs;

    private ReduceOnPlateau(double rate, boolean maximize, double factor, int patience, double threshold, double minRate) {
      checkRate(rate);
      checkRate(minRate);
      if (!(factor > 0 && factor < 1) || patience < 0 || !(threshold >= 0)) {
        throw new IllegalArgumentException(
            "reduce-on-plateau needs 0 < factor < 1, patience >= 0 and threshold >= 0, got " + factor + ", " + patience + ", " + threshold);
      }
      this.current = rate;
      this.maximize = maximize;
      this.factor = factor;
      this.patience = patience;
      this.threshold = threshold;
      this.minRate = minRate;
    }

    @Override
    public synchronized double rate(long step) {
      return current;
    }

    @Override
    public synchronized void epochEnded(int epoch, double monitored) {
      if (improves(monitored)) {
        best = monitored;
        badEpochs = 0;
        return;
      }
      badEpochs++;
      if (badEpochs > patience) {
        current = Math.max(minRate, current * factor);
        badEpochs = 0;
      }
    }

    private boolean improves(double value) {
      if (Double.isNaN(value)) {
        return false;
      }
      if (Double.isNaN(best)) {
        return true;
      }
      return maximize ? value > best * (1 + threshold) : value < best * (1 - threshold);
    }

    @Override
    public synchronized double[] state() {
      return new double[] {current, best, badEpochs};
    }

    @Override
    public synchronized void restore(double[] state) {
      if (state.length != 3) {
        throw new IllegalArgumentException("reduce-on-plateau state has 3 values, got " + state.length);
      }
      current = state[0];
      best = state[1];
      badEpochs = (int) state[2];
    }

    @Override
    public String toString() {
      return "ReduceOnPlateau[rate=" + current + ", factor=" + factor + ", patience=" + patience + ", minRate=" + minRate + "]";
    }
  }
}
