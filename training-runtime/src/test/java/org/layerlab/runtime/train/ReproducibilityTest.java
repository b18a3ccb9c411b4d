package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepDetails;
import org.layerlab.runtime.events.StepMetrics;

/**
 * The same project and seed give the same curves on the CPU: two runs report identical figures, every step and every epoch, for an
 * MLP with dropout (the dropout masks come from the engine's generator) and for a small CNN. Only times and throughput may differ.
 */
class ReproducibilityTest {

  private static final Path FASHION_DIR = Path.of("..", "sample-projects", "fashion-mnist-mlp");

  /** Every figure of a run but its times and throughput, in order. */
  private static List<Object> curves(Project p) {
    List<Object> figures = new ArrayList<>();
    RecordingListener events =
        new RecordingListener() {
          @Override
          public void onStepDetails(StepDetails d) {
            figures.add(List.of(d.step(), d.learningRate(), d.gradientNorm()));
          }
        };
    var end = new TrainingRun(new TrainingRequest(p, FASHION_DIR, "repro", null), events).call();
    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    for (StepMetrics s : events.steps) {
      figures.add(List.of(s.step(), s.epoch(), s.batch(), s.loss(), s.accuracy()));
    }
    for (EpochMetrics e : events.epochs) {
      figures.add(List.of(e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy()));
    }
    figures.add(end.finalValidationAccuracy());
    return figures;
  }

  private static Project fashion() throws Exception {
    Project f = ProjectFiles.read(FASHION_DIR);
    return f.withDataset(((DatasetRef.Idx) f.dataset()).withUseFullWhenAvailable(false));
  }

  @Test
  void twoRunsOfAnMlpWithDropoutGiveIdenticalMetrics() throws Exception {
    Project p = fashion();
    p = p.withTraining(p.training().withEpochs(1));

    List<Object> a = curves(p);
    List<Object> b = curves(p);

    assertEquals(a, b);
    assertNotEquals(a, curves(p.withTraining(p.training().withSeed(7))), "another seed gives other curves");
  }

  @Test
  void twoRunsOfACnnGiveIdenticalMetrics() throws Exception {
    ModelSpec cnn =
        ModelSpec.of(
            new LayerSpec("input", LayerType.INPUT, Map.of("shape", List.of(1, 28, 28))),
            new LayerSpec("conv", LayerType.CONV2D, Map.of("filters", 4, "kernel", 3, "stride", 1, "padding", "same", "activation", "relu")),
            new LayerSpec("pool", LayerType.MAX_POOL2D, Map.of("pool", 2, "stride", 2)),
            LayerSpec.of("flatten", LayerType.FLATTEN),
            new LayerSpec("dropout", LayerType.DROPOUT, Map.of("rate", 0.25)),
            new LayerSpec("output", LayerType.DENSE, Map.of("units", 10)));
    Project p = fashion().withModel(cnn);
    p = p.withTraining(p.training().withEpochs(1).withBatchSize(128));

    assertEquals(curves(p), curves(p));
  }
}
