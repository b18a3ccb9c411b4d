package org.layerlab.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Keeps {@code run_metrics}, a run's count, last, smallest and largest value per series, in step with {@code metrics}.
 *
 * <p>Every append updates the rows of the series it touches, in the same transaction, so a running or interrupted run lists with
 * current values. An append that replaces an earlier point can leave a smallest or largest value that is no longer stored; the end
 * of a run (and an import, and marking a run interrupted) therefore recomputes the run's rows from its points.
 */
final class MetricSummaries {

  /** Recomputes every run's summaries; used when a file moves to schema 3. */
  static final String RECOMPUTE_ALL =
      "INSERT OR REPLACE INTO run_metrics(run_id, tag_id, points, last_step, last_value, min_value, max_value)"
          + " SELECT g.run_id, g.tag_id, g.n, g.last_step,"
          + " (SELECT l.val FROM metrics l WHERE l.run_id = g.run_id AND l.tag_id = g.tag_id AND l.step = g.last_step),"
          + " g.lo, g.hi"
          + " FROM (SELECT run_id, tag_id, COUNT(*) AS n, MAX(step) AS last_step, MIN(val) AS lo, MAX(val) AS hi"
          + " FROM metrics GROUP BY run_id, tag_id) g";

  private static final String RECOMPUTE_RUN =
      "INSERT OR REPLACE INTO run_metrics(run_id, tag_id, points, last_step, last_value, min_value, max_value)"
          + " SELECT ?, g.tag_id, g.n, g.last_step,"
          + " (SELECT l.val FROM metrics l WHERE l.run_id = ? AND l.tag_id = g.tag_id AND l.step = g.last_step),"
          + " g.lo, g.hi"
          + " FROM (SELECT tag_id, COUNT(*) AS n, MAX(step) AS last_step, MIN(val) AS lo, MAX(val) AS hi"
          + " FROM metrics WHERE run_id = ? GROUP BY tag_id) g";

  // SQLite's two-argument MIN and MAX return NULL when either side is NULL (a series of NaN only): keep the side that is a number.
  private static final String MERGE =
      "INSERT INTO run_metrics(run_id, tag_id, points, last_step, last_value, min_value, max_value) VALUES (?,?,?,?,?,?,?)"
          + " ON CONFLICT(run_id, tag_id) DO UPDATE SET"
          + " points = points + excluded.points,"
          + " last_value = CASE WHEN excluded.last_step >= last_step THEN excluded.last_value ELSE last_value END,"
          + " last_step = MAX(last_step, excluded.last_step),"
          + " min_value = CASE WHEN min_value IS NULL THEN excluded.min_value WHEN excluded.min_value IS NULL THEN min_value"
          + " ELSE MIN(min_value, excluded.min_value) END,"
          + " max_value = CASE WHEN max_value IS NULL THEN excluded.max_value WHEN excluded.max_value IS NULL THEN max_value"
          + " ELSE MAX(max_value, excluded.max_value) END";

  private MetricSummaries() {}

  /** Folds freshly inserted points into the run's summaries. */
  static void merge(Connection c, String runId, List<MetricPoint> points, ToLongFunction<String> tagId) throws SQLException {
    Map<String, double[]> byTag = new TreeMap<>();
    // per tag: points, last step, last value, min, max (NaN: none yet)
    for (MetricPoint p : points) {
      double[] s = byTag.computeIfAbsent(p.tag(), t -> new double[] {0, Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN, Double.NaN});
      s[0]++;
      if (p.step() >= s[1]) {
        s[1] = p.step();
        s[2] = p.value();
      }
      if (!Double.isNaN(p.value())) {
        s[3] = Double.isNaN(s[3]) ? p.value() : Math.min(s[3], p.value());
        s[4] = Double.isNaN(s[4]) ? p.value() : Math.max(s[4], p.value());
      }
    }
    try (PreparedStatement ps = c.prepareStatement(MERGE)) {
      for (Map.Entry<String, double[]> e : byTag.entrySet()) {
        double[] s = e.getValue();
        ps.setString(1, runId);
        ps.setLong(2, tagId.applyAsLong(e.getKey()));
        ps.setLong(3, (long) s[0]);
        ps.setLong(4, (long) s[1]);
        setDouble(ps, 5, s[2]);
        setDouble(ps, 6, s[3]);
        setDouble(ps, 7, s[4]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Rebuilds the run's summaries from its stored points. */
  static void recompute(Connection c, String runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM run_metrics WHERE run_id = ?")) {
      ps.setString(1, runId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(RECOMPUTE_RUN)) {
      ps.setString(1, runId);
      ps.setString(2, runId);
      ps.setString(3, runId);
      ps.executeUpdate();
    }
  }

  private static void setDouble(PreparedStatement ps, int index, double v) throws SQLException {
    if (Double.isFinite(v)) {
      ps.setDouble(index, v);
    } else {
      ps.setNull(index, Types.REAL);
    }
  }
}
