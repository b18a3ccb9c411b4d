package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunPaused;
import org.layerlab.runtime.events.RunResumed;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;

/** Pause, resume, single step and stop, asked for from the test thread while a worker trains the spiral. */
class RunControlTest {

  private static final Path SPIRAL_DIR = Path.of("..", "sample-projects", "spiral");
  private static Project spiral;
  private static ExecutorService worker;

  @BeforeAll
  static void setUp() throws Exception {
    spiral = ProjectFiles.read(SPIRAL_DIR);
    spiral = spiral.withTraining(spiral.training().withEpochs(2));
    worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "control-test-worker"));
  }

  @AfterAll
  static void tearDown() {
    worker.shutdownNow();
  }

  /** Every event in arrival order, so the test can wait for the next one. */
  static final class Timeline extends RecordingListener {
    final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    @Override
    public void onStep(StepMetrics m) {
      super.onStep(m);
      queue.add(m);
    }

    @Override
    public void onRunPaused(RunPaused e) {
      queue.add(e);
    }

    @Override
    public void onRunResumed(RunResumed e) {
      queue.add(e);
    }

    @Override
    public void onRunEnded(RunEnded e) {
      super.onRunEnded(e);
      queue.add(e);
    }

    <T> T next(Class<T> type) throws InterruptedException {
      Object e = queue.poll(60, TimeUnit.SECONDS);
      assertTrue(type.isInstance(e), "expected " + type.getSimpleName() + ", got " + e);
      return type.cast(e);
    }

    /** Nothing arrives for a while: the run really waits. */
    void quietFor(long millis) throws InterruptedException {
      Object e = queue.poll(millis, TimeUnit.MILLISECONDS);
      assertEquals(null, e, "the paused run sent an event");
    }
  }

  @Test
  void aRunPausedBeforeItStartsTakesOneBatchPerStepThenResumesToTheEnd() throws Exception {
    Timeline t = new Timeline();
    TrainingRun run = new TrainingRun(new TrainingRequest(spiral, SPIRAL_DIR, "steps", null), t);
    run.pause();
    Future<RunEnded> result = worker.submit(run);

    RunPaused first = t.next(RunPaused.class);
    assertEquals(0, first.step());
    assertEquals(1, first.epoch());
    assertEquals(1, first.batch());
    t.quietFor(300);

    for (int i = 1; i <= 3; i++) {
      run.step();
      RunResumed resumed = t.next(RunResumed.class);
      assertTrue(resumed.singleStep());
      assertEquals(i, t.next(StepMetrics.class).step(), "one batch per single step");
      RunPaused again = t.next(RunPaused.class);
      assertEquals(i, again.step());
      assertEquals(i + 1, again.batch());
    }
    t.quietFor(200);

    assertTrue(run.isPaused());
    run.resume();
    assertFalse(t.next(RunResumed.class).singleStep());
    RunEnded end = result.get(60, TimeUnit.SECONDS);
    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    assertEquals(2 * t.started.get(0).batchesPerEpoch(), t.steps.size());
    assertEquals(List.of(), t.violations);
  }

  @Test
  void stopWakesAPausedRun() throws Exception {
    Timeline t = new Timeline();
    TrainingRun run = new TrainingRun(new TrainingRequest(spiral, SPIRAL_DIR, "stop paused", null), t);
    run.pause();
    Future<RunEnded> result = worker.submit(run);
    t.next(RunPaused.class);
    run.step();
    t.next(RunResumed.class);
    t.next(StepMetrics.class);
    t.next(RunPaused.class);

    run.stop();

    RunEnded end = result.get(60, TimeUnit.SECONDS);
    assertEquals(RunStatus.STOPPED, end.status());
    assertTrue(end.message().contains("at step 1"), end.message());
    assertEquals(1, t.steps.size());
  }

  @Test
  void aStepAskedOfARunningRunPausesItAfterItsBatch() throws Exception {
    Timeline t = new Timeline();
    TrainingRun run = new TrainingRun(new TrainingRequest(spiral, SPIRAL_DIR, "step running", null), t);
    Future<RunEnded> result = worker.submit(run);
    t.next(StepMetrics.class);

    run.step();

    Object e;
    do {
      e = t.queue.poll(60, TimeUnit.SECONDS);
    } while (e instanceof StepMetrics);
    assertTrue(e instanceof RunPaused, "paused after a batch, got " + e);
    t.quietFor(200);
    run.resume();
    assertEquals(RunStatus.FINISHED, result.get(60, TimeUnit.SECONDS).status());
    assertEquals(List.of(), t.violations);
  }
}
