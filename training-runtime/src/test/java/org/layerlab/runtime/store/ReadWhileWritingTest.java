package org.layerlab.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.RunStatus;

/** The app reads the store through its own connection while a training run writes through another: nobody waits or fails. */
class ReadWhileWritingTest {

  @TempDir Path dir;

  @Test
  void aReaderSeesWholeBatchesGrowWhileAWriterAppends() throws Exception {
    Path db = dir.resolve("runs.db");
    try (RunStore writer = RunStore.open(db);
        RunStore reader = RunStore.open(db)) {
      String id = writer.createRun("live", "P", "{}", 0);
      AtomicReference<Throwable> writeError = new AtomicReference<>();
      int batches = 200;
      Thread training =
          new Thread(
              () -> {
                try {
                  for (int b = 0; b < batches; b++) {
                    List<MetricPoint> batch = new ArrayList<>();
                    for (int i = 1; i <= 50; i++) {
                      long step = b * 50L + i;
                      batch.add(new MetricPoint("step/loss", step, step, 1.0 / step));
                    }
                    writer.appendMetrics(id, batch);
                  }
                  writer.endRun(id, RunStatus.FINISHED, 1, Double.NaN, "");
                } catch (Throwable t) {
                  writeError.set(t);
                }
              });
      training.start();
      int last = 0;
      int reads = 0;
      while (training.isAlive()) {
        RunEntry e = reader.findRuns(RunFilter.ALL).get(0);
        int n = reader.series(id, "step/loss").size();
        assertEquals(0, n % 50, "a reader sees whole batches only");
        assertTrue(n >= last, "the series never shrinks");
        long listed = e.metric("step/loss").map(MetricSummary::points).orElse(0L);
        assertTrue(listed <= batches * 50L);
        last = n;
        reads++;
      }
      training.join();
      assertNull(writeError.get(), () -> "the writer failed: " + writeError.get());
      assertEquals(batches * 50, reader.series(id, "step/loss").size());
      assertEquals(RunStatus.FINISHED, reader.findRun(id).orElseThrow().status());
      assertTrue(reads > 1, "the reader read while the writer wrote");
    }
  }
}
