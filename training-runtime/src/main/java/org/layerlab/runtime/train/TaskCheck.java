package org.layerlab.runtime.train;

import java.util.List;
import java.util.Optional;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.model.project.TrainingSettings.LossKind;
import org.layerlab.model.project.TrainingSettings.Metric;
import org.layerlab.model.project.TrainingSettings.ScheduleKind;
import org.layerlab.runtime.data.Dataset;

/**
 * Whether the training settings suit the data's task. A regression needs a loss that compares values (mean squared error, L1 or
 * Huber) and cannot watch an accuracy or F1. A classifier may use any loss: the value-comparing losses train it on one-hot targets.
 */
final class TaskCheck {

  private static final List<LossKind> CLASSIFICATION_ONLY = List.of(LossKind.SOFTMAX_CROSS_ENTROPY, LossKind.BINARY_CROSS_ENTROPY);

  private TaskCheck() {}

  /** A message naming the setting at fault and the fix, or empty when the settings suit the data. */
  static Optional<String> problem(TrainingSettings settings, Dataset train) {
    if (!train.isRegression()) {
      return Optional.empty();
    }
    String what = "The data is a regression (" + String.join(", ", train.targetNames()) + " to predict)";
    if (CLASSIFICATION_ONLY.contains(settings.loss().kind())) {
      return Optional.of(
          what
              + ", but the loss is "
              + settings.loss().kind().jsonName()
              + ", a classification loss that needs class labels: choose a regression loss, mse, l1 or huber.");
    }
    if (settings.earlyStopping() != null && isClassificationMetric(settings.earlyStopping().metric())) {
      return Optional.of(
          what
              + ", but early stopping watches "
              + settings.earlyStopping().metric().jsonName()
              + ", which only a classifier has: watch validation_loss or train_loss.");
    }
    if (settings.schedule().kind() == ScheduleKind.PLATEAU && isClassificationMetric(settings.schedule().monitor())) {
      return Optional.of(
          what
              + ", but the reduce-on-plateau schedule watches "
              + settings.schedule().monitor().jsonName()
              + ", which only a classifier has: watch validation_loss or train_loss.");
    }
    return Optional.empty();
  }

  private static boolean isClassificationMetric(Metric m) {
    return m == Metric.VALIDATION_ACCURACY || m == Metric.VALIDATION_F1;
  }
}
