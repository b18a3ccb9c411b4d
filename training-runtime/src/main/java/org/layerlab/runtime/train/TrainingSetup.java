package org.layerlab.runtime.train;

import ai.djl.training.tracker.ParameterTracker;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.model.project.TrainingSettings.OptimizerOptions;
import org.layerlab.runtime.optim.AdadeltaOptimizer;
import org.layerlab.runtime.optim.AdagradOptimizer;
import org.layerlab.runtime.optim.AdamOptimizer;
import org.layerlab.runtime.optim.BinaryCrossEntropyLoss;
import org.layerlab.runtime.optim.CrossEntropyLoss;
import org.layerlab.runtime.optim.HuberLoss;
import org.layerlab.runtime.optim.LayerlabOptimizer;
import org.layerlab.runtime.optim.LearningRateSchedule;
import org.layerlab.runtime.optim.Schedules;
import org.layerlab.runtime.optim.MeanAbsoluteErrorLoss;
import org.layerlab.runtime.optim.MeanSquaredErrorLoss;
import org.layerlab.runtime.optim.RmsPropOptimizer;
import org.layerlab.runtime.optim.SampleLoss;
import org.layerlab.runtime.optim.SgdOptimizer;

/** Turns a project's training settings into the optimizer, schedule and loss of a run. */
final class TrainingSetup {

  /** Reduce-on-plateau's relative threshold: PyTorch's default. */

  private TrainingSetup() {}

  /** The learning-rate schedule of a run of {@code settings.epochs()} epochs of {@code stepsPerEpoch} steps. */
  static LearningRateSchedule schedule(TrainingSettings settings, int stepsPerEpoch) {
    return Schedules.of(settings, stepsPerEpoch);
  }


  /**
   * The optimizer, reading its rates from {@code rates}.
   *
   * @param updatesDone updates already made, for a resumed run; 0 for a new one
   */
  static LayerlabOptimizer optimizer(TrainingSettings settings, ParameterTracker rates, int updatesDone) {
    OptimizerOptions o = settings.optimizerOptions();
    float decay = (float) o.weightDecay();
    LayerlabOptimizer.Builder<?> b =
        switch (settings.algorithm()) {
          case SGD -> SgdOptimizer.builder().optMomentum((float) settings.momentum()).optNesterov(o.nesterov());
          case ADAM, ADAMW -> {
            AdamOptimizer.Builder adam =
                settings.algorithm() == TrainingSettings.Algorithm.ADAMW ? AdamOptimizer.adamWBuilder() : AdamOptimizer.builder();
            adam.optBeta1((float) o.beta1()).optBeta2((float) o.beta2());
            if (!Double.isNaN(o.epsilon())) {
              adam.optEpsilon((float) o.epsilon());
            }
            yield adam;
          }
          case ADAGRAD -> {
            AdagradOptimizer.Builder ada = AdagradOptimizer.builder();
            if (!Double.isNaN(o.epsilon())) {
              ada.optEpsilon((float) o.epsilon());
            }
            yield ada;
          }
          case RMSPROP -> {
            RmsPropOptimizer.Builder rms = RmsPropOptimizer.builder();
            if (!Double.isNaN(o.epsilon())) {
              rms.optEpsilon((float) o.epsilon());
            }
            if (!Double.isNaN(o.rho())) {
              rms.optRho((float) o.rho());
            }
            yield rms;
          }
          case ADADELTA -> {
            AdadeltaOptimizer.Builder delta = AdadeltaOptimizer.builder();
            if (!Double.isNaN(o.epsilon())) {
              delta.optEpsilon((float) o.epsilon());
            }
            if (!Double.isNaN(o.rho())) {
              delta.optRho((float) o.rho());
            }
            yield delta;
          }
        };
    b.setLearningRateTracker(rates).optWeightDecays(decay).optBeginNumUpdate(updatesDone);
    return b.build();
  }

  /** The loss the settings name. */
  static SampleLoss loss(TrainingSettings settings) {
    TrainingSettings.LossFunction l = settings.loss();
    return switch (l.kind()) {
      case SOFTMAX_CROSS_ENTROPY -> new CrossEntropyLoss((float) l.labelSmoothing());
      case BINARY_CROSS_ENTROPY -> new BinaryCrossEntropyLoss();
      case MEAN_SQUARED_ERROR -> new MeanSquaredErrorLoss();
      case L1 -> new MeanAbsoluteErrorLoss();
      case HUBER -> new HuberLoss((float) l.huberDelta());
    };
  }

  /** How the optimizer is named in messages: "SGD", "Adam", "AdamW", .... */
  static String displayName(TrainingSettings.Algorithm a) {
    return switch (a) {
      case SGD -> "SGD";
      case ADAM -> "Adam";
      case ADAMW -> "AdamW";
      case ADAGRAD -> "Adagrad";
      case RMSPROP -> "RMSProp";
      case ADADELTA -> "Adadelta";
    };
  }

}
