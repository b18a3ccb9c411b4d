package org.layerlab.charts.schedule;

/** A learning rate for every training step, from step 0. Implementations are in {@link Schedules}. */
@FunctionalInterface
public interface LearningRateSchedule {

  /** The learning rate used at a step. */
  double rate(long step);
}
