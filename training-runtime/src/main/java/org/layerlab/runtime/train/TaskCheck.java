package org.layerlab.runtime.train;

import java.util.List;
import java.util.Optional;
import org.layerlab.model.LocalText;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.model.project.TrainingSettings.LossKind;
import org.layerlab.model.project.TrainingSettings.Metric;
import org.layerlab.model.project.TrainingSettings.ScheduleKind;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Whether the training settings suit the data's task. A regression needs a loss that compares values (mean squared error, L1 or
 * Huber) and cannot watch an accuracy or F1. A classifier may use any loss: the value-comparing losses train it on one-hot targets.
 */
final class TaskCheck {

  private static final List<LossKind> CLASSIFICATION_ONLY = List.of(LossKind.SOFTMAX_CROSS_ENTROPY, LossKind.BINARY_CROSS_ENTROPY);

  private TaskCheck() {}

  /** A message naming the setting at fault and the fix, or empty when the settings suit the data. */
  static Optional<LocalText> problem(TrainingSettings settings, Dataset train) {
    if (!train.isRegression()) {
      return Optional.empty();
    }
    String targets = String.join(", ", train.targetNames());
    if (CLASSIFICATION_ONLY.contains(settings.loss().kind())) {
      return Optional.of(RuntimeMessages.text("run.regression.classificationLoss", targets, settings.loss().kind().jsonName()));
    }
    if (settings.earlyStopping() != null && isClassificationMetric(settings.earlyStopping().metric())) {
      return Optional.of(RuntimeMessages.text("run.regression.earlyStoppingMetric", targets, settings.earlyStopping().metric().jsonName()));
    }
    if (settings.schedule().kind() == ScheduleKind.PLATEAU && isClassificationMetric(settings.schedule().monitor())) {
      return Optional.of(RuntimeMessages.text("run.regression.plateauMetric", targets, settings.schedule().monitor().jsonName()));
    }
    return Optional.empty();
  }

  private static boolean isClassificationMetric(Metric m) {
    return m == Metric.VALIDATION_ACCURACY || m == Metric.VALIDATION_F1;
  }
}
