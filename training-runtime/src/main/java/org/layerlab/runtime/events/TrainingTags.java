package org.layerlab.runtime.events;

/**
 * Metric names for the figures that {@link MetricTags} does not name, in the same {@code group/name} style: per step, stored with the
 * step; per epoch, stored with the epoch number as step.
 */
public final class TrainingTags {
  /** Per step: the learning rate used. */
  public static final String STEP_LEARNING_RATE = "step/learning_rate";
  /** Per step: the global gradient norm before clipping. */
  public static final String STEP_GRADIENT_NORM = "step/gradient_norm";

  private TrainingTags() {}
}
