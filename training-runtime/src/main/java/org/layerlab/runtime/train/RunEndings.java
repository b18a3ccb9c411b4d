package org.layerlab.runtime.train;

import java.util.Locale;
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

  RunEndings(String runId, TrainingSettings settings) {
    this.runId = runId;
    this.settings = settings;
  }

  RunEnded ended(RunStatus status, String message) {
    return new RunEnded(runId, status, epochsCompleted, lastValidationAccuracy, message, System.currentTimeMillis());
  }

  RunEnded finished(int epochs) {
    return ended(
        RunStatus.FINISHED,
        String.format(
            Locale.ROOT,
            "Finished %d %s (%d steps): validation accuracy %s, validation loss %.4f.",
            epochs,
            epochs == 1 ? "epoch" : "epochs",
            step,
            percent(lastValidationAccuracy),
            lastValidationLoss)
            + testSentence());
  }

  /** " Test accuracy 84.1% on 1,000 samples." when the final report measured a test split, else empty. */
  private String testSentence() {
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
                + " validation accuracy now %s.",
            epochsCompleted,
            settings.epochs(),
            step,
            name,
            rule.minDelta() > 0 ? " by more than " + number(rule.minDelta()) : "",
            rule.patience(),
            watch.best(),
            watch.bestEpoch(),
            percent(lastValidationAccuracy))
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
                + "; validation accuracy after epoch "
                + epochsCompleted
                + ": "
                + percent(lastValidationAccuracy)
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
