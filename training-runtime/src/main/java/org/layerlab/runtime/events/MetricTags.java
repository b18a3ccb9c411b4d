package org.layerlab.runtime.events;

/** The names under which a run's scalar metrics are stored, TensorBoard-style ({@code group/name}). */
public final class MetricTags {
  /** Per step: the batch's mean loss. */
  public static final String STEP_LOSS = "step/loss";
  /** Per step: the batch's accuracy. */
  public static final String STEP_ACCURACY = "step/accuracy";
  /** Per step: training samples per second. */
  public static final String STEP_SAMPLES_PER_SECOND = "step/samples_per_second";
  /** Per epoch (stored with step = epoch number): training loss averaged over the epoch. */
  public static final String TRAIN_LOSS = "epoch/train_loss";
  public static final String TRAIN_ACCURACY = "epoch/train_accuracy";
  public static final String VALIDATION_LOSS = "epoch/validation_loss";
  public static final String VALIDATION_ACCURACY = "epoch/validation_accuracy";

  private MetricTags() {}
}
