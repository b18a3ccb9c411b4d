package org.layerlab.app.setup;

import java.util.List;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.model.project.TrainingSettings.Schedule;
import org.layerlab.runtime.optim.LearningRateSchedule;
import org.layerlab.runtime.optim.Schedules;

/**
 * The learning rate a run will use at each point of its plan, computed with the runtime's own schedules ({@link
 * LearningRateSchedule}), built from the settings the way the runtime builds them.
 *
 * <p>Points are steps (updates) when the steps per epoch are known and the run is short enough to draw step by step, else epochs
 * (the rate when each epoch begins). Reduce-on-plateau depends on a metric not known before the run; its preview assumes the metric
 * never improves after the first epoch, which shows the fastest the rate can fall.
 *
 * @param perEpoch whether a point is an epoch rather than a step
 * @param points how many points the plan has (steps or epochs)
 * @param stepsPerEpoch updates per epoch the preview assumes; 1 when unknown
 * @param plateau whether the schedule is reduce-on-plateau, previewed at its fastest
 * @param rate the rate at each point
 */
public record SchedulePreview(boolean perEpoch, long points, int stepsPerEpoch, boolean plateau, Rate rate) {

  /** Most steps drawn one by one; a longer run is previewed per epoch. */
  public static final long MAX_STEPS = 200_000;

  /** The rate at one point. */
  @FunctionalInterface
  public interface Rate {
    double at(long point);
  }

  /** The learning rate at point {@code point} (a step or an epoch, from 0). */
  public double rate(long point) {
    return rate.at(point);
  }

  /**
   * The preview of {@code settings}.
   *
   * @param stepsPerEpoch updates per epoch, or 0 when unknown (then the preview is per epoch)
   * @throws IllegalArgumentException when the schedule's values are out of range (the runtime refuses them too)
   */
  public static SchedulePreview of(TrainingSettings settings, int stepsPerEpoch) {
    boolean known = stepsPerEpoch > 0;
    int spe = known ? stepsPerEpoch : 1;
    int epochs = settings.epochs();
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be 1 or more");
    }
    long steps = (long) epochs * spe;
    boolean perEpoch = !known || steps > MAX_STEPS;
    long points = perEpoch ? epochs : steps;
    Schedule s = settings.schedule();
    double rate = settings.learningRate();
    if (s.kind() == TrainingSettings.ScheduleKind.PLATEAU) {
      LearningRateSchedule.ReduceOnPlateau plateau =
          LearningRateSchedule.reduceOnPlateau(
              rate, s.monitor().higherIsBetter(), s.gamma(), s.patience(), Schedules.PLATEAU_THRESHOLD, s.minLearningRate());
      double[] byEpoch = new double[epochs];
      for (int e = 0; e < epochs; e++) {
        byEpoch[e] = plateau.rate((long) e * spe);
        plateau.epochEnded(e + 1, 1.0); // the same value every epoch: only the first improves
      }
      Rate r = perEpoch ? p -> byEpoch[(int) clamp(p, epochs)] : p -> byEpoch[(int) clamp(p / spe, epochs)];
      return new SchedulePreview(perEpoch, points, spe, true, r);
    }
    LearningRateSchedule schedule = Schedules.of(settings, spe);
    Rate r = perEpoch ? p -> schedule.rate(p * spe) : schedule::rate;
    return new SchedulePreview(perEpoch, points, spe, false, r);
  }



  /** The first, highest and last rate of the plan. */
  public double first() {
    return rate(0);
  }

  public double last() {
    return rate(points - 1);
  }

  public double peak() {
    double peak = Double.NEGATIVE_INFINITY;
    for (long p = 0; p < points; p++) {
      peak = Math.max(peak, rate(p));
    }
    return peak;
  }

  private static long clamp(long p, int n) {
    return Math.max(0, Math.min(p, n - 1));
  }

}
