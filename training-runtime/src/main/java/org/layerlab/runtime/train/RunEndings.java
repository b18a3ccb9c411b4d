package org.layerlab.runtime.train;

import java.util.Locale;
import org.layerlab.runtime.events.RegressionScores;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;

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
  private String validationFigure() {
    return regression
        ? "validation R\u00b2 " + (Double.isNaN(lastValidationRSquared) ? "unknown" : String.format(Locale.ROOT, "%.4f", lastValidationRSquared))
        : "validation accuracy " + percent(lastValidationAccuracy);
  }

  RunEnded ended(RunStatus status, String message) {
    return new RunEnded(runId, status, epochsCompleted, lastValidationAccuracy, message, System.currentTimeMillis());
  }

  RunEnded finished(int epochs) {
    return ended(
        RunStatus.FINISHED,
        String.format(
            Locale.ROOT,
            "Finished %d %s (%d steps): %s, validation loss %.4f.",
            epochs,
            epochs == 1 ? "epoch" : "epochs",
            step,
            validationFigure(),
            lastValidationLoss)
            + testSentence());
  }

  /** " Test accuracy 84.1% on 1,000 samples." when the final report measured a test split, else empty. */
  private String testSentence() {
    if (testRegression != null) {
      return "test".equals(testSet)
          ? String.format(
              Locale.ROOT,
              " Test R\u00b2 %.4f, RMSE %.4g, MAE %.4g on %,d samples.",
              testRegression.rSquared(),
              testRegression.rootMeanSquaredError(),
              testRegression.meanAbsoluteError(),
              testSamples)
          : "";
    }
    return "test".equals(testSet) ? String.format(Locale.ROOT, " Test accuracy %s on %,d samples.", percent(testAccuracy), testSamples) : "";
  }

  /** FINISHED before the last epoch: the watched metric stopped improving. */
  RunEnded stoppedEarly(TrainingSettings.Metric metric, TrainingSettings.EarlyStopping rule, org.layerlab.runtime.metrics.MetricWatch watch) {
    String name = metric.jsonName().replace('_', ' ');
    return ended(
        RunStatus.FINISHED,
        String.format(
            Locale.ROOT,
            "Stopped early after epoch %d of %d (%d steps): the %s has not improved%s for %d epochs. The best, %.4f, was after epoch %d;"
                + " %s now.",
            epochsCompleted,
            settings.epochs(),
            step,
            name,
            rule.minDelta() > 0 ? " by more than " + number(rule.minDelta()) : "",
            rule.patience(),
            watch.best(),
            watch.bestEpoch(),
            validationFigure())
            + testSentence());
  }

  RunEnded stoppedAt(int epoch) {
    String message =
        epochsCompleted == 0
            ? "Stopped by the user in epoch " + epoch + " at step " + step + ", before the first epoch ended."
            : "Stopped by the user in epoch "
                + epoch
                + " at step "
                + step
                + "; "
                + validationFigure()
                + " after epoch "
                + epochsCompleted
                + ".";
    return ended(RunStatus.STOPPED, message);
  }

  RunEnded diverged(String what) {
    double rate = settings.learningRate();
    return ended(
        RunStatus.DIVERGED,
        "Training diverged: "
            + what
            + ". Lower the learning rate: it is "
            + number(rate)
            + " with "
            + TrainingSetup.displayName(settings.algorithm())
            + "; try "
            + number(rate / 10)
            + ".");
  }

  String failureMessage(Throwable e) {
    String where = step == 0 ? "" : " at step " + step;
    if (e instanceof OutOfMemoryError) {
      return "Training ran out of memory" + where + ": lower the batch size, use a smaller model, or give Layerlab more memory (-Xmx).";
    }
    if (e instanceof LinkageError || e.getClass().getName().equals("ai.djl.engine.EngineException")) {
      return "The PyTorch engine could not start ("
          + e
          + "): check that pytorch-engine, pytorch-jni and pytorch-native-cpu of matching versions are on the class path.";
    }
    return "Training failed" + where + ": " + e + ". This is likely a bug in Layerlab or DJL; the log holds the full error.";
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
