package org.layerlab.runtime.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.events.ParameterHistogram;
import org.layerlab.runtime.events.ParameterHistograms;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.metrics.Histograms;

/** Weight and gradient histograms go into the run store (schema 4) and come back as they were sent. */
class HistogramStoreTest {

  @TempDir Path dir;

  private final Project project =
      new Project("H", "", ModelSpec.of(), new DatasetRef.Spiral(3, 50, 0.1, 5), TrainingSettings.defaults());

  private static ParameterHistograms step(long step, int epoch, long seed) {
    Random r = new Random(seed);
    List<ParameterHistogram> list = new ArrayList<>();
    for (String layer : List.of("dense1", "output")) {
      for (String parameter : List.of("weight", "bias")) {
        float[] w = new float[200];
        float[] g = new float[200];
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) r.nextGaussian();
          g[i] = (float) (0.01 * r.nextGaussian());
        }
        list.add(Histograms.of(layer, parameter, ParameterHistogram.WEIGHTS, w, Histograms.BINS));
        list.add(Histograms.of(layer, parameter, ParameterHistogram.GRADIENTS, g, Histograms.BINS));
      }
    }
    // An empty one (no finite values: NaN mean and spread) and a single-valued one (one bin of width 0) round-trip too.
    list.add(Histograms.of("frozen", "weight", ParameterHistogram.GRADIENTS, new float[] {Float.NaN}, Histograms.BINS));
    list.add(Histograms.of("constant", "bias", ParameterHistogram.WEIGHTS, new float[] {0.5f, 0.5f}, Histograms.BINS));
    return new ParameterHistograms(step, epoch, list, 1000 + step);
  }

  private static void assertSame(ParameterHistograms sent, ParameterHistograms read) {
    assertEquals(sent.step(), read.step());
    assertEquals(sent.epoch(), read.epoch());
    assertEquals(sent.wallTimeMillis(), read.wallTimeMillis());
    assertEquals(sent.histograms().size(), read.histograms().size());
    for (int i = 0; i < sent.histograms().size(); i++) {
      ParameterHistogram a = sent.histograms().get(i);
      ParameterHistogram b = read.histograms().get(i);
      assertEquals(a.layerId() + a.parameter() + a.kind(), b.layerId() + b.parameter() + b.kind(), "in the order sent");
      assertEquals(a.count(), b.count());
      assertEquals(a.min(), b.min());
      assertEquals(a.max(), b.max());
      assertEquals(a.mean(), b.mean());
      assertEquals(a.std(), b.std());
      assertArrayEquals(a.binEdges(), b.binEdges());
      assertArrayEquals(a.binCounts(), b.binCounts());
    }
  }

  @Test
  void theRecorderStoresHistogramsAndTheStoreReadsThemBack() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      RunRecorder rec = RunRecorder.begin(store, project, "histograms");
      List<ParameterHistograms> sent = List.of(step(10, 1, 1), step(20, 1, 2), step(30, 2, 3));
      for (ParameterHistograms h : sent) {
        rec.onStep(new StepMetrics(h.step(), h.epoch(), 1, 10, 1.0, 0.5, 100, 1000 + h.step()));
        rec.onHistograms(h);
      }
      rec.onRunEnded(new RunEnded(rec.runId(), RunStatus.FINISHED, 2, 0.5, "done", 2000));

      assertEquals(List.of(10L, 20L, 30L), store.histogramSteps(rec.runId()));
      for (ParameterHistograms h : sent) {
        assertSame(h, store.histograms(rec.runId(), h.step()).orElseThrow());
      }
      assertTrue(store.histograms(rec.runId(), 15).isEmpty(), "a step without histograms");
      assertTrue(store.histograms("nosuchrun", 10).isEmpty());

      store.truncateRun(rec.runId(), 20, 1);
      assertEquals(List.of(10L, 20L), store.histogramSteps(rec.runId()), "a resume drops the histograms after its checkpoint");
      store.deleteRun(rec.runId());
      assertTrue(store.histogramSteps(rec.runId()).isEmpty(), "deleting a run deletes its histograms");
    }
  }

  @Test
  void aTrainingRunsHistogramsReachTheStoreEveryNSteps() throws Exception {
    Project spiral = org.layerlab.model.project.ProjectFiles.read(Path.of("..", "sample-projects", "spiral"));
    spiral = spiral.withTraining(spiral.training().withEpochs(2).withReporting(new TrainingSettings.Reporting(7, 0)));
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      RunRecorder rec = RunRecorder.begin(store, spiral, "spiral");
      RunEnded end =
          new org.layerlab.runtime.train.TrainingRun(
                  new org.layerlab.runtime.train.TrainingRequest(spiral, Path.of("..", "sample-projects", "spiral"), "spiral", rec.runId()), rec)
              .call();
      assertEquals(RunStatus.FINISHED, end.status(), end.message());
      long steps = store.metrics(rec.runId(), "step/loss").size();
      List<Long> expected = new ArrayList<>();
      for (long s = 7; s <= steps; s += 7) {
        expected.add(s);
      }
      assertEquals(expected, store.histogramSteps(rec.runId()));
      ParameterHistograms first = store.histograms(rec.runId(), 7).orElseThrow();
      // Three dense layers with a weight and a bias each: six weight and six gradient histograms.
      assertEquals(12, first.histograms().size());
      assertTrue(first.histograms().stream().allMatch(h -> h.count() > 0 && h.binCounts().length == Histograms.BINS));
    }
  }

  /**
   * A schema-3 file is a current file without the histograms table and the ending's text column: made so, it opens, migrates and
   * takes histograms.
   */
  @Test
  void aVersionThreeFileOpensAndGainsTheHistogramsTable() throws Exception {
    Path db = dir.resolve("v3.db");
    String id;
    try (RunStore store = RunStore.open(db)) {
      id = store.createRun("old", "H", "{}", 1);
      store.appendMetrics(id, List.of(new MetricPoint("step/loss", 1, 1, 0.5)));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE histograms");
      s.execute("ALTER TABLE runs DROP COLUMN message_json");
      s.execute("UPDATE schema_info SET version = 3");
    }
    try (RunStore store = RunStore.open(db)) {
      assertEquals(1, store.metrics(id, "step/loss").size(), "the old run and its points are kept");
      assertTrue(store.histogramSteps(id).isEmpty());
      store.appendHistograms(id, List.of(step(5, 1, 9)));
      assertSame(step(5, 1, 9), store.histograms(id, 5).orElseThrow());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM schema_info")) {
      rs.next();
      assertEquals(RunStore.SCHEMA_VERSION, rs.getInt(1));
    }
  }
}
