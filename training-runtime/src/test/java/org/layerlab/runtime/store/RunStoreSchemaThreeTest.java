package org.layerlab.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.RunStatus;

/**
 * Opens a run store written by schema 2 and checks that it moves to schema 3 with its runs, points and imported run intact, and
 * with the summaries, hashes and seeds schema 3 adds filled in as if the runs had been recorded by it.
 *
 * <p>The fixture {@code runs-schema2.db} was written by the RunStore of commit fbe8421 (schema 2): a finished run of 30 steps with
 * one NaN loss and three epochs, a stopped run with seed 43, and a run imported from TensorBoard.
 */
class RunStoreSchemaThreeTest {

  private static final String FINISHED = "9ac0eb088374";
  private static final String STOPPED = "7f90ef0a1df3";
  private static final String IMPORTED = "ddd356b5070c";

  @TempDir Path dir;

  private Path versionTwoFile() throws Exception {
    Path db = dir.resolve("runs.db");
    try (InputStream in = getClass().getResourceAsStream("runs-schema2.db")) {
      Files.copy(in, db);
    }
    assertEquals(2, schemaVersion(db), "the fixture is a schema-2 file");
    return db;
  }

  @Test
  void aVersionTwoFileMovesToThreeKeepingRunsPointsAndTheImportedRun() throws Exception {
    Path db = versionTwoFile();
    try (RunStore store = RunStore.open(db)) {
      assertEquals(List.of(STOPPED, FINISHED, IMPORTED), store.listRuns().stream().map(RunSummary::id).toList());
      RunSummary run = store.findRun(FINISHED).orElseThrow();
      assertEquals(RunStatus.FINISHED, run.status());
      assertEquals(0.75, run.finalValidationAccuracy());
      assertEquals(30, store.metrics(FINISHED, "step/loss").size());
      assertTrue(Double.isNaN(store.metrics(FINISHED, "step/loss").get(6).value()), "the NaN of step 7 stays NaN");
      assertTrue(store.isReadOnly(IMPORTED));
      assertEquals("TensorBoard at /data/logs/tb run", store.origin(IMPORTED).orElseThrow());
    }
    assertEquals(RunStore.SCHEMA_VERSION, schemaVersion(db), "and on to the current version");
  }

  @Test
  void migratedRunsGetSummariesHashesAndSeeds() throws Exception {
    try (RunStore store = RunStore.open(versionTwoFile())) {
      RunEntry run = store.entry(FINISHED).orElseThrow();
      MetricSummary loss = run.metric("step/loss").orElseThrow();
      assertEquals(30, loss.points());
      assertEquals(30, loss.lastStep());
      assertEquals(2.0 / 30, loss.lastValue(), 1e-15);
      assertEquals(2.0 / 30, loss.min(), 1e-15, "the NaN is not the smallest");
      assertEquals(2.0, loss.max());
      assertEquals(0.5, run.metricValue("epoch/validation_loss", MetricSummary.Kind.BEST), "lower is better for a loss");
      assertEquals(0.6, run.metricValue("epoch/validation_loss", MetricSummary.Kind.FINAL));
      assertEquals(0.8, run.metricValue("epoch/validation_accuracy", MetricSummary.Kind.BEST), "higher is better for accuracy");
      assertEquals(0.75, run.metricValue("epoch/validation_accuracy", MetricSummary.Kind.FINAL));

      assertEquals(42L, run.seed());
      assertEquals(43L, store.entry(STOPPED).orElseThrow().seed());
      assertEquals(ConfigHash.of(run.summary().configJson()), run.configHash());
      assertFalse(run.configHash().equals(store.entry(STOPPED).orElseThrow().configHash()), "another seed, another configuration");

      RunEntry imported = store.entry(IMPORTED).orElseThrow();
      assertNull(imported.seed(), "a TensorBoard run names no seed");
      assertTrue(imported.readOnly());
      assertEquals(0.5, imported.metricValue("epoch/validation_accuracy", MetricSummary.Kind.FINAL));

      assertEquals(List.of(), run.labels());
      assertEquals("", run.notes());
      assertFalse(run.archived());
      assertNull(run.groupId());
      assertNull(run.batchesPerEpoch(), "schema 2 did not know it");
      assertEquals(List.of("epoch/validation_accuracy", "epoch/validation_loss", "step/accuracy", "step/loss"), store.metricTags(FINISHED));
    }
  }

  @Test
  void theNewFeaturesWorkOnAMigratedFile() throws Exception {
    Path db = versionTwoFile();
    try (RunStore store = RunStore.open(db)) {
      store.addLabels(FINISHED, List.of("baseline"));
      store.addLabels(IMPORTED, List.of("baseline"));
      store.setNotes(STOPPED, "stopped early on purpose");
      store.appendMetrics(STOPPED, List.of(new MetricPoint("step/loss", 2, 1_700_000_100_300L, 1.25)));
      List<String> byAccuracy =
          store
              .findRuns(RunFilter.ALL.sortedBy(RunSort.bestFirst("epoch/validation_accuracy", MetricSummary.Kind.BEST)))
              .stream()
              .map(RunEntry::id)
              .toList();
      assertEquals(List.of(FINISHED, IMPORTED, STOPPED), byAccuracy, "0.8, 0.5, then the run without the series");
      assertEquals(2, store.findRuns(RunFilter.ALL.withLabels(List.of("baseline"))).size());
      assertEquals(List.of(STOPPED), store.findRuns(RunFilter.ALL.withText("ON PURPOSE")).stream().map(RunEntry::id).toList());
      assertEquals(1.25, store.entry(STOPPED).orElseThrow().metricValue("step/loss", MetricSummary.Kind.FINAL));
    }
    try (RunStore again = RunStore.open(db)) {
      assertEquals(List.of("baseline"), again.labels(FINISHED), "a second open finds version 3 and migrates nothing");
    }
  }

  @Test
  void aNewFileHasEveryTableOfTheCurrentVersion() throws Exception {
    Path db = dir.resolve("new.db");
    RunStore.open(db).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      StringBuilder tables = new StringBuilder();
      while (rs.next()) {
        tables.append(rs.getString(1)).append(' ');
      }
      assertEquals("artifacts histograms metrics run_labels run_metrics runs schema_info tags ", tables.toString());
    }
  }

  private static int schemaVersion(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM schema_info")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
