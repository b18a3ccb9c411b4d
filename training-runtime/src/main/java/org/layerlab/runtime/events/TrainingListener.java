package org.layerlab.runtime.events;

/**
 * Receives a run's progress. Methods are called on the training thread, in order: {@code onRunStarted}, then {@code onStep} for every
 * batch and {@code onEpoch} after each epoch, then {@code onRunEnded} exactly once. Implementations must return quickly and must not
 * throw; a listener that touches a user interface hands the data over to its own thread.
 *
 * <p>The finer events, all with default methods that do nothing, fit into that order: {@code onRunRestored} (a resumed run) or
 * {@code onWeightsTransferred} (transfer learning) right after {@code onRunStarted}; after each {@code onStep} its
 * {@code onStepDetails}, and every {@code histogramEvery} steps {@code onHistograms}; {@code onRunPaused}, {@code onRunResumed} and
 * {@code onLearningRateChanged} between batches; after each {@code onEpoch} its {@code onEpochScores} (for a regression
 * {@code onEpochRegressionScores}), for a classification {@code onValidationConfusion}, and, for data of two features,
 * {@code onDecisionBoundary}, then {@code onCheckpointSaved} for the last and, when the
 * watched metric improved, the best checkpoint; {@code onEarlyStopped} after the last epoch of a run that stops early; and
 * {@code onTestReport} (for a regression {@code onRegressionReport}) just before {@code onRunEnded} of a run that finished. A resumed run's first step is not step 1.
 */
public interface TrainingListener {

  default void onRunStarted(RunStarted event) {}

  default void onStep(StepMetrics metrics) {}

  default void onEpoch(EpochMetrics metrics) {}

  default void onRunEnded(RunEnded event) {}

  /** After each {@link #onStep}: the step's learning rate and gradient norm. */
  default void onStepDetails(StepDetails details) {}

  /** After each {@link #onEpoch}: the epoch's classification scores on the training batches and the validation set. */
  default void onEpochScores(EpochScores scores) {}

  /**
   * A regression's counterpart of {@link #onEpochScores}, sent in its place: the epoch's MAE, RMSE and R-squared on the training
   * batches and the validation set.
   */
  default void onEpochRegressionScores(EpochRegressionScores scores) {}

  /** A regression's counterpart of {@link #onTestReport}, sent in its place: errors on the test split and the worst predictions. */
  default void onRegressionReport(RegressionReport report) {}

  /** The run ends early; {@link #onRunEnded} follows. */
  default void onEarlyStopped(EarlyStopped event) {}

  /** A checkpoint was written after an epoch. */
  default void onCheckpointSaved(CheckpointSaved event) {}

  /** A resumed run has put back its last checkpoint; sent right after {@link #onRunStarted}. */
  default void onRunRestored(RunRestored event) {}

  /** Every {@code histogramEvery} steps, after that step's {@link #onStepDetails}: histograms of weights and gradients. */
  default void onHistograms(ParameterHistograms histograms) {}

  /** When a run finishes (also early), before {@link #onRunEnded}: the model measured on the test split. */
  default void onTestReport(TestReport report) {}

  /** The run starts from an earlier run's weights; sent right after {@link #onRunStarted}. */
  default void onWeightsTransferred(WeightsTransferred event) {}

  /** The run has paused between batches. */
  default void onRunPaused(RunPaused event) {}

  /** A paused run trains again, for one batch or on. */
  default void onRunResumed(RunResumed event) {}

  /**
   * The learning rate was changed by hand ({@link org.layerlab.runtime.train.TrainingRun#changeLearningRate}); sent between
   * batches, before the first step at the new rate.
   */
  default void onLearningRateChanged(LearningRateChanged event) {}

  /** After each {@link #onEpochScores}: the validation confusion matrix, with some sample indices per cell. */
  default void onValidationConfusion(ValidationConfusion confusion) {}

  /** After each {@link #onValidationConfusion}, for data of two features: the model's class probabilities over the plane. */
  default void onDecisionBoundary(DecisionBoundary boundary) {}

  /** A listener that forwards every call to each of {@code listeners}, in order. */
  static TrainingListener all(TrainingListener... listeners) {
    return new TrainingListener() {
      @Override
      public void onRunStarted(RunStarted e) {
        for (TrainingListener l : listeners) {
          l.onRunStarted(e);
        }
      }

      @Override
      public void onStep(StepMetrics m) {
        for (TrainingListener l : listeners) {
          l.onStep(m);
        }
      }

      @Override
      public void onEpoch(EpochMetrics m) {
        for (TrainingListener l : listeners) {
          l.onEpoch(m);
        }
      }

      @Override
      public void onRunEnded(RunEnded e) {
        for (TrainingListener l : listeners) {
          l.onRunEnded(e);
        }
      }

      @Override
      public void onStepDetails(StepDetails d) {
        for (TrainingListener l : listeners) {
          l.onStepDetails(d);
        }
      }

      @Override
      public void onEpochScores(EpochScores s) {
        for (TrainingListener l : listeners) {
          l.onEpochScores(s);
        }
      }

      @Override
      public void onEpochRegressionScores(EpochRegressionScores s) {
        for (TrainingListener l : listeners) {
          l.onEpochRegressionScores(s);
        }
      }

      @Override
      public void onRegressionReport(RegressionReport r) {
        for (TrainingListener l : listeners) {
          l.onRegressionReport(r);
        }
      }

      @Override
      public void onEarlyStopped(EarlyStopped e) {
        for (TrainingListener l : listeners) {
          l.onEarlyStopped(e);
        }
      }

      @Override
      public void onCheckpointSaved(CheckpointSaved e) {
        for (TrainingListener l : listeners) {
          l.onCheckpointSaved(e);
        }
      }

      @Override
      public void onRunRestored(RunRestored e) {
        for (TrainingListener l : listeners) {
          l.onRunRestored(e);
        }
      }

      @Override
      public void onHistograms(ParameterHistograms h) {
        for (TrainingListener l : listeners) {
          l.onHistograms(h);
        }
      }

      @Override
      public void onTestReport(TestReport r) {
        for (TrainingListener l : listeners) {
          l.onTestReport(r);
        }
      }

      @Override
      public void onWeightsTransferred(WeightsTransferred e) {
        for (TrainingListener l : listeners) {
          l.onWeightsTransferred(e);
        }
      }

      @Override
      public void onRunPaused(RunPaused e) {
        for (TrainingListener l : listeners) {
          l.onRunPaused(e);
        }
      }

      @Override
      public void onRunResumed(RunResumed e) {
        for (TrainingListener l : listeners) {
          l.onRunResumed(e);
        }
      }

      @Override
      public void onLearningRateChanged(LearningRateChanged e) {
        for (TrainingListener l : listeners) {
          l.onLearningRateChanged(e);
        }
      }

      @Override
      public void onValidationConfusion(ValidationConfusion c) {
        for (TrainingListener l : listeners) {
          l.onValidationConfusion(c);
        }
      }

      @Override
      public void onDecisionBoundary(DecisionBoundary b) {
        for (TrainingListener l : listeners) {
          l.onDecisionBoundary(b);
        }
      }
    };
  }
}
