package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.events.DecisionBoundary;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.LearningRateChanged;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunPaused;
import org.layerlab.runtime.events.RunResumed;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepDetails;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.events.TrainingTags;
import org.layerlab.runtime.events.ValidationConfusion;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunRecorder;
import org.layerlab.runtime.store.RunStore;

/** The hooks a run monitor needs: a learning rate changed by hand, the validation confusion with its samples, the decision boundary. */
class MonitorHooksTest {

  private static final Path SPIRAL_DIR = Path.of("..", "sample-projects", "spiral");
  private static Project spiral;
  private static ExecutorService worker;

  @TempDir Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    spiral = ProjectFiles.read(SPIRAL_DIR);
    spiral = spiral.withTraining(spiral.training().withEpochs(2));
    worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "monitor-hooks-worker"));
  }

  @AfterAll
  static void tearDown() {
    worker.shutdownNow();
  }

  /** Every control event in arrival order, so the test can wait for the next one, and the monitor's events. */
  static final class Monitor extends RecordingListener {
    final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    final List<StepDetails> details = Collections.synchronizedList(new ArrayList<>());
    final List<LearningRateChanged> changes = Collections.synchronizedList(new ArrayList<>());
    final List<ValidationConfusion> confusions = Collections.synchronizedList(new ArrayList<>());
    final List<DecisionBoundary> boundaries = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onStep(StepMetrics s) {
      super.onStep(s);
      queue.add(s);
    }

    @Override
    public void onRunPaused(RunPaused e) {
      queue.add(e);
    }

    @Override
    public void onRunResumed(RunResumed e) {
      queue.add(e);
    }

    <T> T next(Class<T> type) throws InterruptedException {
      Object e = queue.poll(60, TimeUnit.SECONDS);
      assertTrue(type.isInstance(e), "expected " + type.getSimpleName() + ", got " + e);
      return type.cast(e);
    }

    void quietFor(long millis) throws InterruptedException {
      assertEquals(null, queue.poll(millis, TimeUnit.MILLISECONDS), "the paused run sent an event");
    }

    @Override
    public void onStepDetails(StepDetails d) {
      details.add(d);
    }

    @Override
    public void onLearningRateChanged(LearningRateChanged e) {
      changes.add(e);
      queue.add(e);
    }

    @Override
    public void onValidationConfusion(ValidationConfusion c) {
      confusions.add(c);
    }

    @Override
    public void onDecisionBoundary(DecisionBoundary b) {
      boundaries.add(b);
    }
  }

  @Test
  void aLearningRateChangedWhilePausedTrainsTheNextStepAtTheNewRateAndIsRecorded() throws Exception {
    double original = spiral.training().learningRate();
    double wanted = original / 4;
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      Monitor m = new Monitor();
      RunRecorder recorder = RunRecorder.begin(store, spiral, "rate change");
      TrainingRun run =
          new TrainingRun(new TrainingRequest(spiral, SPIRAL_DIR, "rate change", recorder.runId()), TrainingListener.all(recorder, m));
      run.pause();
      Future<RunEnded> result = worker.submit(run);
      m.next(RunPaused.class);
      for (int i = 1; i <= 2; i++) {
        run.step();
        m.next(RunResumed.class);
        m.next(StepMetrics.class);
        m.next(RunPaused.class);
      }

      run.changeLearningRate(wanted);
      m.quietFor(200); // paused: the change waits for the next batch
      run.step();
      assertTrue(m.next(RunResumed.class).singleStep());
      LearningRateChanged change = m.next(LearningRateChanged.class);
      assertEquals(3, change.step(), "the first step after the change");
      assertEquals(1, change.epoch());
      assertEquals(original, change.oldRate(), 1e-12);
      assertEquals(wanted, change.newRate(), 1e-12);
      assertEquals(3, m.next(StepMetrics.class).step());
      m.next(RunPaused.class);

      run.resume();
      RunEnded end = result.get(60, TimeUnit.SECONDS);
      assertEquals(RunStatus.FINISHED, end.status(), end.message());
      assertEquals(List.of(), m.violations);
      assertEquals(1, m.changes.size());
      assertEquals(original, m.details.get(1).learningRate(), 1e-7, "step 2 still at the settings' rate");
      for (StepDetails d : m.details.subList(2, m.details.size())) {
        assertEquals(wanted, d.learningRate(), 1e-7, "step " + d.step() + " trains at the new rate");
      }
      List<MetricPoint> recorded = store.metrics(recorder.runId(), TrainingTags.EVENTS_LEARNING_RATE_CHANGE);
      assertEquals(1, recorded.size());
      assertEquals(3, recorded.get(0).step());
      assertEquals(wanted, recorded.get(0).value(), 1e-12);
    }
  }

  @Test
  void aBadLearningRateIsRefusedWithAMessage() {
    TrainingRun run = new TrainingRun(new TrainingRequest(spiral, SPIRAL_DIR, "bad rate", null), new Monitor());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.changeLearningRate(-0.1));
    assertTrue(e.getMessage().contains("above 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> run.changeLearningRate(Double.NaN));
  }

  @Test
  void confusionCellsNameSamplesOfTheirTrueAndPredictedClassAndTheBoundaryIsTheModelsPredictions() throws Exception {
    Monitor m = new Monitor();
    Path checkpoints = dir.resolve("checkpoints");
    TrainingRun run = new TrainingRun(new TrainingRequest(spiral, SPIRAL_DIR, "confusion", null).withCheckpoints(checkpoints), m);
    assertTrue(run.validationSamples().isEmpty(), "nothing before the data is loaded");
    RunEnded end = worker.submit(run).get(90, TimeUnit.SECONDS);
    assertEquals(RunStatus.FINISHED, end.status(), end.message());

    assertEquals(2, m.confusions.size(), "one matrix per epoch");
    assertEquals(2, m.boundaries.size(), "one boundary per epoch of 2-D data");
    SampleSet validation = run.validationSamples().orElseThrow();
    SampleSet train = run.trainingSamples().orElseThrow();
    assertEquals(List.of(2), java.util.Arrays.stream(validation.shape()).boxed().toList());
    ValidationConfusion last = m.confusions.get(1);
    EpochMetrics lastEpoch = m.epochs.get(1);
    assertEquals(validation.size(), last.total());
    long right = 0;
    for (int t = 0; t < 3; t++) {
      right += last.count(t, t);
    }
    assertEquals(lastEpoch.validationAccuracy(), (double) right / last.total(), 1e-9);

    // The last checkpoint holds the weights the last epoch was measured with: its predictions decide every cell.
    try (Predictor predictor = Predictor.load(checkpoints)) {
      int checked = 0;
      for (int t = 0; t < 3; t++) {
        for (int p = 0; p < 3; p++) {
          int[] samples = last.samples(t, p);
          assertEquals(Math.min(last.count(t, p), last.samplesPerCell()), samples.length, "cell " + t + "," + p);
          for (int i : samples) {
            assertEquals(t, validation.label(i), "true class of sample " + i);
            assertEquals(p, predictor.predict(validation.features(i)).best().index(), "predicted class of sample " + i);
            checked++;
          }
        }
      }
      assertTrue(checked > 0);

      DecisionBoundary b = m.boundaries.get(1);
      assertEquals(2, b.epoch());
      for (int i = 0; i < train.size(); i++) {
        float x = train.feature(i, 0);
        float y = train.feature(i, 1);
        assertTrue(x > b.xMin() && x < b.xMax() && y > b.yMin() && y < b.yMax(), "the grid covers training point " + i);
      }
      for (int[] cell : new int[][] {{0, 0}, {99, 99}, {50, 20}, {13, 71}, {77, 42}}) {
        float[] centre = {(float) b.centreX(cell[0]), (float) b.centreY(cell[1])};
        Prediction p = predictor.predict(centre);
        for (Prediction.ClassProbability c : p.ranked()) {
          assertEquals(c.probability(), b.probability(cell[0], cell[1], c.index()), 1e-4, "cell " + cell[0] + "," + cell[1]);
        }
        assertEquals(p.best().index(), b.predicted(cell[0], cell[1]));
      }
    }
    assertNotNull(run.validationSamples().orElseThrow().classNames());
    assertThrows(IndexOutOfBoundsException.class, () -> validation.features(validation.size()));
  }

  @Test
  void imagesHaveNoDecisionBoundary() {
    assertEquals(null, BoundaryGrid.forData(new org.layerlab.runtime.data.Dataset(
        "images", new float[2 * 4], new int[] {0, 1}, org.layerlab.model.analysis.Shape.of(1, 2, 2), 2, List.of("a", "b"))));
    assertFalse(BoundaryGrid.forData(new org.layerlab.runtime.data.Dataset(
        "points", new float[] {0, 0, 1, 1}, new int[] {0, 1}, org.layerlab.model.analysis.Shape.of(2), 2, List.of("a", "b"))) == null);
  }
}
