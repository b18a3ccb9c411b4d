package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.OptimizerKind;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.text.RuntimeMessages;

class TrainingRunTest {

  private static final Path SPIRAL_DIR = Path.of("..", "sample-projects", "spiral");
  private static final Path FASHION_DIR = Path.of("..", "sample-projects", "fashion-mnist-mlp");

  private static Project spiral;
  private static Project fashion;
  private static ExecutorService worker;

  @BeforeAll
  static void readSamples() throws Exception {
    spiral = ProjectFiles.read(SPIRAL_DIR);
    Project f = ProjectFiles.read(FASHION_DIR);
    // Always the shipped 6,000-image subset, even where the full dataset is installed.
    fashion = f.withDataset(((DatasetRef.Idx) f.dataset()).withUseFullWhenAvailable(false));
    worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "training-test-worker"));
  }

  @AfterAll
  static void stopWorker() {
    worker.shutdownNow();
  }

  @Test
  void spiralSampleLearnsTheArmsAndReportsInContractOrder() {
    RecordingListener events = new RecordingListener();
    long began = System.nanoTime();

    RunEnded end = new TrainingRun(new TrainingRequest(spiral, SPIRAL_DIR, "spiral", "run-1"), events).call();

    double seconds = (System.nanoTime() - began) / 1e9;
    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    assertEquals(List.of(), events.violations);
    assertEquals(1, events.started.size());
    assertEquals(List.of(end), events.ended);
    assertEquals("run-1", events.started.get(0).runId());
    assertEquals("run-1", end.runId());
    int epochs = spiral.training().epochs();
    int batches = events.started.get(0).batchesPerEpoch();
    assertEquals(720, events.started.get(0).trainSamples());
    assertEquals(180, events.started.get(0).validationSamples());
    assertEquals((720 + 31) / 32, batches);
    assertEquals(epochs * batches, events.steps.size());
    assertEquals(epochs, events.epochs.size());
    assertEquals(epochs, end.epochsCompleted());
    assertEquals(events.epochs.get(epochs - 1).validationAccuracy(), end.finalValidationAccuracy());
    assertTrue(end.finalValidationAccuracy() >= 0.95, "validation accuracy " + end.finalValidationAccuracy());
    assertTrue(events.steps.stream().allMatch(s -> s.samplesPerSecond() > 0 && s.accuracy() >= 0 && s.accuracy() <= 1));
    System.out.printf(
        Locale.ROOT,
        "spiral: %d epochs in %.2f s, final validation accuracy %.4f, %.0f samples/s%n",
        epochs,
        seconds,
        end.finalValidationAccuracy(),
        meanSamplesPerSecond(events.steps));
  }

  @Test
  void stopFromAnotherThreadEndsAfterTheCurrentBatch() throws Exception {
    CountDownLatch fiveSteps = new CountDownLatch(5);
    RecordingListener events =
        new RecordingListener() {
          @Override
          public void onStep(StepMetrics m) {
            super.onStep(m);
            fiveSteps.countDown();
          }
        };
    TrainingRun run = new TrainingRun(new TrainingRequest(spiral, SPIRAL_DIR, "stop me", null), events);

    Future<RunEnded> result = worker.submit(run);
    assertTrue(fiveSteps.await(60, TimeUnit.SECONDS), "five steps");
    run.stop();
    RunEnded end = result.get(60, TimeUnit.SECONDS);

    assertEquals(RunStatus.STOPPED, end.status(), end.message());
    assertTrue(end.epochsCompleted() < spiral.training().epochs());
    assertTrue(events.steps.size() < spiral.training().epochs() * events.started.get(0).batchesPerEpoch());
    assertTrue(end.message().startsWith("Stopped by the user"), end.message());
    assertTrue(end.message().contains("at step " + events.steps.size()), end.message());
    assertEquals(List.of(end), events.ended);
    assertEquals(List.of(), events.violations);
  }

  /**
   * A deep linear network (three Dense layers, no activation) under plain SGD at learning rate 10 really diverges: the gradient of
   * each weight matrix is scaled by the product of the other two, so every step multiplies the weights' size, and the loss grows
   * 1.4, 2.6e2, 3.4e6, 5.6e15, 7.0e33 (measured with this seed) until the logits overflow to infinity and the loss is NaN at step 6.
   * The shipped spiral MLP with ReLU does not diverge at this rate: its units die and the loss stays finite near log 3.
   */
  @Test
  void aLearningRateOfTenOnADeepLinearNetworkDiverges() {
    ModelSpec linear =
        ModelSpec.of(
            new LayerSpec("input", LayerType.INPUT, Map.of("shape", List.of(2))),
            new LayerSpec("dense1", LayerType.DENSE, Map.of("units", 64)),
            new LayerSpec("dense2", LayerType.DENSE, Map.of("units", 64)),
            new LayerSpec("output", LayerType.DENSE, Map.of("units", 3)));
    Project p =
        spiral
            .withModel(linear)
            .withTraining(spiral.training().withOptimizer(OptimizerKind.SGD).withLearningRate(10).withMomentum(0.9).withEpochs(3));
    RecordingListener events = new RecordingListener();

    RunEnded end = new TrainingRun(new TrainingRequest(p, SPIRAL_DIR, "diverge", null), events).call();

    assertEquals(RunStatus.DIVERGED, end.status(), end.message());
    List<Double> losses = events.losses();
    assertTrue(losses.size() >= 2 && losses.get(losses.size() - 1) > 1e6 * losses.get(0), "losses exploded first: " + losses);
    int divergedAt = losses.size() + 1; // the step whose loss was not finite is reported, not emitted
    assertTrue(end.message().contains("at step " + divergedAt + " "), end.message());
    assertTrue(end.message().contains("Lower the learning rate: it is 10 with SGD; try 1."), end.message());
    assertEquals(end.message(), end.message(java.util.Locale.ENGLISH));
    String zh = end.message(java.util.Locale.SIMPLIFIED_CHINESE);
    // the Chinese sentence around what diverged, with the same rates
    String[] around = RuntimeMessages.get(java.util.Locale.SIMPLIFIED_CHINESE, "run.diverged", "\u0000", "10", "SGD", "1").split("\u0000");
    assertTrue(zh.startsWith(around[0]) && zh.endsWith(around[1]), zh);
    assertTrue(zh.contains(String.valueOf(divergedAt)) && !zh.contains("training loss"), zh);
    assertEquals(0, end.epochsCompleted());
    assertEquals(List.of(), events.violations);
  }

  @Test
  void aDatasetThatDoesNotFitTheInputLayerFailsNamingTheInputLayer() {
    ModelSpec model = spiral.model().replace(0, new LayerSpec("input", LayerType.INPUT, Map.of("shape", List.of(1, 28, 28))));
    model = model.insert(1, LayerSpec.of("flatten", LayerType.FLATTEN));
    RecordingListener events = new RecordingListener();

    RunEnded end = new TrainingRun(new TrainingRequest(spiral.withModel(model), SPIRAL_DIR, "mismatch", null), events).call();

    assertEquals(RunStatus.FAILED, end.status());
    String m = end.message();
    assertTrue(m.contains("layer 'input'"), m);
    assertTrue(m.contains("the dataset's samples are (N, 2) but this Input takes (N, 1, 28, 28): set shape to 2"), m);
    String zh = end.message(java.util.Locale.SIMPLIFIED_CHINESE);
    assertTrue(zh.contains(RuntimeMessages.get(java.util.Locale.SIMPLIFIED_CHINESE, "compile.layerProblem", "input", "")), zh);
    assertTrue(
        zh.contains(org.layerlab.model.ModelMessages.of(java.util.Locale.SIMPLIFIED_CHINESE).get("analysis.dataShape", "(N, 2)", "(N, 1, 28, 28)", "2")),
        zh);
    assertTrue(events.started.isEmpty(), "no run started");
    assertEquals(List.of(end), events.ended);
  }

  @Test
  void dataThatCannotBeLoadedEndsTheRunOnceWithoutStartingIt() {
    Project p = fashion.withDataset(new DatasetRef.Idx("Nothing", "no-such-folder", null, false, List.of()));
    RecordingListener events = new RecordingListener();

    RunEnded end = new TrainingRun(new TrainingRequest(p, FASHION_DIR, "no data", null), events).call();

    assertEquals(RunStatus.FAILED, end.status());
    assertTrue(end.message().startsWith("The data could not be loaded: "), end.message());
    assertTrue(end.message().contains("train-images-idx3-ubyte.gz"), end.message());
    String zh = end.message(java.util.Locale.SIMPLIFIED_CHINESE);
    assertTrue(zh.startsWith(RuntimeMessages.get(java.util.Locale.SIMPLIFIED_CHINESE, "run.dataNotLoaded", "")), zh);
    assertTrue(zh.contains(RuntimeMessages.get(java.util.Locale.SIMPLIFIED_CHINESE, "data.noSuchFolderPrefix")), zh);
    assertTrue(zh.contains("train-images-idx3-ubyte.gz"), zh);
    assertTrue(events.started.isEmpty());
    assertEquals(List.of(end), events.ended);
    assertTrue(Double.isNaN(end.finalValidationAccuracy()));
  }

  @Test
  void theSameSeedGivesTheSameStepLosses() {
    Project p = spiral.withTraining(spiral.training().withEpochs(2));
    RecordingListener a = new RecordingListener();
    RecordingListener b = new RecordingListener();
    RecordingListener otherSeed = new RecordingListener();

    new TrainingRun(new TrainingRequest(p, SPIRAL_DIR, "a", null), a).call();
    new TrainingRun(new TrainingRequest(p, SPIRAL_DIR, "b", null), b).call();
    Project reseeded = p.withTraining(p.training().withSeed(43));
    new TrainingRun(new TrainingRequest(reseeded, SPIRAL_DIR, "c", null), otherSeed).call();

    assertEquals(46, a.losses().size());
    assertEquals(a.losses(), b.losses());
    assertFalse(a.losses().equals(otherSeed.losses()));
  }

  @Test
  void fashionMlpLearnsInOneEpochOnTheShippedSubset() {
    Project p = fashion.withTraining(fashion.training().withEpochs(1));
    RecordingListener events = new RecordingListener();
    long began = System.nanoTime();

    RunEnded end = new TrainingRun(new TrainingRequest(p, FASHION_DIR, "fashion", null), events).call();

    double seconds = (System.nanoTime() - began) / 1e9;
    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    assertEquals(5400, events.started.get(0).trainSamples());
    assertEquals(600, events.started.get(0).validationSamples());
    assertTrue(end.finalValidationAccuracy() > 0.6, "validation accuracy " + end.finalValidationAccuracy());
    assertEquals(List.of(), events.violations);
    System.out.printf(
        Locale.ROOT,
        "fashion-mnist-mlp: 1 epoch in %.2f s, validation accuracy %.4f, %.0f samples/s%n",
        seconds,
        end.finalValidationAccuracy(),
        meanSamplesPerSecond(events.steps));
  }

  @Test
  void aRunIsUsedOnce() {
    Project p = spiral.withTraining(spiral.training().withEpochs(1));
    RecordingListener events = new RecordingListener();
    TrainingRun run = new TrainingRun(new TrainingRequest(p, SPIRAL_DIR, "once", null), events);

    RunEnded first = run.call();
    RunEnded second = run.call();

    assertEquals(RunStatus.FINISHED, first.status());
    assertEquals(RunStatus.FAILED, second.status());
    assertEquals(List.of(first), events.ended);
  }

  @Test
  void batchAccuracyTakesTheLargestLogit() {
    Dataset d = new Dataset("d", new float[] {0, 0}, new int[] {1, 0}, Shape.of(1), 3, List.of("a", "b", "c"));
    BatchBuffers buffers = new BatchBuffers(d, 2);
    buffers.fill(new int[] {0, 1}, 0, 2);
    float[] logits = {0.1f, 2f, -1f, 3f, 3f, 0f};
    assertEquals(2, buffers.countCorrect(logits), "a tie goes to the lower class");
  }

  /** Mean of the smoothed per-step figures after the first epoch's warm-up. */
  private static double meanSamplesPerSecond(List<StepMetrics> steps) {
    return steps.stream().skip(steps.size() / 4).mapToDouble(StepMetrics::samplesPerSecond).average().orElse(Double.NaN);
  }
}
