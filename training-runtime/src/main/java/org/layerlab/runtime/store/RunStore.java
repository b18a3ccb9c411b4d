package org.layerlab.runtime.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;

/**
 * Runs and their scalar metrics in one SQLite file.
 *
 * <p>The database runs in WAL mode with {@code synchronous=NORMAL}: the app can read while a training process writes, and a small
 * commit costs well under a millisecond. Every write is one transaction, so a killed process leaves whole batches only. Runs whose
 * process died while they were {@link RunStatus#RUNNING} are marked {@link RunStatus#INTERRUPTED} when the store is next opened,
 * and keep the metrics they had written.
 *
 * <p>Runs imported from other tools (see {@code org.layerlab.runtime.exchange}) are read-only: they carry an {@link #origin} and
 * refuse new metrics and a new end.
 *
 * <p>All methods are thread-safe: they share one connection under this object's lock.
 */
public final class RunStore implements AutoCloseable {

  /**
   * The schema this code writes; {@link #open} migrates older files forward. Version 2 added {@code runs.origin} and
   * {@code runs.read_only} for imported runs.
   */
  public static final int SCHEMA_VERSION = 2;

  private final Path file;
  private final Connection connection;
  private final Map<String, Long> tagIds = new HashMap<>();

  private RunStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens the store at {@code dbFile}, creating the file and its folder when missing. */
  public static RunStore open(Path dbFile) {
    try {
      Path parent = dbFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new RunStoreException("Cannot create the folder for the run store " + dbFile + ": " + e.getMessage(), e);
    }
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
      RunStore store = new RunStore(dbFile, c);
      store.init();
      store.markInterruptedRuns();
      return store;
    } catch (SQLException e) {
      throw new RunStoreException(
          "Cannot open the run store " + dbFile + " (" + e.getMessage() + "). If the file is damaged, move it aside; Layerlab starts a new one.",
          e);
    }
  }

  public Path file() {
    return file;
  }

  private void init() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA foreign_keys=ON");
      s.execute("PRAGMA busy_timeout=5000");
    }
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)");
      int version = 0;
      try (ResultSet rs = s.executeQuery("SELECT version FROM schema_info")) {
        if (rs.next()) {
          version = rs.getInt(1);
        }
      }
      if (version > SCHEMA_VERSION) {
        connection.rollback();
        throw new SQLException(
            "the file was written by a newer Layerlab (schema " + version + ", this one knows " + SCHEMA_VERSION + "): update Layerlab");
      }
      if (version < 1) {
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
      if (version < 2) {
        // NULL origin: recorded by Layerlab. Existing runs keep their data and stay writable.
        s.execute("ALTER TABLE runs ADD COLUMN origin TEXT");
        s.execute("ALTER TABLE runs ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0");
      }
      if (version < SCHEMA_VERSION) {
        s.execute("DELETE FROM schema_info");
        s.execute("INSERT INTO schema_info(version) VALUES (" + SCHEMA_VERSION + ")");
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  /**
   * Records a new run as {@link RunStatus#RUNNING}, owned by this process.
   *
   * @return the new run's id
   */
  public synchronized String createRun(String name, String projectName, String configJson, long startedAtMillis) {
    String id = newRunId();
    return write(
        "record the new run '" + name + "'",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO runs(id, name, project_name, status, started_at, config_json, pid) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, name);
            ps.setString(3, projectName);
            ps.setString(4, RunStatus.RUNNING.name());
            ps.setLong(5, startedAtMillis);
            ps.setString(6, configJson);
            ps.setLong(7, ProcessHandle.current().pid());
            ps.executeUpdate();
          }
          return id;
        });
  }

  /**
   * Appends metric points to a run in one transaction. A point for a (tag, step) already stored replaces it.
   *
   * @throws RunStoreException also when the run is {@linkplain #isReadOnly read-only}
   */
  public synchronized void appendMetrics(String runId, List<MetricPoint> points) {
    if (points.isEmpty()) {
      return;
    }
    write(
        "store " + points.size() + " metric points of run " + runId,
        () -> {
          requireWritable(runId);
          insertMetrics(runId, points);
          return null;
        });
  }

  /**
   * Records a run that was made elsewhere, with all its metrics, in one transaction. The run is read-only from then on.
   *
   * @param run the run's name, project name, final status, start, end, final validation accuracy, message and configuration JSON;
   *     its id is not used, the store gives the run a new one
   * @param origin where the run came from, in a user's words, such as {@code TensorBoard at /data/logs/run1}
   * @return the new run's id
   */
  public synchronized String importRun(RunSummary run, String origin, List<MetricPoint> points) {
    if (!run.status().isFinal()) {
      throw new IllegalArgumentException("an imported run has a final status, not " + run.status());
    }
    if (origin == null || origin.isBlank()) {
      throw new IllegalArgumentException("an imported run needs an origin");
    }
    String id = newRunId();
    return write(
        "import the run '" + run.name() + "' from " + origin,
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO runs(id, name, project_name, status, started_at, ended_at, final_val_accuracy, message, config_json,"
                      + " pid, origin, read_only) VALUES (?,?,?,?,?,?,?,?,?,?,?,1)")) {
            ps.setString(1, id);
            ps.setString(2, run.name());
            ps.setString(3, run.projectName());
            ps.setString(4, run.status().name());
            ps.setLong(5, run.startedAtMillis());
            if (run.endedAtMillis() == null) {
              ps.setNull(6, Types.INTEGER);
            } else {
              ps.setLong(6, run.endedAtMillis());
            }
            setDouble(ps, 7, run.finalValidationAccuracy());
            ps.setString(8, run.message() == null ? "" : run.message());
            ps.setString(9, run.configJson());
            ps.setLong(10, ProcessHandle.current().pid());
            ps.setString(11, origin);
            ps.executeUpdate();
          }
          insertMetrics(id, points);
          return id;
        });
  }

  /** Where an imported run came from, such as {@code TensorBoard at /data/logs/run1}; empty for a run Layerlab recorded, or no run. */
  public synchronized Optional<String> origin(String runId) {
    return read(
        "read the origin of run " + runId,
        () -> {
          try (PreparedStatement ps = connection.prepareStatement("SELECT origin FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /** Whether the run was imported and so takes no more metrics and no new end; {@code false} for no run. */
  public synchronized boolean isReadOnly(String runId) {
    return read(
        "read run " + runId,
        () -> {
          try (PreparedStatement ps = connection.prepareStatement("SELECT read_only FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() && rs.getInt(1) != 0;
            }
          }
        });
  }

  /** Marks a run as ended. */
  public synchronized void endRun(
      String runId, RunStatus status, long endedAtMillis, double finalValidationAccuracy, String message) {
    if (!status.isFinal()) {
      throw new IllegalArgumentException("a run ends with a final status, not " + status);
    }
    write(
        "record the end of run " + runId,
        () -> {
          requireWritable(runId);
          try (PreparedStatement ps =
              connection.prepareStatement("UPDATE runs SET status=?, ended_at=?, final_val_accuracy=?, message=? WHERE id=?")) {
            ps.setString(1, status.name());
            ps.setLong(2, endedAtMillis);
            setDouble(ps, 3, finalValidationAccuracy);
            ps.setString(4, message == null ? "" : message);
            ps.setString(5, runId);
            if (ps.executeUpdate() != 1) {
              throw new SQLException("no run with id " + runId);
            }
          }
          return null;
        });
  }

  /** Every run, newest first. */
  public synchronized List<RunSummary> listRuns() {
    return read("list the runs", () -> queryRuns("SELECT * FROM runs ORDER BY started_at DESC, id", null));
  }

  public synchronized Optional<RunSummary> findRun(String runId) {
    return read("read run " + runId, () -> queryRuns("SELECT * FROM runs WHERE id = ?", runId).stream().findFirst());
  }

  /** One series of a run, ordered by step. */
  public synchronized List<MetricPoint> metrics(String runId, String tag) {
    return read(
        "read metric " + tag + " of run " + runId,
        () -> {
          List<MetricPoint> out = new ArrayList<>();
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT m.step, m.wall_time, m.val FROM metrics m JOIN tags t ON t.id = m.tag_id"
                      + " WHERE m.run_id = ? AND t.name = ? ORDER BY m.step")) {
            ps.setString(1, runId);
            ps.setString(2, tag);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new MetricPoint(tag, rs.getLong(1), rs.getLong(2), getDouble(rs, 3)));
              }
            }
          }
          return out;
        });
  }

  /** The names of the series a run has, sorted. */
  public synchronized List<String> metricTags(String runId) {
    return read(
        "list the metrics of run " + runId,
        () -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT DISTINCT t.name FROM metrics m JOIN tags t ON t.id = m.tag_id WHERE m.run_id = ? ORDER BY t.name")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
          }
          return out;
        });
  }

  /**
   * Marks as {@link RunStatus#INTERRUPTED} every run still RUNNING whose process is gone. Runs of live processes, this one included,
   * are left alone.
   *
   * @return how many runs were marked
   */
  public synchronized int markInterruptedRuns() {
    return write(
        "mark interrupted runs",
        () -> {
          List<String[]> dead = new ArrayList<>();
          try (PreparedStatement ps = connection.prepareStatement("SELECT id, pid FROM runs WHERE status = ?")) {
            ps.setString(1, RunStatus.RUNNING.name());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long pid = rs.getLong(2);
                if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                  dead.add(new String[] {rs.getString(1), String.valueOf(pid)});
                }
              }
            }
          }
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE runs SET status = ?, message = ?,"
                      + " ended_at = COALESCE((SELECT MAX(wall_time) FROM metrics WHERE run_id = runs.id), started_at),"
                      // the accuracy of the last epoch it completed, so the table shows how far it got
                      + " final_val_accuracy = (SELECT m.val FROM metrics m JOIN tags t ON t.id = m.tag_id"
                      + "   WHERE m.run_id = runs.id AND t.name = '"
                      + MetricTags.VALIDATION_ACCURACY
                      + "' ORDER BY m.step DESC LIMIT 1)"
                      + " WHERE id = ?")) {
            for (String[] run : dead) {
              ps.setString(1, RunStatus.INTERRUPTED.name());
              ps.setString(2, "the process that ran it (pid " + run[1] + ") ended before the run did; its metrics up to then are kept");
              ps.setString(3, run[0]);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return dead.size();
        });
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new RunStoreException("Cannot close the run store " + file + ": " + e.getMessage(), e);
    }
  }

  private static String newRunId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private void insertMetrics(String runId, List<MetricPoint> points) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("INSERT OR REPLACE INTO metrics(run_id, tag_id, step, wall_time, val) VALUES (?,?,?,?,?)")) {
      for (MetricPoint p : points) {
        ps.setString(1, runId);
        ps.setLong(2, tagId(p.tag()));
        ps.setLong(3, p.step());
        ps.setLong(4, p.wallTimeMillis());
        setDouble(ps, 5, p.value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Refuses changes to an imported run. A missing run passes: the statement that follows reports it, as before. */
  private void requireWritable(String runId) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT read_only, origin FROM runs WHERE id = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getInt(1) != 0) {
          throw new SQLException("run " + runId + " is read-only: it was imported from " + rs.getString(2));
        }
      }
    }
  }

  private long tagId(String tag) throws SQLException {
    Long id = tagIds.get(tag);
    if (id != null) {
      return id;
    }
    try (PreparedStatement ps = connection.prepareStatement("INSERT OR IGNORE INTO tags(name) VALUES (?)")) {
      ps.setString(1, tag);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM tags WHERE name = ?")) {
      ps.setString(1, tag);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    // Only cached once the surrounding transaction commits; see write(): a rollback clears the cache.
    tagIds.put(tag, id);
    return id;
  }

  private List<RunSummary> queryRuns(String sql, String arg) throws SQLException {
    List<RunSummary> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      if (arg != null) {
        ps.setString(1, arg);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long ended = rs.getLong("ended_at");
          Long endedAt = rs.wasNull() ? null : ended;
          out.add(
              new RunSummary(
                  rs.getString("id"),
                  rs.getString("name"),
                  rs.getString("project_name"),
                  RunStatus.valueOf(rs.getString("status")),
                  rs.getLong("started_at"),
                  endedAt,
                  getDouble(rs, "final_val_accuracy"),
                  rs.getString("message"),
                  rs.getString("config_json")));
        }
      }
    }
    return out;
  }

  private static void setDouble(PreparedStatement ps, int index, double v) throws SQLException {
    // SQLite has no NaN: it stores NULL, which reads back as NaN.
    if (Double.isFinite(v)) {
      ps.setDouble(index, v);
    } else {
      ps.setNull(index, Types.REAL);
    }
  }

  private static double getDouble(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  private static double getDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private <T> T write(String what, SqlWork<T> work) {
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      tagIds.clear();
      throw new RunStoreException("Cannot " + what + " in " + file + ": " + e.getMessage(), e);
    }
  }

  private <T> T read(String what, SqlWork<T> work) {
    try {
      T result = work.run();
      connection.commit(); // ends the read transaction so that WAL checkpoints are not held back
      return result;
    } catch (SQLException e) {
      throw new RunStoreException("Cannot " + what + " in " + file + ": " + e.getMessage(), e);
    }
  }
}
