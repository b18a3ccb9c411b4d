package org.layerlab.runtime.optim;

import ai.djl.training.tracker.Tracker;
import java.util.Objects;

/** A {@link LearningRateSchedule} as DJL's {@link Tracker}: DJL counts updates from 1, the schedule steps from 0. */
public record ScheduleTracker(LearningRateSchedule schedule) implements Tracker {

  public ScheduleTracker {
    Objects.requireNonNull(schedule, "schedule");
  }

  @Override
  public float getNewValue(int numUpdate) {
    return (float) schedule.rate(numUpdate - 1L);
  }
}
