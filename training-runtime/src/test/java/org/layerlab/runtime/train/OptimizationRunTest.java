package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.model.project.TrainingSettings.Algorithm;
import org.layerlab.model.project.TrainingSettings.LossFunction;
import org.layerlab.model.project.TrainingSettings.LossKind;
import org.layerlab.model.project.TrainingSettings.Schedule;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepDetails;
import org.layerlab.runtime.optim.LearningRateSchedule;

/** The settings' optimizer, schedule, loss, clipping and thread count reach the training loop, on the spiral sample. */
class OptimizationRunTest {

  private static final Path SPIRAL_DIR = Path.of("..", "sample-projects", "spiral");
  private static Project spiral;

  @BeforeAll
  static void read() throws Exception {
    spiral = ProjectFiles.read(SPIRAL_DIR);
  }

  /** Keeps the step details as well as the contract's events. */
  static final class Details extends RecordingListener {
    final List<StepDetails> details = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onStepDetails(StepDetails d) {
      if (steps.isEmpty() || steps.get(steps.size() - 1).step() != d.step()) {
        violations.add("details of step " + d.step() + " not right after its step");
      }
      details.add(d);
    }
  }

  private static Details train(TrainingSettings settings) {
    Details events = new Details();
    RunEnded end = new TrainingRun(new TrainingRequest(spiral.withTraining(settings), SPIRAL_DIR, "opt", null), events).call();
    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    assertEquals(List.of(), events.violations);
    assertEquals(events.steps.size(), events.details.size());
    return events;
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void everyOptimizerLowersTheLoss(Algorithm algorithm) {
    double rate =
        switch (algorithm) {
          case SGD -> 0.1;
          case ADAGRAD -> 0.05;
          case ADADELTA -> 1.0;
          default -> 0.01;
        };
    Details events = train(spiral.training().withAlgorithm(algorithm).withLearningRate(rate).withEpochs(8));
    List<EpochMetrics> epochs = events.epochs;
    double first = epochs.get(0).trainLoss();
    double last = epochs.get(epochs.size() - 1).trainLoss();
    assertTrue(last < 0.9 * first, algorithm + ": train loss " + first + " -> " + last);
    assertTrue(events.details.stream().allMatch(d -> d.gradientNorm() > 0 && !d.gradientClipped()));
  }

  @Test
  void eachStepReportsTheScheduleRate() {
    TrainingSettings t = spiral.training().withEpochs(4).withSchedule(Schedule.warmupCosine(1, 0.0001));
    Details events = train(t);
    int perEpoch = events.started.get(0).batchesPerEpoch();
    LearningRateSchedule expected = LearningRateSchedule.warmupCosine(t.learningRate(), perEpoch, 4L * perEpoch, 0.0001);
    for (StepDetails d : events.details) {
      assertEquals(expected.rate(d.step() - 1), d.learningRate(), 1e-12, "step " + d.step());
    }
    assertEquals(t.learningRate(), events.details.get(perEpoch - 1).learningRate(), 1e-12, "warm-up ends at the full rate");
  }

  @Test
  void aTinyClipNormClipsEveryStep() {
    TrainingSettings t =
        spiral.training().withEpochs(1).withOptimizerOptions(TrainingSettings.OptimizerOptions.DEFAULT.withGradientClipNorm(1e-3));
    Details events = train(t);
    assertTrue(events.details.stream().allMatch(d -> d.gradientClipped() && d.gradientNorm() > 1e-3));
  }

  @Test
  void labelSmoothingRaisesTheLossFloor() {
    TrainingSettings plain = spiral.training().withEpochs(10);
    TrainingSettings smoothed = plain.withLoss(LossFunction.DEFAULT.withLabelSmoothing(0.3));
    double a = last(train(plain)).trainLoss();
    double b = last(train(smoothed)).trainLoss();
    assertTrue(b > a + 0.1, "smoothing keeps the loss away from 0: " + a + " vs " + b);
  }

  @Test
  void meanSquaredErrorOnOneHotTargetsAlsoLearnsTheSpiral() {
    Details events = train(spiral.training().withEpochs(20).withLoss(LossFunction.of(LossKind.MEAN_SQUARED_ERROR)));
    assertTrue(last(events).validationAccuracy() > 0.8, "accuracy " + last(events).validationAccuracy());
  }

  @Test
  void theThreadSettingSetsTheEnginePool() {
    int before = JniUtils.getNumThreads();
    try {
      train(spiral.training().withEpochs(1).withThreads(1));
      assertEquals(1, TrainingRun.engineThreads());
    } finally {
      JniUtils.setNumThreads(before);
    }
  }

  private static EpochMetrics last(Details events) {
    return events.epochs.get(events.epochs.size() - 1);
  }
}
