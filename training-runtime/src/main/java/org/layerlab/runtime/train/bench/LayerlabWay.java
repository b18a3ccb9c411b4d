package org.layerlab.runtime.train.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.OptimizerKind;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.LoadedData;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;

/**
 * The Layerlab runtime as a user runs it: a project with the CNN, trained by {@link TrainingRun} with all its per-step reporting (loss,
 * accuracy, learning rate, gradient norm, throughput) and per-epoch scores. Validation is given 64 images so that it costs next to
 * nothing, as the other ways validate nothing; the clock runs from the end of the warm-up batches to the last batch.
 */
final class LayerlabWay {

  private static final int VALIDATION = 64;

  private LayerlabWay() {}

  static BenchResult run(BenchSpec spec) throws Exception {
    Dataset data = BenchData.load(spec);
    int[] few = new int[VALIDATION];
    for (int i = 0; i < few.length; i++) {
      few[i] = i;
    }
    LoadedData loaded = new LoadedData(data, data.subset(few, "validation"), Optional.empty(), "benchmark images");
    TrainingSettings settings =
        new TrainingSettings(OptimizerKind.ADAM, BenchSpec.LEARNING_RATE, 0.9, spec.batchSize(), spec.epochs(), spec.seed(), 0.1)
            .withThreads(spec.threads());
    Project project =
        new Project(
            "benchmark",
            "",
            BenchModel.spec(),
            new DatasetRef.Idx("Fashion-MNIST", spec.dataDir().toString(), null, false, List.of()),
            settings);
    BatchClock clock = new BatchClock(spec.warmupBatches());
    double[] lastLoss = new double[1];
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onStep(StepMetrics m) {
            clock.batchDone(m.batch() < m.batchesPerEpoch() || data.size() % spec.batchSize() == 0 ? spec.batchSize() : data.size() % spec.batchSize());
          }

          @Override
          public void onEpoch(EpochMetrics m) {
            lastLoss[0] = m.trainLoss();
          }
        };
    RunEnded end = new TrainingRun(new TrainingRequest(project, Path.of("."), "benchmark", null).withData(loaded), listener).call();
    if (end.status() != RunStatus.FINISHED) {
      throw new IllegalStateException("the Layerlab run ended " + end.status() + ": " + end.message());
    }
    return new BenchResult("Layerlab", clock.samples(), clock.seconds(), clock.cpuSeconds(), PeakMemory.bytes(), lastLoss[0], "DJL 0.36 / libtorch 2.7.1");
  }
}
