package org.layerlab.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Creates the run store's tables and moves older files forward, one version at a time, in one transaction: a file is either at the
 * old version or at the new one, never in between.
 *
 * <p>Versions: 1 {@code runs}, {@code tags} (series names) and {@code metrics}; 2 adds {@code runs.origin} and {@code runs.read_only}
 * for imported runs; 3 adds what run tracking needs: a run's group, notes, archived flag, configuration hash, seed, batches per epoch
 * and provenance, the user's tags in {@code run_labels}, final and best values in {@code run_metrics}, and {@code artifacts}; 4 adds
 * {@code histograms}, the weight and gradient histograms a run reports every few steps ({@link HistogramRows}); 5 adds
 * {@code runs.message_json}, how the run ended as a text that can be said in any language ({@link
 * org.layerlab.runtime.text.LocalTextJson}) beside the English {@code runs.message}. Older runs keep it NULL and show their English.
 */
final class StoreSchema {

  private StoreSchema() {}

  /** Brings the file to {@code target}; commits on success and rolls back on failure. */
  static void migrate(Connection c, int target) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)");
      int version = 0;
      try (ResultSet rs = s.executeQuery("SELECT version FROM schema_info")) {
        if (rs.next()) {
          version = rs.getInt(1);
        }
      }
      if (version > target) {
        c.rollback();
        throw new StoreProblem(
            RuntimeMessages.text("store.newerSchema", String.valueOf(version), String.valueOf(target)));
      }
      if (version < 1) {
        createVersionOne(s);
      }
      if (version < 2) {
        // NULL origin: recorded by Layerlab. Existing runs keep their data and stay writable.
        s.execute("ALTER TABLE runs ADD COLUMN origin TEXT");
        s.execute("ALTER TABLE runs ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0");
      }
      if (version < 3) {
        addTracking(c, s);
      }
      if (version < 4) {
        HistogramRows.createTable(s);
      }
      if (version < 5) {
        s.execute("ALTER TABLE runs ADD COLUMN message_json TEXT");
      }
      if (version < target) {
        s.execute("DELETE FROM schema_info");
        s.execute("INSERT INTO schema_info(version) VALUES (" + target + ")");
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    }
  }

  private static void createVersionOne(Statement s) throws SQLException {
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
  }

  private static void addTracking(Connection c, Statement s) throws SQLException {
    s.execute("ALTER TABLE runs ADD COLUMN group_id TEXT");
    s.execute("ALTER TABLE runs ADD COLUMN notes TEXT NOT NULL DEFAULT ''");
    s.execute("ALTER TABLE runs ADD COLUMN archived INTEGER NOT NULL DEFAULT 0");
    s.execute("ALTER TABLE runs ADD COLUMN config_hash TEXT");
    s.execute("ALTER TABLE runs ADD COLUMN seed INTEGER");
    s.execute("ALTER TABLE runs ADD COLUMN batches_per_epoch INTEGER");
    s.execute("ALTER TABLE runs ADD COLUMN provenance_json TEXT");
    s.execute("CREATE INDEX runs_group ON runs(group_id)");
    s.execute("CREATE INDEX runs_project ON runs(project_name)");
    // A run's tags as the user gives them. Named labels here so that they are never confused with the series names in `tags`.
    s.execute(
        "CREATE TABLE run_labels ("
            + " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
            + " label TEXT NOT NULL,"
            + " PRIMARY KEY (run_id, label)) WITHOUT ROWID");
    s.execute("CREATE INDEX run_labels_label ON run_labels(label)");
    // One row per run and series: listing and sorting a thousand runs by a final or best value never scans the metrics.
    s.execute(
        "CREATE TABLE run_metrics ("
            + " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
            + " tag_id INTEGER NOT NULL REFERENCES tags(id),"
            + " points INTEGER NOT NULL,"
            + " last_step INTEGER NOT NULL,"
            + " last_value REAL,"
            + " min_value REAL,"
            + " max_value REAL,"
            + " PRIMARY KEY (run_id, tag_id)) WITHOUT ROWID");
    s.execute(
        "CREATE TABLE artifacts ("
            + " id INTEGER PRIMARY KEY,"
            + " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
            + " kind TEXT NOT NULL,"
            + " path TEXT NOT NULL,"
            + " size_bytes INTEGER,"
            + " created_at INTEGER NOT NULL,"
            + " description TEXT NOT NULL DEFAULT '')");
    s.execute("CREATE INDEX artifacts_run ON artifacts(run_id)");

    // Existing runs get their summaries, configuration hash and seed, as if they had been recorded by this version.
    s.execute(MetricSummaries.RECOMPUTE_ALL);
    List<String[]> configs = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("SELECT id, config_json FROM runs")) {
      while (rs.next()) {
        configs.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET config_hash = ?, seed = ? WHERE id = ?")) {
      for (String[] run : configs) {
        ps.setString(1, ConfigHash.of(run[1]));
        Long seed = ConfigHash.seedOf(run[1]);
        if (seed == null) {
          ps.setNull(2, java.sql.Types.INTEGER);
        } else {
          ps.setLong(2, seed);
        }
        ps.setString(3, run[0]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
