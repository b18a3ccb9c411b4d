package org.layerlab.runtime.train;

import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.events.ClassificationScores;
import org.layerlab.runtime.events.EpochRegressionScores;
import org.layerlab.runtime.events.EpochScores;
import org.layerlab.runtime.events.RegressionScores;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.metrics.ClassificationTally;
import org.layerlab.runtime.metrics.RegressionTally;

/**
 * What one pass over samples adds up to, by the dataset's task: a classifier's scores or a regression's errors. The training loop and
 * the evaluator add batches to it without knowing the task; the task shows in the events it sends.
 */
abstract sealed class Figures permits Figures.Classification, Figures.Regression {

  /** Empty figures for the task of {@code set}. */
  static Figures of(Dataset set) {
    return set.isRegression() ? new Regression(set.targetCount()) : new Classification(set.classes());
  }

  /**
   * Adds the batch gathered in {@code batch}, for which the model gave {@code outputs} (count × outputs), and returns the batch's
   * accuracy, or NaN for a regression.
   */
  abstract double add(float[] outputs, BatchBuffers batch);

  /** Adds the summed loss of samples added with {@link #add}. */
  abstract void addLoss(double summedLoss);

  /** The mean loss per sample. */
  abstract double loss();

  /** The share classified right; NaN for a regression. */
  abstract double accuracy();

  /** The value of {@code metric} for these figures; NaN where the task has no such metric. */
  abstract double value(TrainingSettings.Metric metric);

  /** Sends the epoch's task scores, training figures being these, right after its {@code onEpoch}. */
  abstract void sendEpoch(TrainingListener listener, int epoch, long step, Figures validation, double rate, long now);

  static final class Classification extends Figures {
    final ClassificationTally tally;
    private ClassificationScores scores;

    Classification(int classes) {
      tally = new ClassificationTally(classes);
    }

    @Override
    double add(float[] outputs, BatchBuffers batch) {
      long before = tally.correct();
      tally.add(outputs, batch.labelArray(), batch.count());
      scores = null;
      return (double) (tally.correct() - before) / batch.count();
    }

    @Override
    void addLoss(double summedLoss) {
      tally.addLoss(summedLoss);
      scores = null;
    }

    ClassificationScores scores() {
      if (scores == null) {
        scores = tally.scores();
      }
      return scores;
    }

    @Override
    double loss() {
      return scores().loss();
    }

    @Override
    double accuracy() {
      return scores().accuracy();
    }

    @Override
    double value(TrainingSettings.Metric metric) {
      return switch (metric) {
        case VALIDATION_LOSS, TRAIN_LOSS -> loss();
        case VALIDATION_ACCURACY -> accuracy();
        case VALIDATION_F1 -> scores().macroF1();
      };
    }

    @Override
    void sendEpoch(TrainingListener listener, int epoch, long step, Figures validation, double rate, long now) {
      listener.onEpochScores(new EpochScores(epoch, step, scores(), ((Classification) validation).scores(), rate, now));
    }
  }

  static final class Regression extends Figures {
    final RegressionTally tally;

    Regression(int targets) {
      tally = new RegressionTally(targets);
    }

    @Override
    double add(float[] outputs, BatchBuffers batch) {
      tally.add(outputs, batch.targetArray(), batch.count());
      return Double.NaN;
    }

    @Override
    void addLoss(double summedLoss) {
      tally.addLoss(summedLoss);
    }

    RegressionScores scores() {
      return tally.scores();
    }

    @Override
    double loss() {
      return scores().loss();
    }

    @Override
    double accuracy() {
      return Double.NaN;
    }

    @Override
    double value(TrainingSettings.Metric metric) {
      return switch (metric) {
        case VALIDATION_LOSS, TRAIN_LOSS -> loss();
        case VALIDATION_ACCURACY, VALIDATION_F1 -> Double.NaN;
      };
    }

    @Override
    void sendEpoch(TrainingListener listener, int epoch, long step, Figures validation, double rate, long now) {
      listener.onEpochRegressionScores(
          new EpochRegressionScores(epoch, step, scores(), ((Regression) validation).scores(), rate, now));
    }
  }
}
