package org.layerlab.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;

/** Kills a child JVM that is recording a run, then checks that the run is marked interrupted and keeps what was flushed. */
class KilledRunTest {

  @TempDir Path dir;

  /** The child: records a run and reports steps forever, printing each step number once it has been flushed. */
  public static void main(String[] args) throws Exception {
    try (RunStore store = RunStore.open(Path.of(args[0]))) {
      Project p =
          new Project("Killed", "", ModelSpec.of(), new DatasetRef.Spiral(2, 10, 0, 1), TrainingSettings.defaults());
      RunRecorder recorder = RunRecorder.begin(store, p, "to be killed");
      System.out.println("run " + recorder.runId());
      for (long step = 1; ; step++) {
        recorder.onStep(new StepMetrics(step, 1, (int) step, 1_000_000, 1.0 / step, 0.5, 100, System.currentTimeMillis()));
        if (step % 50 == 0) {
          recorder.flush();
          System.out.println("flushed " + step);
        }
        Thread.sleep(2);
      }
    }
  }

  @Test
  void killedProcessLeavesAnInterruptedRunWithEveryFlushedStep() throws Exception {
    Path db = dir.resolve("runs.db");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KilledRunTest.class.getName(),
                db.toString())
            .redirectErrorStream(true)
            .start();
    String runId = null;
    long flushed = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("run ")) {
          runId = line.substring(4);
        } else if (line.startsWith("flushed ")) {
          flushed = Long.parseLong(line.substring(8));
          if (flushed >= 300) {
            break;
          }
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no last flush
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    assertTrue(runId != null && flushed >= 300, "the child never got going: run " + runId + ", flushed " + flushed);

    try (RunStore store = RunStore.open(db)) {
      RunSummary run = store.findRun(runId).orElseThrow();
      assertEquals(RunStatus.INTERRUPTED, run.status());
      List<MetricPoint> loss = store.metrics(runId, MetricTags.STEP_LOSS);
      assertTrue(loss.size() >= flushed, "kept " + loss.size() + " of " + flushed + " flushed steps");
      for (int i = 0; i < loss.size(); i++) {
        assertEquals(i + 1, loss.get(i).step(), "no gap in the stored steps");
      }
    }
  }
}
