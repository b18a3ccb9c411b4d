package org.layerlab.runtime.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerlab.runtime.events.ParameterHistogram;
import org.layerlab.runtime.events.ParameterHistograms;

/**
 * The {@code histograms} table (schema 4): one row per run, step, layer, parameter and kind (weights or gradients), with the
 * histogram's count, range, mean and spread as columns, and its bins in one small blob: the bin count, the edges as doubles, then
 * the counts as longs, little-endian. Thirty bins take 500 bytes, so a histogram every 100 steps of a ten-layer model adds a few
 * kilobytes per hundred steps, and reading one step's histograms is one index range.
 */
final class HistogramRows {

  private HistogramRows() {}

  static void createTable(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE histograms ("
            + " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
            + " step INTEGER NOT NULL,"
            + " epoch INTEGER NOT NULL,"
            + " wall_time INTEGER NOT NULL,"
            + " layer_id TEXT NOT NULL,"
            + " parameter TEXT NOT NULL,"
            + " kind TEXT NOT NULL,"
            + " position INTEGER NOT NULL,"
            + " count INTEGER NOT NULL,"
            + " min_value REAL,"
            + " max_value REAL,"
            + " mean REAL,"
            + " std REAL,"
            + " bins BLOB NOT NULL,"
            + " PRIMARY KEY (run_id, step, layer_id, parameter, kind)) WITHOUT ROWID");
  }

  /** Inserts (or replaces, for a step recorded again after a resume) the histograms of one step. */
  static void insert(Connection c, String runId, ParameterHistograms h) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR REPLACE INTO histograms(run_id, step, epoch, wall_time, layer_id, parameter, kind, position, count, min_value,"
                + " max_value, mean, std, bins) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      int position = 0;
      for (ParameterHistogram p : h.histograms()) {
        ps.setString(1, runId);
        ps.setLong(2, h.step());
        ps.setInt(3, h.epoch());
        ps.setLong(4, h.wallTimeMillis());
        ps.setString(5, p.layerId());
        ps.setString(6, p.parameter());
        ps.setString(7, p.kind());
        ps.setInt(8, position++);
        ps.setLong(9, p.count());
        setDouble(ps, 10, p.min());
        setDouble(ps, 11, p.max());
        setDouble(ps, 12, p.mean());
        setDouble(ps, 13, p.std());
        ps.setBytes(14, encode(p.binEdges(), p.binCounts()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static List<Long> steps(Connection c, String runId) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT step FROM histograms WHERE run_id = ? ORDER BY step")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  static Optional<ParameterHistograms> read(Connection c, String runId, long step) throws SQLException {
    List<ParameterHistogram> out = new ArrayList<>();
    int epoch = 0;
    long wallTime = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT epoch, wall_time, layer_id, parameter, kind, count, min_value, max_value, mean, std, bins FROM histograms"
                + " WHERE run_id = ? AND step = ? ORDER BY position")) {
      ps.setString(1, runId);
      ps.setLong(2, step);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          epoch = rs.getInt(1);
          wallTime = rs.getLong(2);
          ByteBuffer b = ByteBuffer.wrap(rs.getBytes(11)).order(ByteOrder.LITTLE_ENDIAN);
          int bins = b.getInt();
          double[] edges = new double[bins + 1];
          for (int i = 0; i <= bins; i++) {
            edges[i] = b.getDouble();
          }
          long[] counts = new long[bins];
          for (int i = 0; i < bins; i++) {
            counts[i] = b.getLong();
          }
          out.add(
              new ParameterHistogram(
                  rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), real(rs, 7), real(rs, 8), real(rs, 9), real(rs, 10), edges, counts));
        }
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(new ParameterHistograms(step, epoch, out, wallTime));
  }

  private static byte[] encode(double[] edges, long[] counts) {
    ByteBuffer b = ByteBuffer.allocate(4 + 8 * edges.length + 8 * counts.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(counts.length);
    for (double e : edges) {
      b.putDouble(e);
    }
    for (long n : counts) {
      b.putLong(n);
    }
    return b.array();
  }

  /** SQLite has no NaN: NULL stands for it. */
  private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
    if (Double.isFinite(v)) {
      ps.setDouble(i, v);
    } else {
      ps.setNull(i, java.sql.Types.REAL);
    }
  }

  private static double real(ResultSet rs, int i) throws SQLException {
    double v = rs.getDouble(i);
    return rs.wasNull() ? Double.NaN : v;
  }
}
