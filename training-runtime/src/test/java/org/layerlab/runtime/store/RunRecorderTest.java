package org.layerlab.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;

class RunRecorderTest {

  @TempDir Path dir;

  private final Project project =
      new Project("Rec", "", ModelSpec.of(), new DatasetRef.Spiral(3, 50, 0.1, 5), TrainingSettings.defaults().withEpochs(2));

  @Test
  void recordsConfigStepsEpochsAndTheEnd() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      RunRecorder rec = RunRecorder.begin(store, project, "named");
      long t0 = System.currentTimeMillis();
      rec.onStep(new StepMetrics(1, 1, 1, 2, 1.5, 0.25, 100, t0));
      rec.onStep(new StepMetrics(2, 1, 2, 2, 1.25, 0.5, 110, t0 + 1));
      rec.onEpoch(new EpochMetrics(1, 2, 1.375, 0.375, 1.2, 0.4, t0 + 2));
      rec.onRunEnded(new RunEnded(rec.runId(), RunStatus.FINISHED, 1, 0.4, "finished", t0 + 3));

      RunSummary run = store.findRun(rec.runId()).orElseThrow();
      assertEquals("named", run.name());
      assertEquals("Rec", run.projectName());
      assertEquals(RunStatus.FINISHED, run.status());
      assertEquals(0.4, run.finalValidationAccuracy());
      assertEquals(project, ProjectFiles.parse(run.configJson(), Path.of("run-config")), "the config rebuilds the project");
      assertEquals(2, store.metrics(rec.runId(), MetricTags.STEP_LOSS).size());
      assertEquals(1.25, store.metrics(rec.runId(), MetricTags.STEP_LOSS).get(1).value());
      assertEquals(110, store.metrics(rec.runId(), MetricTags.STEP_SAMPLES_PER_SECOND).get(1).value());
      assertEquals(1, store.metrics(rec.runId(), MetricTags.VALIDATION_ACCURACY).get(0).step(), "epoch tags use the epoch as step");
      assertEquals(0.4, store.metrics(rec.runId(), MetricTags.VALIDATION_ACCURACY).get(0).value());
    }
  }

  @Test
  void metricsWaitInMemoryLessThanTheFlushInterval() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      RunRecorder rec = RunRecorder.begin(store, project, "buffered");
      long t0 = System.currentTimeMillis();
      rec.onStep(new StepMetrics(1, 1, 1, 100, 1.0, 0.5, 100, t0));
      assertEquals(0, store.metrics(rec.runId(), MetricTags.STEP_LOSS).size(), "a fresh step is buffered, not written");
      rec.onEpoch(new EpochMetrics(1, 1, 1, 0.5, 1, 0.5, t0 + 1));
      assertEquals(0, store.metrics(rec.runId(), MetricTags.VALIDATION_ACCURACY).size(), "a fast epoch's end waits with the steps");
      rec.onStep(new StepMetrics(2, 1, 2, 100, 1.0, 0.5, 100, t0 + RunRecorder.FLUSH_INTERVAL_MILLIS + 1));
      long deadline = System.currentTimeMillis() + 10_000;
      while (store.metrics(rec.runId(), MetricTags.STEP_LOSS).size() < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(2, store.metrics(rec.runId(), MetricTags.STEP_LOSS).size(), "a step past the interval has all written, unasked");
      assertEquals(1, store.metrics(rec.runId(), MetricTags.VALIDATION_ACCURACY).size());
      rec.flush(); // the writer adds a write's CPU time just after its commit, which the loop above may have seen first
      assertTrue(rec.writeCpuNanos() > 0, "by the writer thread");
    }
  }

  @Test
  void aBusyStoreDoesNotHoldUpTrainingAndFlushWaitsForEveryWrite() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      RunRecorder rec = RunRecorder.begin(store, project, "busy store");
      CountDownLatch held = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread reader =
          new Thread(
              () -> {
                synchronized (store) { // as a long read by the app would
                  held.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              });
      reader.start();
      held.await();
      long t = System.nanoTime();
      for (int epoch = 1; epoch <= 3; epoch++) {
        rec.onStep(new StepMetrics(epoch, epoch, 1, 1, 1.0 / epoch, 0.5, 100, System.currentTimeMillis()));
        rec.onEpoch(new EpochMetrics(epoch, epoch, 1, 0.5, 1, 0.5, System.currentTimeMillis()));
      }
      assertTrue((System.nanoTime() - t) < 1_000_000_000L, "the training thread went on while the store was busy");
      release.countDown();
      rec.flush();
      assertEquals(3, store.metrics(rec.runId(), MetricTags.STEP_LOSS).size(), "flush returns once everything is written");
      assertEquals(3, store.metrics(rec.runId(), MetricTags.VALIDATION_ACCURACY).size());
      reader.join();
    }
  }

  @Test
  void aStoreFailureIsKeptAndDoesNotThrowIntoTraining() {
    RunStore store = RunStore.open(dir.resolve("runs.db"));
    RunRecorder rec = RunRecorder.begin(store, project, "doomed");
    store.close();
    rec.onEpoch(new EpochMetrics(1, 1, 1, 1, 1, 1, 1));
    rec.onRunEnded(new RunEnded(rec.runId(), RunStatus.FINISHED, 1, 1, "", 2));
    assertTrue(rec.failure() != null && rec.failure().getMessage().contains("runs.db"));
  }

  @Test
  void provenanceIsMadeOnceWhenTheRunStartsAndStoredWithBatchesPerEpoch() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      AtomicInteger calls = new AtomicInteger();
      RunRecorder rec =
          RunRecorder.begin(
              store, project, "with provenance", new RunOptions("g", List.of("t"), "n"), () -> "{\"call\":" + calls.incrementAndGet() + "}");
      assertEquals(0, calls.get(), "nothing is gathered before the run starts");
      rec.onRunStarted(new RunStarted(rec.runId(), "with provenance", 2, 17, 500, 100, 0));
      rec.onRunEnded(new RunEnded(rec.runId(), RunStatus.FINISHED, 2, 0.5, "", 1));
      assertEquals(1, calls.get());
      assertEquals(Optional.of("{\"call\":1}"), store.provenance(rec.runId()));
      RunEntry e = store.entry(rec.runId()).orElseThrow();
      assertEquals(17, e.batchesPerEpoch());
      assertEquals("g", e.groupId());
      assertEquals(List.of("t"), e.labels());
      assertEquals(42L, e.seed());
    }
  }

  @Test
  void aRunThatFailsBeforeItStartsGetsItsProvenanceAtTheEnd() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      RunRecorder rec = RunRecorder.begin(store, project, "failed early", RunOptions.NONE, () -> "{}");
      rec.onRunEnded(new RunEnded(rec.runId(), RunStatus.FAILED, 0, Double.NaN, "The data could not be loaded", 1));
      assertEquals(Optional.of("{}"), store.provenance(rec.runId()));
      assertEquals(RunStatus.FAILED, store.findRun(rec.runId()).orElseThrow().status());
    }
  }

  @Test
  void aProvenanceThatThrowsLeavesTheRunRecordedWithoutIt() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      RunRecorder rec =
          RunRecorder.begin(
              store,
              project,
              "no provenance",
              RunOptions.NONE,
              () -> {
                throw new IllegalStateException("disk gone");
              });
      rec.onRunStarted(new RunStarted(rec.runId(), "no provenance", 1, 3, 30, 10, 0));
      rec.onEpoch(new EpochMetrics(1, 3, 1, 0.5, 1, 0.5, 2));
      rec.onRunEnded(new RunEnded(rec.runId(), RunStatus.FINISHED, 1, 0.5, "", 3));
      assertEquals(null, rec.failure());
      assertEquals(Optional.empty(), store.provenance(rec.runId()));
      assertEquals(3, store.entry(rec.runId()).orElseThrow().batchesPerEpoch());
      assertEquals(RunStatus.FINISHED, store.findRun(rec.runId()).orElseThrow().status());
    }
  }
}
