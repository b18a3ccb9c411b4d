package org.layerlab.runtime.optim;

import java.util.List;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.model.project.TrainingSettings.Schedule;

/**
 * The learning-rate schedule a project's settings ask for. The run and the training page's preview both build it here, so the
 * preview draws exactly the rates the run will use.
 */
public final class Schedules {

  /** Reduce-on-plateau counts an epoch as better only when the metric improves by more than this. */
  public static final double PLATEAU_THRESHOLD = 1e-4;

  private Schedules() {}

  /** The schedule of a run of {@code settings.epochs()} epochs of {@code stepsPerEpoch} updates. */
  public static LearningRateSchedule of(TrainingSettings settings, int stepsPerEpoch) {
    Schedule s = settings.schedule();
    double rate = settings.learningRate();
    long total = (long) settings.epochs() * stepsPerEpoch;
    return switch (s.kind()) {
      case CONSTANT -> LearningRateSchedule.constant(rate);
      case STEP -> LearningRateSchedule.stepDecay(rate, stepsPerEpoch, s.everyEpochs(), s.gamma());
      case MULTI_STEP -> LearningRateSchedule.multiStepDecay(rate, stepsPerEpoch, toArray(s.milestones()), s.gamma());
      case EXPONENTIAL -> LearningRateSchedule.exponentialDecay(rate, stepsPerEpoch, s.gamma());
      case COSINE -> LearningRateSchedule.cosine(rate, total, s.minLearningRate());
      case WARMUP_COSINE -> LearningRateSchedule.warmupCosine(rate, (long) s.warmupEpochs() * stepsPerEpoch, total, s.minLearningRate());
      case PLATEAU -> LearningRateSchedule.reduceOnPlateau(
          rate, s.monitor().higherIsBetter(), s.gamma(), s.patience(), PLATEAU_THRESHOLD, s.minLearningRate());
    };
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
