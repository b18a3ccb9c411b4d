package org.layerlab.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunStoreException;
import org.layerlab.runtime.store.RunSummary;

/**
 * The run store's move from schema 1 to 2 (origin and read-only columns for imported runs), and on to the current version. It lives
 * with the exchange tests because the exchange package is what needed the new columns; the move to 3 is tested in the store's tests.
 */
class RunStoreSchemaMigrationTest {

  @TempDir Path dir;

  /** A file as RunStore's schema-1 initialisation left it, with one finished run, two tags and a NaN (NULL) value. */
  private Path versionOneFile() throws SQLException {
    Path db = dir.resolve("runs.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA foreign_keys=ON");
      s.execute("PRAGMA busy_timeout=5000");
      c.setAutoCommit(false);
      s.execute("CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)");
      s.execute(
          "CREATE TABLE runs ("
              + " id TEXT PRIMARY KEY,"
              + " name TEXT NOT NULL,"
              + " project_name TEXT NOT NULL,"
              + " status TEXT NOT NULL,"
              + " started_at INTEGER NOT NULL,"
              + " ended_at INTEGER,"
              + " final_val_accuracy REAL,"
              + " message TEXT NOT NULL DEFAULT '',"
              + " config_json TEXT NOT NULL,"
              + " pid INTEGER NOT NULL)");
      s.execute("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
      s.execute(
          "CREATE TABLE metrics ("
              + " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
              + " tag_id INTEGER NOT NULL REFERENCES tags(id),"
              + " step INTEGER NOT NULL,"
              + " wall_time INTEGER NOT NULL,"
              + " val REAL,"
              + " PRIMARY KEY (run_id, tag_id, step)) WITHOUT ROWID");
      s.execute("CREATE INDEX runs_started ON runs(started_at)");
      s.execute("DELETE FROM schema_info");
      s.execute("INSERT INTO schema_info(version) VALUES (1)");
      c.commit();
      s.execute(
          "INSERT INTO runs(id, name, project_name, status, started_at, ended_at, final_val_accuracy, message, config_json, pid)"
              + " VALUES ('abc123def456', 'old run', 'Spiral', 'FINISHED', 1000, 9000, 0.75, 'done', '{\"a\":1}', 4242)");
      s.execute("INSERT INTO tags(id, name) VALUES (1, 'step/loss'), (2, 'epoch/validation_accuracy')");
      s.execute(
          "INSERT INTO metrics(run_id, tag_id, step, wall_time, val) VALUES"
              + " ('abc123def456', 1, 1, 1100, 0.9), ('abc123def456', 1, 2, 1200, NULL), ('abc123def456', 2, 1, 5000, 0.75)");
      c.commit();
    }
    return db;
  }

  @Test
  void aVersionOneFileIsMigratedToTheCurrentVersionKeepingItsRunsAndMetrics() throws Exception {
    Path db = versionOneFile();

    try (RunStore store = RunStore.open(db)) {
      RunSummary run = store.findRun("abc123def456").orElseThrow();
      assertEquals(new RunSummary("abc123def456", "old run", "Spiral", RunStatus.FINISHED, 1000, 9000L, 0.75, "done", "{\"a\":1}"), run);
      List<MetricPoint> loss = store.metrics("abc123def456", "step/loss");
      assertEquals(List.of(new MetricPoint("step/loss", 1, 1100, 0.9), new MetricPoint("step/loss", 2, 1200, Double.NaN)), loss);
      assertEquals(List.of("epoch/validation_accuracy", "step/loss"), store.metricTags("abc123def456"));
      assertEquals(Optional.empty(), store.origin("abc123def456"));
      assertFalse(store.isReadOnly("abc123def456"));

      // The old run stays writable, and the new features work on the migrated file.
      store.appendMetrics("abc123def456", List.of(new MetricPoint("step/loss", 3, 1300, 0.5)));
      assertEquals(3, store.metrics("abc123def456", "step/loss").size());
      String imported =
          store.importRun(
              new RunSummary(null, "tb", "logs", RunStatus.FINISHED, 0, 10L, Double.NaN, "", "{}"),
              "TensorBoard at /x",
              List.of(new MetricPoint("step/loss", 1, 5, 0.25)));
      assertTrue(store.isReadOnly(imported));
    }
    assertEquals(RunStore.SCHEMA_VERSION, schemaVersion(db));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_info")) {
      rs.next();
      assertEquals(1, rs.getInt(1), "one version row");
    }
    try (RunStore again = RunStore.open(db)) {
      assertEquals(2, again.listRuns().size(), "a second open finds the current version and migrates nothing");
    }
  }

  @Test
  void aNewFileStartsAtTheCurrentVersion() throws Exception {
    Path db = dir.resolve("new.db");
    RunStore.open(db).close();
    assertEquals(5, RunStore.SCHEMA_VERSION);
    assertEquals(5, schemaVersion(db));
  }

  @Test
  void aFileOfANewerSchemaIsRefused() throws Exception {
    Path db = versionOneFile();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("UPDATE schema_info SET version = " + (RunStore.SCHEMA_VERSION + 1));
    }
    RunStoreException e = assertThrows(RunStoreException.class, () -> RunStore.open(db));
    assertTrue(e.getMessage().contains("newer"), e.getMessage());
  }

  @Test
  void aFailedImportLeavesNoRunBehind() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      RunSummary run = new RunSummary(null, "tb", "logs", RunStatus.FINISHED, 0, 10L, Double.NaN, "", "{}");
      // The second point has no tag: the NOT NULL constraint on tags.name fails after the run row is inserted.
      List<MetricPoint> points = List.of(new MetricPoint("loss", 1, 5, 0.25), new MetricPoint(null, 2, 6, 0.5));
      assertThrows(RunStoreException.class, () -> store.importRun(run, "TensorBoard at /x", points));
      assertEquals(List.of(), store.listRuns());
      assertThrows(
          IllegalArgumentException.class,
          () -> store.importRun(new RunSummary(null, "tb", "logs", RunStatus.RUNNING, 0, null, Double.NaN, "", "{}"), "x", List.of()));
    }
  }

  private static int schemaVersion(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM schema_info")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
