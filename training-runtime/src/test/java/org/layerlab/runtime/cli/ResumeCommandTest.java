package org.layerlab.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.checkpoint.CheckpointFolder;
import org.layerlab.runtime.checkpoint.CheckpointInfo;
import org.layerlab.runtime.checkpoint.CheckpointKind;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.store.Artifact;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunOptions;
import org.layerlab.runtime.store.RunRecorder;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;
import org.layerlab.runtime.workspace.Workspace;

/** {@code layerlab train PROJECT --resume RUN}: a stopped, or killed, run trains on from its last checkpoint in its own record. */
class ResumeCommandTest {

  private static final Path SPIRAL = Path.of("..", "sample-projects", "spiral");
  private static final int EPOCHS = 5;

  @TempDir Path workspace;
  @TempDir Path other;

  private record Result(int exit, String out, String err) {}

  private static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }

  /**
   * Trains the spiral for {@link #EPOCHS} epochs in the workspace, as `train` does, and stops it at the third batch of epoch 3: its
   * last checkpoint is epoch 2's, and the store has steps after it.
   */
  private String trainAndStopAfterEpochTwo() throws Exception {
    Project p = ProjectFiles.read(SPIRAL);
    p = p.withTraining(p.training().withEpochs(EPOCHS));
    try (Workspace ws = Workspace.open(workspace)) {
      RunRecorder recorder = RunRecorder.begin(ws.runStore(), p, "stopped", RunOptions.NONE, null);
      AtomicReference<TrainingRun> run = new AtomicReference<>();
      TrainingListener stopper =
          new TrainingListener() {
            @Override
            public void onStep(StepMetrics m) {
              if (m.epoch() == 3 && m.batch() == 3) {
                run.get().stop();
              }
            }
          };
      TrainingRequest request =
          new TrainingRequest(p, SPIRAL.toAbsolutePath(), "stopped", recorder.runId())
              .withCheckpoints(CheckpointFolder.forRun(ws.home(), recorder.runId()));
      run.set(new TrainingRun(request, TrainingListener.all(recorder, stopper)));
      RunEnded end = run.get().call();
      assertEquals(RunStatus.STOPPED, end.status(), end.message());
      assertEquals(2, end.epochsCompleted());
      return recorder.runId();
    }
  }

  private static List<Long> steps(List<MetricPoint> points) {
    return points.stream().map(MetricPoint::step).toList();
  }

  private static List<Long> oneTo(long n) {
    List<Long> out = new ArrayList<>();
    for (long i = 1; i <= n; i++) {
      out.add(i);
    }
    return out;
  }

  @Test
  void aStoppedRunResumesToItsPlannedEpochsAndMatchesAnUninterruptedOne() throws Exception {
    String id = trainAndStopAfterEpochTwo();
    int batches;
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      batches = store.entry(id).orElseThrow().batchesPerEpoch();
      assertTrue(store.metrics(id, MetricTags.STEP_LOSS).size() > 2 * batches, "the stopped run got into epoch 3");
    }

    Result r = cli("train", SPIRAL.toString(), "--epochs", String.valueOf(EPOCHS), "--resume", id.substring(0, 8), "-w", workspace.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("Resuming run " + id) && r.out().contains("after epoch 2"), r.out());

    Result fresh = cli("train", SPIRAL.toString(), "--epochs", String.valueOf(EPOCHS), "-w", other.toString());
    assertEquals(0, fresh.exit(), fresh.err());

    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE));
        RunStore reference = RunStore.open(other.resolve(Workspace.RUN_STORE_FILE))) {
      assertEquals(1, store.listRuns().size(), "resuming records into the same run");
      RunSummary run = store.listRuns().get(0);
      assertEquals(RunStatus.FINISHED, run.status(), run.message());
      assertEquals(oneTo((long) EPOCHS * batches), steps(store.metrics(id, MetricTags.STEP_LOSS)), "every step once, numbered on");
      assertEquals(oneTo(EPOCHS), steps(store.metrics(id, MetricTags.VALIDATION_LOSS)));
      String refId = reference.listRuns().get(0).id();
      List<MetricPoint> resumed = store.metrics(id, MetricTags.VALIDATION_LOSS);
      List<MetricPoint> straight = reference.metrics(refId, MetricTags.VALIDATION_LOSS);
      for (int e = 0; e < EPOCHS; e++) {
        assertEquals(straight.get(e).value(), resumed.get(e).value(), 1e-6, "validation loss of epoch " + (e + 1));
      }
      assertEquals(reference.listRuns().get(0).finalValidationAccuracy(), run.finalValidationAccuracy(), 1e-9);
      List<Artifact> artifacts = store.artifacts(id);
      assertEquals(3, artifacts.size(), "the last and best checkpoints and the test report, once each: " + artifacts);
    }
  }

  @Test
  void aRunWithoutACheckpointCannotBeResumed() throws Exception {
    String id;
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      id = store.createRun("never trained", "Spiral", ProjectFiles.toJson(ProjectFiles.read(SPIRAL)), 1);
      store.endRun(id, RunStatus.STOPPED, 2, Double.NaN, "stopped");
    }
    Result r = cli("train", SPIRAL.toString(), "--resume", id, "-w", workspace.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("has no checkpoint to resume from") && r.err().contains("Train the project again"), r.err());
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      assertEquals(RunStatus.STOPPED, store.listRuns().get(0).status(), "a refused resume leaves the run as it was");
    }
  }

  /** A separate JVM trains the spiral and is killed once it has written a checkpoint; the run is then resumed in this one. */
  @Test
  void aKilledProcessesRunIsMarkedInterruptedAndResumes() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dai.djl.offline=true",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                Cli.class.getName(),
                "train",
                SPIRAL.toString(),
                "--epochs",
                "100000",
                "-w",
                workspace.toString())
            .redirectErrorStream(true)
            .redirectOutput(workspace.resolve("child.log").toFile())
            .start();
    CheckpointInfo info;
    try {
      Path runs = workspace.resolve("runs");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      boolean checkpointed = false;
      while (!checkpointed && System.nanoTime() < deadline && child.isAlive()) {
        Thread.sleep(100);
        if (Files.isDirectory(runs)) {
          try (var s = Files.list(runs)) {
            checkpointed = s.anyMatch(run -> CheckpointFolder.of(run.resolve("checkpoints")).has(CheckpointKind.LAST));
          }
        }
      }
      assertTrue(checkpointed, "the child wrote a checkpoint: " + Files.readString(workspace.resolve("child.log")));
      // The child writes its points once a second: wait until those of its checkpointed steps are in the store, as in a run that
      // was killed after training a while.
      boolean recorded = false;
      while (!recorded && System.nanoTime() < deadline && child.isAlive()) {
        Thread.sleep(100);
        try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
          String running = store.listRuns().get(0).id();
          long checkpointStep = CheckpointFolder.of(CheckpointFolder.forRun(workspace, running)).readInfo(CheckpointKind.LAST).step();
          recorded = store.metrics(running, MetricTags.STEP_LOSS).size() > checkpointStep;
        } catch (java.io.IOException e) {
          // the child is replacing its checkpoint: look again
        }
      }
      assertTrue(recorded, "the child recorded its steps");
    } finally {
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    String id;
    long lastRecorded;
    List<Long> epochsRecorded;
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      RunSummary run = store.listRuns().get(0);
      id = run.id();
      assertEquals(RunStatus.INTERRUPTED, run.status(), "a run whose process died is marked when the store opens");
      info = CheckpointFolder.of(CheckpointFolder.forRun(workspace, id)).readInfo(CheckpointKind.LAST);
      List<Long> before = steps(store.metrics(id, MetricTags.STEP_LOSS));
      lastRecorded = before.isEmpty() ? 0 : before.get(before.size() - 1);
      epochsRecorded = steps(store.metrics(id, MetricTags.VALIDATION_ACCURACY));
    }
    int planned = info.epoch() + 2;

    Result r = cli("train", SPIRAL.toString(), "--epochs", String.valueOf(planned), "--resume", id, "-w", workspace.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    // The child hands its points to the store once a second and may have checkpointed steps it had not recorded when it was
    // killed: those steps are lost, and the resumed run says so.
    long gapFrom = Math.min(lastRecorded, info.step()) + 1;
    boolean gap = gapFrom <= info.step();
    assertEquals(gap, r.out().contains("were trained but not recorded"), r.out());

    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      RunSummary run = store.listRuns().get(0);
      assertEquals(RunStatus.FINISHED, run.status(), run.message());
      int batches = store.entry(id).orElseThrow().batchesPerEpoch();
      List<Long> expected = new java.util.ArrayList<>(oneTo((long) planned * batches));
      expected.removeIf(step -> step >= gapFrom && step <= info.step());
      assertEquals(expected, steps(store.metrics(id, MetricTags.STEP_LOSS)), "steps numbered on from the checkpoint, each once");
      // The same holds for the epochs: those recorded up to the checkpoint, then every epoch the resumed run trained.
      List<Long> epochs = new java.util.ArrayList<>(epochsRecorded.stream().filter(e -> e <= info.epoch()).toList());
      for (long e = info.epoch() + 1; e <= planned; e++) {
        epochs.add(e);
      }
      assertEquals(epochs, steps(store.metrics(id, MetricTags.VALIDATION_ACCURACY)));
      assertEquals(epochs.size() < planned, r.out().contains("were not recorded before"), r.out());
    }
  }
}
