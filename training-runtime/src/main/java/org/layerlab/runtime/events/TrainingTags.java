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

  /** Per epoch: top-5 accuracy (top-k when there are fewer classes) on the validation set. */
  public static final String VALIDATION_TOP5_ACCURACY = "epoch/validation_top5_accuracy";
  /** Per epoch: macro-averaged precision on the validation set. */
  public static final String VALIDATION_MACRO_PRECISION = "epoch/validation_macro_precision";
  /** Per epoch: macro-averaged recall on the validation set. */
  public static final String VALIDATION_MACRO_RECALL = "epoch/validation_macro_recall";
  /** Per epoch: macro-averaged F1 on the validation set. */
  public static final String VALIDATION_MACRO_F1 = "epoch/validation_macro_f1";
  /** Per epoch: the same four on the training batches. */
  public static final String TRAIN_TOP5_ACCURACY = "epoch/train_top5_accuracy";
  public static final String TRAIN_MACRO_F1 = "epoch/train_macro_f1";
  /** Per epoch, for a regression: mean absolute error, root mean squared error and R-squared on the training batches. */
  public static final String TRAIN_MAE = "epoch/train_mae";
  public static final String TRAIN_RMSE = "epoch/train_rmse";
  public static final String TRAIN_R2 = "epoch/train_r2";
  /** Per epoch, for a regression: the same three on the validation set. */
  public static final String VALIDATION_MAE = "epoch/validation_mae";
  public static final String VALIDATION_RMSE = "epoch/validation_rmse";
  public static final String VALIDATION_R2 = "epoch/validation_r2";
  /** Once, for a regression, stored at step 0 like the other test figures. */
  public static final String TEST_MAE = "test/mae";
  public static final String TEST_RMSE = "test/rmse";
  public static final String TEST_R2 = "test/r2";
  /** Once, stored with the last step: the final report's figures. */
  public static final String TEST_LOSS = "test/loss";
  public static final String TEST_ACCURACY = "test/accuracy";
  public static final String TEST_TOP5_ACCURACY = "test/top5_accuracy";
  public static final String TEST_MACRO_F1 = "test/macro_f1";

  /**
   * At each step where the learning rate was changed by hand during the run: the new rate (the step's {@link #STEP_LEARNING_RATE}
   * until then gives the old one). Stored with the first step trained at the new rate.
   */
  public static final String EVENTS_LEARNING_RATE_CHANGE = "events/learning_rate_change";

  private TrainingTags() {}
}
