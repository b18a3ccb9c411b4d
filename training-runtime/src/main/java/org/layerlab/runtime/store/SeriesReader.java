package org.layerlab.runtime.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads series of points into arrays for {@link RunStore}: one series, every series of a run, or the named series of many runs side
 * by side on extra read-only connections.
 *
 * <p>Reading costs a native call per column per point (sqlite-jdbc), which is what a million-point comparison spends its time on.
 * Two things keep it down: {@code wasNull} is asked only when a value reads as 0.0 (NULL reads as 0.0), and runs are read in
 * parallel, since SQLite in WAL mode lets readers run together.
 */
final class SeriesReader implements AutoCloseable {

  /** Most extra connections a bulk read uses. */
  private static final int MAX_READERS = 4;

  private final Path file;
  private final List<Connection> readers = new ArrayList<>();
  private ExecutorService pool;

  SeriesReader(Path file) {
    this.file = file;
  }

  /** One series of a run, ordered by step. */
  static MetricSeries one(Connection c, String runId, String tag, long tagId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT step, wall_time, val FROM metrics WHERE run_id = ? AND tag_id = ? ORDER BY step")) {
      ps.setString(1, runId);
      ps.setLong(2, tagId);
      try (ResultSet rs = ps.executeQuery()) {
        Builder b = new Builder(tag, 1);
        while (rs.next()) {
          b.add(rs);
        }
        return b.build();
      }
    }
  }

  /** Every series of a run, by tag name in order. */
  static Map<String, MetricSeries> all(Connection c, String runId) throws SQLException {
    Map<Long, String> names = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name FROM tags")) {
      while (rs.next()) {
        names.put(rs.getLong(1), rs.getString(2));
      }
    }
    Map<String, MetricSeries> out = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT tag_id, step, wall_time, val FROM metrics WHERE run_id = ? ORDER BY tag_id, step")) {
      ps.setString(1, runId);
      readGrouped(ps, names, out);
    }
    return out;
  }

  /** The given series of a run, in the order of {@code tagIds}; a tag without an id (never stored) or without points is empty. */
  static Map<String, MetricSeries> some(Connection c, String runId, Map<String, Long> tagIds) throws SQLException {
    Map<String, MetricSeries> out = new LinkedHashMap<>();
    Map<Long, String> byId = new HashMap<>();
    for (Map.Entry<String, Long> e : tagIds.entrySet()) {
      out.put(e.getKey(), MetricSeries.empty(e.getKey()));
      if (e.getValue() != null) {
        byId.put(e.getValue(), e.getKey());
      }
    }
    if (byId.isEmpty()) {
      return out;
    }
    String in = "?,".repeat(byId.size() - 1) + "?";
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT tag_id, step, wall_time, val FROM metrics WHERE run_id = ? AND tag_id IN (" + in + ") ORDER BY tag_id, step")) {
      ps.setString(1, runId);
      int k = 2;
      for (Long id : byId.keySet()) {
        ps.setLong(k++, id);
      }
      readGrouped(ps, byId, out);
    }
    return out;
  }

  /**
   * The given series of several runs, read side by side on up to {@value #MAX_READERS} read-only connections of this reader's own,
   * one statement per run. The caller has checked that the runs exist.
   */
  Map<String, Map<String, MetricSeries>> many(List<String> runIds, Map<String, Long> tagIds) throws SQLException, InterruptedException {
    int parallel = Math.min(Math.min(MAX_READERS, Runtime.getRuntime().availableProcessors()), runIds.size());
    List<Connection> connections = connections(Math.max(1, parallel));
    List<Future<Map<String, MetricSeries>>> futures = new ArrayList<>();
    for (int i = 0; i < runIds.size(); i++) {
      Connection c = connections.get(i % connections.size());
      String runId = runIds.get(i);
      // A connection serves one thread at a time: the runs that share it take turns under its lock.
      futures.add(
          pool.submit(
              () -> {
                synchronized (c) {
                  try {
                    return some(c, runId, tagIds);
                  } finally {
                    c.commit(); // ends the read transaction, so that checkpoints are not held back
                  }
                }
              }));
    }
    Map<String, Map<String, MetricSeries>> out = new LinkedHashMap<>();
    try {
      for (int i = 0; i < runIds.size(); i++) {
        out.put(runIds.get(i), futures.get(i).get());
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof SQLException sql ? sql : new SQLException(cause.toString(), cause);
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    if (pool != null) {
      pool.shutdownNow();
      pool = null;
    }
    SQLException first = null;
    for (Connection c : readers) {
      try {
        c.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    readers.clear();
    if (first != null) {
      throw first;
    }
  }

  /** The read-only connections, opened on first use and kept until {@link #close}. */
  private List<Connection> connections(int count) throws SQLException {
    while (readers.size() < count) {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA query_only=1");
        s.execute("PRAGMA busy_timeout=5000");
        s.execute("PRAGMA cache_size=-16384");
      }
      c.setAutoCommit(false);
      readers.add(c);
    }
    if (pool == null) {
      pool =
          Executors.newFixedThreadPool(
              MAX_READERS,
              r -> {
                Thread t = new Thread(r, "layerlab-store-reader");
                t.setDaemon(true);
                return t;
              });
    }
    return readers.subList(0, count);
  }

  /** Reads rows of (tag id, step, wall time, value) ordered by tag id into one series per tag. */
  private static void readGrouped(PreparedStatement ps, Map<Long, String> names, Map<String, MetricSeries> out) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      long current = Long.MIN_VALUE;
      Builder b = null;
      while (rs.next()) {
        long tagId = rs.getLong(1);
        if (b == null || tagId != current) {
          if (b != null) {
            out.put(b.tag, b.build());
          }
          current = tagId;
          b = new Builder(names.get(tagId), 2);
        }
        b.add(rs);
      }
      if (b != null) {
        out.put(b.tag, b.build());
      }
    }
  }

  /** Collects rows of (step, wall time, value) at {@code first}, {@code first + 1}, {@code first + 2} into growing arrays. */
  private static final class Builder {
    final String tag;
    private final int first;
    private long[] steps = new long[1024];
    private long[] walls = new long[1024];
    private double[] values = new double[1024];
    private int n;

    Builder(String tag, int first) {
      this.tag = tag;
      this.first = first;
    }

    void add(ResultSet rs) throws SQLException {
      if (n == steps.length) {
        int size = n * 2;
        steps = Arrays.copyOf(steps, size);
        walls = Arrays.copyOf(walls, size);
        values = Arrays.copyOf(values, size);
      }
      steps[n] = rs.getLong(first);
      walls[n] = rs.getLong(first + 1);
      // getDouble reads NULL as 0.0: only then ask whether it was NULL. One native call less per point, most of the time.
      double v = rs.getDouble(first + 2);
      values[n] = v == 0.0 && rs.wasNull() ? Double.NaN : v;
      n++;
    }

    MetricSeries build() {
      return new MetricSeries(tag, Arrays.copyOf(steps, n), Arrays.copyOf(walls, n), Arrays.copyOf(values, n));
    }
  }
}
