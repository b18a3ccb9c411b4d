package org.layerlab.runtime.train;

import java.util.Locale;
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.events.RegressionScores;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.text.RuntimeMessages;

/** How far a run got, and the {@link RunEnded} events it can end with, each with a message a user can act on. */
final class RunEndings {

  private final String runId;
  private final TrainingSettings settings;

  // Progress, touched only by the training thread.
  long step;
  int epochsCompleted;
  double lastValidationAccuracy = Double.NaN;
  double lastValidationLoss = Double.NaN;
  String testSet;
  double testAccuracy = Double.NaN;
  int testSamples;
  // A regression's figures; its accuracies stay NaN.
  private boolean regression;
  private double lastValidationRSquared = Double.NaN;
  private RegressionScores testRegression;

  RunEndings(String runId, TrainingSettings settings) {
    this.runId = runId;
    this.settings = settings;
  }

  /** Records the validation figures of an epoch that has ended. */
  void epochEnded(int epoch, Figures validation) {
    epochsCompleted = epoch;
    lastValidationAccuracy = validation.accuracy();
    lastValidationLoss = validation.loss();
    if (validation instanceof Figures.Regression r) {
      regression = true;
      lastValidationRSquared = r.scores().rSquared();
    }
  }

  /** Records the final report of a regression. */
  void testReported(String set, RegressionScores scores) {
    regression = true;
    testSet = set;
    testRegression = scores;
    testSamples = scores.samples();
  }

  /** "validation accuracy 84.1%", or for a regression "validation R² 0.981". */
  private LocalText validationFigure() {
    return regression
        ? RuntimeMessages.text(
            "run.figure.rSquared",
            Double.isNaN(lastValidationRSquared) ? RuntimeMessages.text("run.unknown") : String.format(Locale.ROOT, "%.4f", lastValidationRSquared))
        : RuntimeMessages.text("run.figure.accuracy", percentText(lastValidationAccuracy));
  }

  /** An ending whose message the runtime can say in any language; its English is the event's message. */
  RunEnded ended(RunStatus status, Localized text) {
    return new RunEnded(
        runId, status, epochsCompleted, lastValidationAccuracy, text.message(Locale.ENGLISH), System.currentTimeMillis(), text);
  }

  /** An ending whose message is English only (an error from a part that does not translate its messages). */
  RunEnded ended(RunStatus status, String message) {
    return new RunEnded(runId, status, epochsCompleted, lastValidationAccuracy, message, System.currentTimeMillis());
  }

  /** FAILED with {@code e}'s message for the user, in any language when it can say it so, else in English. */
  RunEnded failed(Exception e) {
    return e instanceof Localized l ? ended(RunStatus.FAILED, l) : ended(RunStatus.FAILED, e.getMessage());
  }

  RunEnded finished(int epochs) {
    return ended(
        RunStatus.FINISHED,
        RuntimeMessages.text(
            epochs == 1 ? "run.finished.one" : "run.finished",
            String.valueOf(epochs),
            String.valueOf(step),
            validationFigure(),
            String.format(Locale.ROOT, "%.4f", lastValidationLoss),
            testSentence()));
  }

  /** " Test accuracy 84.1% on 1,000 samples." when the final report measured a test split, else empty. */
  private Object testSentence() {
    if (!"test".equals(testSet)) {
      return "";
    }
    String samples = String.format(Locale.ROOT, "%,d", testSamples);
    if (testRegression != null) {
      return RuntimeMessages.text(
          "run.test.regression",
          String.format(Locale.ROOT, "%.4f", testRegression.rSquared()),
          String.format(Locale.ROOT, "%.4g", testRegression.rootMeanSquaredError()),
          String.format(Locale.ROOT, "%.4g", testRegression.meanAbsoluteError()),
          samples);
    }
    return RuntimeMessages.text("run.test.accuracy", percentText(testAccuracy), samples);
  }

  /** FINISHED before the last epoch: the watched metric stopped improving. */
  RunEnded stoppedEarly(TrainingSettings.Metric metric, TrainingSettings.EarlyStopping rule, org.layerlab.runtime.metrics.MetricWatch watch) {
    LocalText name =
        switch (metric) {
          case VALIDATION_LOSS -> RuntimeMessages.text("run.metric.validationLoss");
          case VALIDATION_ACCURACY -> RuntimeMessages.text("run.metric.validationAccuracy");
          case VALIDATION_F1 -> RuntimeMessages.text("run.metric.validationF1");
          case TRAIN_LOSS -> RuntimeMessages.text("run.metric.trainLoss");
        };
    return ended(
        RunStatus.FINISHED,
        RuntimeMessages.text(
            "run.stoppedEarly",
            String.valueOf(epochsCompleted),
            String.valueOf(settings.epochs()),
            String.valueOf(step),
            name,
            rule.minDelta() > 0 ? RuntimeMessages.text("run.stoppedEarly.byMoreThan", number(rule.minDelta())) : "",
            String.valueOf(rule.patience()),
            String.format(Locale.ROOT, "%.4f", watch.best()),
            String.valueOf(watch.bestEpoch()),
            validationFigure(),
            testSentence()));
  }

  RunEnded stoppedAt(int epoch) {
    LocalText text =
        epochsCompleted == 0
            ? RuntimeMessages.text("run.stopped.firstEpoch", String.valueOf(epoch), String.valueOf(step))
            : RuntimeMessages.text(
                "run.stopped", String.valueOf(epoch), String.valueOf(step), validationFigure(), String.valueOf(epochsCompleted));
    return ended(RunStatus.STOPPED, text);
  }

  /** DIVERGED: {@code what} says which loss became what, and where. */
  RunEnded diverged(LocalText what) {
    double rate = settings.learningRate();
    return ended(
        RunStatus.DIVERGED,
        RuntimeMessages.text(
            "run.diverged", what, number(rate), TrainingSetup.displayName(settings.algorithm()), number(rate / 10)));
  }

  LocalText failureMessage(Throwable e) {
    String step = String.valueOf(this.step);
    if (e instanceof OutOfMemoryError) {
      return this.step == 0 ? RuntimeMessages.text("run.outOfMemory") : RuntimeMessages.text("run.outOfMemory.at", step);
    }
    if (e instanceof LinkageError || e.getClass().getName().equals("ai.djl.engine.EngineException")) {
      return RuntimeMessages.text("run.engineFailed", String.valueOf(e));
    }
    return this.step == 0 ? RuntimeMessages.text("run.failed", String.valueOf(e)) : RuntimeMessages.text("run.failed.at", step, String.valueOf(e));
  }

  /** A share as "84.1%", or "unknown" in the reader's language when it is NaN. */
  private static Object percentText(double fraction) {
    return Double.isNaN(fraction) ? RuntimeMessages.text("run.unknown") : percent(fraction);
  }

  static String percent(double fraction) {
    return Double.isNaN(fraction) ? "unknown" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /** A number in at most three significant digits, without trailing zeros: 10, 0.5, 0.00333, 1.00e-05. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return String.valueOf((long) v);
    }
    String s = String.format(Locale.ROOT, "%.3g", v);
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }
}
