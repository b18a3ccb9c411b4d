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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.ParameterHistograms;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.text.LocalTextJson;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Runs and their scalar metrics in one SQLite file.
 *
 * <p>The database runs in WAL mode with {@code synchronous=NORMAL}: the app can read while a training process writes, and a small
 * commit costs well under a millisecond. Every write is one transaction, so a killed process leaves whole batches only. Runs whose
 * process died while they were {@link RunStatus#RUNNING} are marked {@link RunStatus#INTERRUPTED} when the store is next opened,
 * and keep the metrics they had written.
 *
 * <p>Besides its points, each run keeps a summary per series (its final, smallest and largest value, see {@link MetricSummary}),
 * updated with every append: {@link #findRuns} lists, filters and sorts a thousand runs without reading their points.
 *
 * <p>Runs imported from other tools (see {@code org.layerlab.runtime.exchange}) are read-only: they carry an {@link #origin} and
 * refuse new metrics, a new end and artifacts. Their name, tags, notes and archived flag can still change, and they can be deleted.
 *
 * <p>All methods are thread-safe: they share one connection under this object's lock.
 */
public final class RunStore implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(RunStore.class.getName());

  /**
   * The schema this code writes; {@link #open} migrates older files forward (see {@link StoreSchema}). Version 2 added
   * {@code runs.origin} and {@code runs.read_only} for imported runs; version 3 added groups, tags, notes, archiving, configuration
   * hashes, provenance, per-series summaries and artifacts; version 4 added the weight and gradient histograms; version 5 added
   * the ending of a run in any language ({@link RunSummary#ending()}).
   */
  public static final int SCHEMA_VERSION = 5;

  private static final String RUN_COLUMNS =
      "r.id, r.name, r.project_name, r.status, r.started_at, r.ended_at, r.final_val_accuracy, r.message, r.config_json, r.group_id,"
          + " r.notes, r.archived, r.config_hash, r.seed, r.batches_per_epoch, r.origin,"
          + " r.message_json";

  private final Path file;
  private final Connection connection;
  private final Map<String, Long> tagIds = new HashMap<>();
  private final SeriesReader bulkReader;
  private PreparedStatement insertMetric;

  private RunStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
    this.bulkReader = new SeriesReader(file);
  }

  /** Opens the store at {@code dbFile}, creating the file and its folder when missing. */
  public static RunStore open(Path dbFile) {
    try {
      Path parent = dbFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new RunStoreException(RuntimeMessages.text("store.cannotCreateFolder", String.valueOf(dbFile), String.valueOf(e.getMessage())), e);
    }
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
      RunStore store = new RunStore(dbFile, c);
      store.init();
      store.markInterruptedRuns();
      return store;
    } catch (SQLException e) {
      throw new RunStoreException(RuntimeMessages.text("store.cannotOpen", String.valueOf(dbFile), detail(e)), e);
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
      // 32 MB of page cache (the default is 2 MB): a comparison reads a few hundred thousand rows, and reads them again when redrawn.
      s.execute("PRAGMA cache_size=-32768");
    }
    connection.setAutoCommit(false);
    StoreSchema.migrate(connection, SCHEMA_VERSION);
  }

  // ---------------------------------------------------------------------------------------------------------------------------
  // Recording

  /**
   * Records a new run as {@link RunStatus#RUNNING}, owned by this process.
   *
   * @return the new run's id
   */
  public synchronized String createRun(String name, String projectName, String configJson, long startedAtMillis) {
    return createRun(name, projectName, configJson, startedAtMillis, RunOptions.NONE);
  }

  /**
   * Records a new run as {@link RunStatus#RUNNING}, owned by this process, in a group and with tags and notes. Its configuration hash
   * and seed are taken from {@code configJson}.
   *
   * @return the new run's id
   */
  public synchronized String createRun(String name, String projectName, String configJson, long startedAtMillis, RunOptions options) {
    String id = newRunId();
    return write(
        RuntimeMessages.text("store.do.newRun", name),
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO runs(id, name, project_name, status, started_at, config_json, pid, group_id, notes, config_hash, seed)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, name);
            ps.setString(3, projectName);
            ps.setString(4, RunStatus.RUNNING.name());
            ps.setLong(5, startedAtMillis);
            ps.setString(6, configJson);
            ps.setLong(7, ProcessHandle.current().pid());
            ps.setString(8, options.groupId());
            ps.setString(9, options.notes());
            ps.setString(10, ConfigHash.of(configJson));
            setLong(ps, 11, ConfigHash.seedOf(configJson));
            ps.executeUpdate();
          }
          insertLabels(id, options.labels());
          return id;
        });
  }

  /**
   * Records what is known once a run has started: its batches per epoch (to put step series on an epoch axis) and its provenance,
   * a JSON document of the facts of the run (see {@code org.layerlab.runtime.tracking.Provenance}). A {@code null} leaves that
   * value as it was.
   */
  public synchronized void recordStart(String runId, Integer batchesPerEpoch, String provenanceJson) {
    write(
        RuntimeMessages.text("store.do.start", runId),
        () -> {
          requireWritable(runId);
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE runs SET batches_per_epoch = COALESCE(?, batches_per_epoch), provenance_json = COALESCE(?, provenance_json)"
                      + " WHERE id = ?")) {
            if (batchesPerEpoch == null) {
              ps.setNull(1, Types.INTEGER);
            } else {
              ps.setInt(1, batchesPerEpoch);
            }
            ps.setString(2, provenanceJson);
            ps.setString(3, runId);
            requireOne(ps.executeUpdate(), runId);
          }
          return null;
        });
  }

  /**
   * Appends metric points to a run in one transaction, and folds them into the run's series summaries. A point for a (tag, step)
   * already stored replaces it.
   *
   * @throws RunStoreException also when the run is {@linkplain #isReadOnly read-only}
   */
  public synchronized void appendMetrics(String runId, List<MetricPoint> points) {
    if (points.isEmpty()) {
      return;
    }
    withoutForeignKeyChecks(
        () ->
            write(
                RuntimeMessages.text("store.do.appendMetrics", String.valueOf(points.size()), runId),
                () -> {
                  requireWritable(runId);
                  // Stands in for the foreign key checks, which would look the run and the tag up again for every point: the tags
                  // come from this store's own table, and the write lock held from here to the commit keeps the run from going.
                  requireRun(runId);
                  insertMetrics(runId, points);
                  MetricSummaries.merge(connection, runId, points, this::cachedTagId);
                  return null;
                }));
  }

  /**
   * Runs {@code work} with SQLite's foreign key checks off, and always turns them back on. The checks cost about a microsecond per
   * point appended, a third of the append, while training may append a thousand points a second; {@link #deleteRun} relies on
   * them (ON DELETE CASCADE), so they are off only for appends that check the run themselves. The setting cannot change inside a
   * transaction, hence the switches of auto-commit around it.
   */
  private void withoutForeignKeyChecks(Runnable work) {
    try {
      setForeignKeys(false);
    } catch (SQLException e) {
      throw new RunStoreException(RuntimeMessages.text("store.cannotPrepareAppend", String.valueOf(file), detail(e)), e);
    }
    try {
      work.run();
    } finally {
      try {
        setForeignKeys(true);
      } catch (SQLException e) {
        // Without the checks a later delete would leave points behind: better to stop using this connection.
        try {
          connection.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw new RunStoreException(RuntimeMessages.text("store.cannotRestoreForeignKeys", String.valueOf(file), detail(e)), e);
      }
    }
  }

  private void setForeignKeys(boolean on) throws SQLException {
    connection.setAutoCommit(true);
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA foreign_keys=" + (on ? "ON" : "OFF"));
    } finally {
      connection.setAutoCommit(false);
    }
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
    String endingJson = textJson(run.name(), run.ending());
    return write(
        RuntimeMessages.text("store.do.import", run.name(), origin),
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO runs(id, name, project_name, status, started_at, ended_at, final_val_accuracy, message, config_json,"
                      + " pid, origin, read_only, config_hash, seed, message_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, run.name());
            ps.setString(3, run.projectName());
            ps.setString(4, run.status().name());
            ps.setLong(5, run.startedAtMillis());
            setLong(ps, 6, run.endedAtMillis());
            setDouble(ps, 7, run.finalValidationAccuracy());
            ps.setString(8, run.message() == null ? "" : run.message());
            ps.setString(9, run.configJson());
            ps.setLong(10, ProcessHandle.current().pid());
            ps.setString(11, origin);
            ps.setString(12, ConfigHash.of(run.configJson()));
            setLong(ps, 13, ConfigHash.seedOf(run.configJson()));
            ps.setString(14, endingJson);
            ps.executeUpdate();
          }
          insertMetrics(id, points);
          MetricSummaries.recompute(connection, id);
          return id;
        });
  }

  /** Marks a run as ended with an English message only, and recomputes its series summaries from its points. */
  public synchronized void endRun(
      String runId, RunStatus status, long endedAtMillis, double finalValidationAccuracy, String message) {
    endRun(runId, status, endedAtMillis, finalValidationAccuracy, message, null);
  }

  /**
   * Marks a run as ended, and recomputes its series summaries from its points.
   *
   * @param message what ended the run in English, which the command line and the exports show
   * @param text the same in any language, for a window ({@link RunSummary#ending()}); {@code null} when only the English is known
   */
  public synchronized void endRun(
      String runId, RunStatus status, long endedAtMillis, double finalValidationAccuracy, String message, Localized text) {
    if (!status.isFinal()) {
      throw new IllegalArgumentException("a run ends with a final status, not " + status);
    }
    String textJson = textJson(runId, text);
    write(
        RuntimeMessages.text("store.do.end", runId),
        () -> {
          requireWritable(runId);
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE runs SET status=?, ended_at=?, final_val_accuracy=?, message=?, message_json=? WHERE id=?")) {
            ps.setString(1, status.name());
            ps.setLong(2, endedAtMillis);
            setDouble(ps, 3, finalValidationAccuracy);
            ps.setString(4, message == null ? "" : message);
            ps.setString(5, textJson);
            ps.setString(6, runId);
            requireOne(ps.executeUpdate(), runId);
          }
          MetricSummaries.recompute(connection, runId);
          return null;
        });
  }

  /**
   * {@code text} as stored JSON, or {@code null} when there is none or it cannot be kept: the English message is then all the run
   * keeps, which is what it kept before schema 5, and not worth failing the run's end for.
   */
  private static String textJson(String runId, Localized text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalTextJson.write(text);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "The ending of run " + runId + " is kept in English only: " + e, e);
      return null;
    }
  }

  /**
   * Makes an ended run RUNNING again, owned by this process, for a resume from its last checkpoint: its end time and message are
   * cleared, its points kept until {@link #truncateRun} drops those after the checkpoint.
   *
   * @throws RunStoreException when there is no such run, it is read-only, or a live process still records it
   */
  public synchronized void reopenRun(String runId) {
    write(
        RuntimeMessages.text("store.do.reopen", runId),
        () -> {
          requireWritable(runId);
          try (PreparedStatement ps = connection.prepareStatement("SELECT status, pid FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new StoreProblem(RuntimeMessages.text("store.noRunToResume", runId));
              }
              if (RunStatus.RUNNING.name().equals(rs.getString(1)) && isAlive(rs.getLong(2))) {
                throw new StoreProblem(RuntimeMessages.text("store.stillRunning.resume", runId, String.valueOf(rs.getLong(2))));
              }
            }
          }
          try (PreparedStatement ps =
              connection.prepareStatement("UPDATE runs SET status = ?, ended_at = NULL, message = '', message_json = NULL, pid = ? WHERE id = ?")) {
            ps.setString(1, RunStatus.RUNNING.name());
            ps.setLong(2, ProcessHandle.current().pid());
            ps.setString(3, runId);
            requireOne(ps.executeUpdate(), runId);
          }
          return null;
        });
  }

  /**
   * Forgets what a run recorded after a checkpoint, before it trains on from there: per-step points ({@code step/...}) and
   * histograms after {@code step}, per-epoch points ({@code epoch/...}) after {@code epoch}, the held-out report's points ({@code test/...}), and
   * the records of its checkpoint and evaluation artifacts (the run records them again when it ends; the files are not touched).
   */
  public synchronized void truncateRun(String runId, long step, int epoch) {
    write(
        RuntimeMessages.text("store.do.truncate", runId, String.valueOf(step)),
        () -> {
          requireWritable(runId);
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "DELETE FROM metrics WHERE run_id = ? AND ("
                      + " (step > ? AND tag_id IN (SELECT id FROM tags WHERE name LIKE 'step/%'))"
                      + " OR (step > ? AND tag_id IN (SELECT id FROM tags WHERE name LIKE 'epoch/%'))"
                      + " OR tag_id IN (SELECT id FROM tags WHERE name LIKE 'test/%'))")) {
            ps.setString(1, runId);
            ps.setLong(2, step);
            ps.setLong(3, epoch);
            ps.executeUpdate();
          }
          try (PreparedStatement ps = connection.prepareStatement("DELETE FROM histograms WHERE run_id = ? AND step > ?")) {
            ps.setString(1, runId);
            ps.setLong(2, step);
            ps.executeUpdate();
          }
          try (PreparedStatement ps = connection.prepareStatement("DELETE FROM artifacts WHERE run_id = ? AND kind IN (?, ?)")) {
            ps.setString(1, runId);
            ps.setString(2, Artifact.Kind.CHECKPOINT.name());
            ps.setString(3, Artifact.Kind.EVALUATION.name());
            ps.executeUpdate();
          }
          MetricSummaries.recompute(connection, runId);
          return null;
        });
  }

  /**
   * Stores the weight and gradient histograms of one step of a run; a step stored before is replaced.
   *
   * @throws RunStoreException also when the run is read-only
   */
  public synchronized void appendHistograms(String runId, List<ParameterHistograms> steps) {
    if (steps.isEmpty()) {
      return;
    }
    write(
        RuntimeMessages.text("store.do.appendHistograms", String.valueOf(steps.size()), runId),
        () -> {
          requireWritable(runId);
          requireRun(runId);
          for (ParameterHistograms h : steps) {
            HistogramRows.insert(connection, runId, h);
          }
          return null;
        });
  }

  /** The steps of a run that have histograms, in order; empty for none (also for a run recorded before schema 4). */
  public synchronized List<Long> histogramSteps(String runId) {
    return read(RuntimeMessages.text("store.do.readHistogramSteps", runId), () -> HistogramRows.steps(connection, runId));
  }

  /** The histograms of one step of a run, in the order the run reported them; empty when that step has none. */
  public synchronized Optional<ParameterHistograms> histograms(String runId, long step) {
    return read(RuntimeMessages.text("store.do.readHistograms", String.valueOf(step), runId), () -> HistogramRows.read(connection, runId, step));
  }

  /**
   * Records a file the run produced. The file itself is not touched.
   *
   * @param path absolute, or relative to the workspace folder
   * @param sizeBytes the file's size, -1 when unknown
   * @throws RunStoreException also when the run is read-only
   */
  public synchronized Artifact addArtifact(String runId, Artifact.Kind kind, String path, long sizeBytes, String description) {
    long now = System.currentTimeMillis();
    String text = description == null ? "" : description;
    return write(
        RuntimeMessages.text("store.do.addArtifact", String.valueOf(path), runId),
        () -> {
          requireWritable(runId);
          requireRun(runId);
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO artifacts(run_id, kind, path, size_bytes, created_at, description) VALUES (?,?,?,?,?,?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, runId);
            ps.setString(2, kind.name());
            ps.setString(3, path);
            ps.setLong(4, sizeBytes);
            ps.setLong(5, now);
            ps.setString(6, text);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              return new Artifact(keys.getLong(1), runId, kind, path, sizeBytes, now, text);
            }
          }
        });
  }

  // ---------------------------------------------------------------------------------------------------------------------------
  // Curating: name, tags, notes, group, archive, delete. Allowed on read-only runs too: they change the record, not the results.

  /** Gives a run a new name. */
  public synchronized void rename(String runId, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a run's name cannot be empty");
    }
    updateRun(runId, RuntimeMessages.text("store.do.rename", runId), "UPDATE runs SET name = ? WHERE id = ?", name);
  }

  /** Replaces a run's notes. */
  public synchronized void setNotes(String runId, String notes) {
    updateRun(runId, RuntimeMessages.text("store.do.notes", runId), "UPDATE runs SET notes = ? WHERE id = ?", notes == null ? "" : notes);
  }

  /** Puts a run into a group of repeated runs, or out of any with {@code null}. */
  public synchronized void setGroup(String runId, String groupId) {
    updateRun(runId, RuntimeMessages.text("store.do.group", runId), "UPDATE runs SET group_id = ? WHERE id = ?", groupId);
  }

  /** Archives a run, which {@link RunFilter#ALL} then leaves out, or brings it back. Nothing is deleted. */
  public synchronized void setArchived(String runId, boolean archived) {
    write(
        RuntimeMessages.text("store.do.archive", runId),
        () -> {
          try (PreparedStatement ps = connection.prepareStatement("UPDATE runs SET archived = ? WHERE id = ?")) {
            ps.setInt(1, archived ? 1 : 0);
            ps.setString(2, runId);
            requireOne(ps.executeUpdate(), runId);
          }
          return null;
        });
  }

  /** Adds tags to a run; a tag it has already is kept once. Blank tags are refused. */
  public synchronized void addLabels(String runId, Collection<String> labels) {
    write(
        RuntimeMessages.text("store.do.tag", runId),
        () -> {
          requireRun(runId);
          insertLabels(runId, labels);
          return null;
        });
  }

  /** Removes tags from a run; a tag it does not have is ignored. */
  public synchronized void removeLabels(String runId, Collection<String> labels) {
    write(
        RuntimeMessages.text("store.do.untag", runId),
        () -> {
          requireRun(runId);
          try (PreparedStatement ps = connection.prepareStatement("DELETE FROM run_labels WHERE run_id = ? AND label = ?")) {
            for (String l : labels) {
              ps.setString(1, runId);
              ps.setString(2, l.strip());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /**
   * Deletes a run with its points, summaries, tags and artifact records (not the artifact files: see
   * {@code Workspace.deleteRun}).
   *
   * @return whether there was such a run
   * @throws RunStoreException when the run is still being recorded by a live process: stop it first
   */
  public synchronized boolean deleteRun(String runId) {
    return write(
        RuntimeMessages.text("store.do.delete", runId),
        () -> {
          try (PreparedStatement ps = connection.prepareStatement("SELECT status, pid FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return false;
              }
              if (RunStatus.RUNNING.name().equals(rs.getString(1)) && isAlive(rs.getLong(2))) {
                throw new StoreProblem(RuntimeMessages.text("store.stillRunning.delete", runId, String.valueOf(rs.getLong(2))));
              }
            }
          }
          try (PreparedStatement ps = connection.prepareStatement("DELETE FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            return ps.executeUpdate() == 1;
          }
        });
  }

  // ---------------------------------------------------------------------------------------------------------------------------
  // Reading

  /** Where an imported run came from, such as {@code TensorBoard at /data/logs/run1}; empty for a run Layerlab recorded, or no run. */
  public synchronized Optional<String> origin(String runId) {
    return readColumn(runId, "origin", RuntimeMessages.text("store.do.readOrigin", runId));
  }

  /** The run's provenance JSON, empty for a run that never started, an imported run, or no run. */
  public synchronized Optional<String> provenance(String runId) {
    return readColumn(runId, "provenance_json", RuntimeMessages.text("store.do.readProvenance", runId));
  }

  /** Whether the run was imported and so takes no more metrics and no new end; {@code false} for no run. */
  public synchronized boolean isReadOnly(String runId) {
    return read(
        RuntimeMessages.text("store.do.readRun", runId),
        () -> {
          try (PreparedStatement ps = connection.prepareStatement("SELECT read_only FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() && rs.getInt(1) != 0;
            }
          }
        });
  }

  /** Every run, archived ones included, newest first. */
  public synchronized List<RunSummary> listRuns() {
    return read(RuntimeMessages.text("store.do.listRuns"), () -> queryRuns("SELECT * FROM runs ORDER BY started_at DESC, id", null));
  }

  public synchronized Optional<RunSummary> findRun(String runId) {
    return read(RuntimeMessages.text("store.do.readRun", runId), () -> queryRuns("SELECT * FROM runs WHERE id = ?", runId).stream().findFirst());
  }

  /** The ids of the runs whose id starts with {@code prefix}, sorted; for commands that accept the first letters of an id. */
  public synchronized List<String> runIdsStartingWith(String prefix) {
    return read(
        RuntimeMessages.text("store.do.findIds", prefix),
        () -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM runs WHERE substr(id, 1, ?) = ? ORDER BY id")) {
            ps.setInt(1, prefix.length());
            ps.setString(2, prefix);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
          }
          return out;
        });
  }

  /** The runs the filter selects, in its order, each with its tags and series summaries. */
  public synchronized List<RunEntry> findRuns(RunFilter filter) {
    return read(RuntimeMessages.text("store.do.listRuns"), () -> RunQuery.find(connection, filter));
  }

  /** One run with its tags and series summaries. */
  public synchronized Optional<RunEntry> entry(String runId) {
    return read(RuntimeMessages.text("store.do.readRun", runId), () -> RunQuery.entry(connection, runId));
  }

  /** A run's tags, sorted. */
  public synchronized List<String> labels(String runId) {
    return read(
        RuntimeMessages.text("store.do.readTags", runId),
        () -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps = connection.prepareStatement("SELECT label FROM run_labels WHERE run_id = ? ORDER BY label")) {
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

  /** The files recorded for a run, oldest first. */
  public synchronized List<Artifact> artifacts(String runId) {
    return read(
        RuntimeMessages.text("store.do.readArtifacts", runId),
        () -> {
          List<Artifact> out = new ArrayList<>();
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT id, kind, path, size_bytes, created_at, description FROM artifacts WHERE run_id = ? ORDER BY created_at, id")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Artifact(
                        rs.getLong(1), runId, Artifact.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getString(6)));
              }
            }
          }
          return out;
        });
  }

  /** One series of a run, ordered by step. */
  public synchronized List<MetricPoint> metrics(String runId, String tag) {
    MetricSeries s = series(runId, tag);
    List<MetricPoint> out = new ArrayList<>(s.size());
    for (int i = 0; i < s.size(); i++) {
      out.add(new MetricPoint(tag, s.steps()[i], s.wallTimesMillis()[i], s.values()[i]));
    }
    return out;
  }

  /** One series of a run as arrays, ordered by step; empty when the run has no such series. */
  public synchronized MetricSeries series(String runId, String tag) {
    return read(
        RuntimeMessages.text("store.do.readMetric", String.valueOf(tag), runId),
        () -> {
          Long tagId = lookUpTagId(tag);
          return tagId == null ? MetricSeries.empty(tag) : SeriesReader.one(connection, runId, tag, tagId);
        });
  }

  /** Every series of a run, by tag in name order, read in one pass. */
  public synchronized Map<String, MetricSeries> allSeries(String runId) {
    return read(RuntimeMessages.text("store.do.readMetrics", runId), () -> SeriesReader.all(connection, runId));
  }

  /**
   * The named series of several runs, by run id and then by tag in the order given; a run lacking a series gets an empty one.
   *
   * <p>A comparison reads a million points, so the runs are read side by side on up to four extra read-only connections (see
   * {@link SeriesReader}). Each run's series are read in one statement, so they are consistent with each other; different runs may
   * be read a moment apart while a run is being written.
   *
   * @throws RunStoreException also when a run is not in the store
   */
  public synchronized Map<String, Map<String, MetricSeries>> series(List<String> runIds, List<String> tags) {
    Map<String, Long> ids =
        read(
            RuntimeMessages.text("store.do.lookUpSeries", String.valueOf(tags)),
            () -> {
              Map<String, Long> found = new LinkedHashMap<>();
              for (String tag : tags) {
                found.put(tag, lookUpTagId(tag));
              }
              for (String runId : runIds) {
                requireRun(runId);
              }
              return found;
            });
    try {
      return bulkReader.many(runIds, ids);
    } catch (SQLException e) {
      throw new RunStoreException(RuntimeMessages.text("store.cannotReadSeries", String.valueOf(runIds), String.valueOf(file), detail(e)), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunStoreException(RuntimeMessages.text("store.interruptedReading", String.valueOf(runIds)), e);
    }
  }

  /** The names of the series a run has, sorted. */
  public synchronized List<String> metricTags(String runId) {
    return read(
        RuntimeMessages.text("store.do.listMetrics", runId),
        () -> {
          List<String> out = new ArrayList<>();
          // run_metrics has a row for every series of the run: no need to scan the points.
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT t.name FROM run_metrics s JOIN tags t ON t.id = s.tag_id WHERE s.run_id = ? ORDER BY t.name")) {
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

  /** The ids of the groups of repeated runs, with how many runs each has, by group id. */
  public synchronized Map<String, Integer> groups() {
    return read(
        RuntimeMessages.text("store.do.listGroups"),
        () -> {
          Map<String, Integer> out = new LinkedHashMap<>();
          try (Statement s = connection.createStatement();
              ResultSet rs =
                  s.executeQuery("SELECT group_id, COUNT(*) FROM runs WHERE group_id IS NOT NULL GROUP BY group_id ORDER BY group_id")) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getInt(2));
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
        RuntimeMessages.text("store.do.markInterrupted"),
        () -> {
          List<String[]> dead = new ArrayList<>();
          try (PreparedStatement ps = connection.prepareStatement("SELECT id, pid FROM runs WHERE status = ?")) {
            ps.setString(1, RunStatus.RUNNING.name());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long pid = rs.getLong(2);
                if (!isAlive(pid)) {
                  dead.add(new String[] {rs.getString(1), String.valueOf(pid)});
                }
              }
            }
          }
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE runs SET status = ?, message = ?, message_json = ?,"
                      + " ended_at = COALESCE((SELECT MAX(wall_time) FROM metrics WHERE run_id = runs.id), started_at),"
                      // the accuracy of the last epoch it completed, so the table shows how far it got
                      + " final_val_accuracy = (SELECT m.val FROM metrics m JOIN tags t ON t.id = m.tag_id"
                      + "   WHERE m.run_id = runs.id AND t.name = '"
                      + MetricTags.VALIDATION_ACCURACY
                      + "' ORDER BY m.step DESC LIMIT 1)"
                      + " WHERE id = ?")) {
            for (String[] run : dead) {
              ps.setString(1, RunStatus.INTERRUPTED.name());
              LocalText ending = RuntimeMessages.text("store.interrupted", run[1]);
              ps.setString(2, ending.english());
              ps.setString(3, LocalTextJson.write(ending));
              ps.setString(4, run[0]);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          for (String[] run : dead) {
            MetricSummaries.recompute(connection, run[0]);
          }
          return dead.size();
        });
  }

  @Override
  public synchronized void close() {
    try {
      bulkReader.close();
      if (insertMetric != null) {
        insertMetric.close();
        insertMetric = null;
      }
      connection.close();
    } catch (SQLException e) {
      throw new RunStoreException(RuntimeMessages.text("store.cannotClose", String.valueOf(file), detail(e)), e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------------------

  private static String newRunId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private void insertMetrics(String runId, List<MetricPoint> points) throws SQLException {
    if (insertMetric == null) {
      // Kept for the life of the store: a run appends every second, and preparing costs as much as inserting a dozen points.
      insertMetric =
          connection.prepareStatement("INSERT OR REPLACE INTO metrics(run_id, tag_id, step, wall_time, val) VALUES (?,?,?,?,?)");
    }
    PreparedStatement ps = insertMetric;
    try {
      for (MetricPoint p : points) {
        ps.setString(1, runId);
        ps.setLong(2, tagId(p.tag()));
        ps.setLong(3, p.step());
        ps.setLong(4, p.wallTimeMillis());
        setDouble(ps, 5, p.value());
        ps.addBatch();
      }
      ps.executeBatch();
    } finally {
      ps.clearBatch();
    }
  }

  private void insertLabels(String runId, Collection<String> labels) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("INSERT OR IGNORE INTO run_labels(run_id, label) VALUES (?,?)")) {
      for (String l : new TreeSet<>(labels)) {
        if (l == null || l.isBlank()) {
          throw new StoreProblem(RuntimeMessages.text("store.emptyTag"));
        }
        ps.setString(1, runId);
        ps.setString(2, l.strip());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void updateRun(String runId, LocalText what, String sql, String value) {
    write(
        what,
        () -> {
          try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.setString(2, runId);
            requireOne(ps.executeUpdate(), runId);
          }
          return null;
        });
  }

  private Optional<String> readColumn(String runId, String column, LocalText what) {
    return read(
        what,
        () -> {
          try (PreparedStatement ps = connection.prepareStatement("SELECT " + column + " FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  private static void requireOne(int updated, String runId) throws SQLException {
    if (updated != 1) {
      throw new StoreProblem(RuntimeMessages.text("store.noRun", runId));
    }
  }

  private void requireRun(String runId) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoreProblem(RuntimeMessages.text("store.noRun", runId));
        }
      }
    }
  }

  /** Refuses changes to an imported run. A missing run passes: the statement that follows reports it, as before. */
  private void requireWritable(String runId) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT read_only, origin FROM runs WHERE id = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getInt(1) != 0) {
          throw new StoreProblem(RuntimeMessages.text("store.readOnly", runId, String.valueOf(rs.getString(2))));
        }
      }
    }
  }

  private long cachedTagId(String tag) {
    Long id = tagIds.get(tag);
    if (id == null) {
      throw new IllegalStateException("tag " + tag + " was not inserted first");
    }
    return id;
  }

  private Long lookUpTagId(String tag) throws SQLException {
    Long id = tagIds.get(tag);
    if (id != null) {
      return id;
    }
    try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM tags WHERE name = ?")) {
      ps.setString(1, tag);
      try (ResultSet rs = ps.executeQuery()) {
        // Not cached: another process may add the tag later, and reads must not fill the cache that writes rely on.
        return rs.next() ? rs.getLong(1) : null;
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
          out.add(summary(rs));
        }
      }
    }
    return out;
  }

  /** The {@link RunSummary} of the current row of a query over {@code runs}. */
  static RunSummary summary(ResultSet rs) throws SQLException {
    long ended = rs.getLong("ended_at");
    Long endedAt = rs.wasNull() ? null : ended;
    return new RunSummary(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("project_name"),
        RunStatus.valueOf(rs.getString("status")),
        rs.getLong("started_at"),
        endedAt,
        getDouble(rs, "final_val_accuracy"),
        rs.getString("message"),
        rs.getString("config_json"),
        LocalTextJson.read(rs.getString("message_json")).orElse(null));
  }

  static String runColumns() {
    return RUN_COLUMNS;
  }

  static void setDouble(PreparedStatement ps, int index, double v) throws SQLException {
    // SQLite has no NaN: it stores NULL, which reads back as NaN.
    if (Double.isFinite(v)) {
      ps.setDouble(index, v);
    } else {
      ps.setNull(index, Types.REAL);
    }
  }

  private static void setLong(PreparedStatement ps, int index, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setLong(index, v);
    }
  }

  static double getDouble(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  static double getDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  /** The cause of a store error for its message: said in any language when the store words it, else the driver's English. */
  static Object detail(SQLException e) {
    return e instanceof Localized l ? l : String.valueOf(e.getMessage());
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private <T> T write(LocalText what, SqlWork<T> work) {
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
      throw new RunStoreException(RuntimeMessages.text("store.failed", what, String.valueOf(file), detail(e)), e);
    }
  }

  private <T> T read(LocalText what, SqlWork<T> work) {
    try {
      T result = work.run();
      connection.commit(); // ends the read transaction so that WAL checkpoints are not held back
      return result;
    } catch (SQLException e) {
      throw new RunStoreException(RuntimeMessages.text("store.failed", what, String.valueOf(file), detail(e)), e);
    }
  }
}
