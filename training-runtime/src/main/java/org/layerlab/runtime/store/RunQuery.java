package org.layerlab.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.layerlab.runtime.events.RunStatus;

/**
 * The SQL behind {@link RunStore#findRuns}: one query for the runs, filtered and sorted in the database (sorting by a series joins
 * its row of {@code run_metrics}), then one for their tags and one for their summaries.
 */
final class RunQuery {

  private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
  private final List<Object> args = new ArrayList<>();

  private RunQuery(RunFilter f) {
    if (!f.statuses().isEmpty()) {
      where.append(" AND r.status IN (").append("?,".repeat(f.statuses().size() - 1)).append("?)");
      f.statuses().stream().map(RunStatus::name).sorted().forEach(args::add);
    }
    for (String label : f.labels()) {
      where.append(" AND EXISTS (SELECT 1 FROM run_labels l WHERE l.run_id = r.id AND l.label = ?)");
      args.add(label.strip());
    }
    if (f.projectName() != null) {
      where.append(" AND r.project_name = ?");
      args.add(f.projectName());
    }
    if (f.text() != null) {
      // instr(lower(..)) rather than LIKE: the text may hold % and _, and this ignores case beyond ASCII letters too.
      where.append(" AND (instr(lower(r.name), lower(?)) > 0 OR instr(lower(r.notes), lower(?)) > 0)");
      args.add(f.text());
      args.add(f.text());
    }
    if (f.groupId() != null) {
      where.append(" AND r.group_id = ?");
      args.add(f.groupId());
    }
    if (f.archived() == RunFilter.Archived.EXCLUDE) {
      where.append(" AND r.archived = 0");
    } else if (f.archived() == RunFilter.Archived.ONLY) {
      where.append(" AND r.archived = 1");
    }
  }

  static List<RunEntry> find(Connection c, RunFilter filter) throws SQLException {
    RunQuery q = new RunQuery(filter);
    RunSort sort = filter.sort();
    StringBuilder sql = new StringBuilder("SELECT ").append(RunStore.runColumns()).append(" FROM runs r");
    List<Object> params = new ArrayList<>();
    String direction = sort.descending() ? " DESC" : " ASC";
    String order;
    if (sort.tag() == null) {
      order = " ORDER BY r.started_at" + direction + ", r.id";
    } else {
      sql.append(" LEFT JOIN run_metrics s ON s.run_id = r.id AND s.tag_id = (SELECT id FROM tags WHERE name = ?)");
      params.add(sort.tag());
      String column =
          sort.kind() == MetricSummary.Kind.FINAL ? "s.last_value" : MetricSummary.lowerIsBetter(sort.tag()) ? "s.min_value" : "s.max_value";
      order = " ORDER BY (" + column + " IS NULL), " + column + direction + ", r.started_at DESC, r.id";
    }
    sql.append(q.where).append(order);
    params.addAll(q.args);
    if (filter.limit() > 0) {
      sql.append(" LIMIT ").append(filter.limit());
    }
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(Row.of(rs));
        }
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    String selected = "SELECT r.id FROM runs r" + q.where;
    Map<String, List<String>> labels = labels(c, selected, q.args);
    Map<String, Map<String, MetricSummary>> metrics = summaries(c, selected, q.args);
    List<RunEntry> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(row.entry(labels.getOrDefault(row.summary.id(), List.of()), metrics.getOrDefault(row.summary.id(), Map.of())));
    }
    return out;
  }

  static Optional<RunEntry> entry(Connection c, String runId) throws SQLException {
    Row row;
    try (PreparedStatement ps = c.prepareStatement("SELECT " + RunStore.runColumns() + " FROM runs r WHERE r.id = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        row = Row.of(rs);
      }
    }
    String selected = "SELECT ?";
    List<Object> args = List.of(runId);
    return Optional.of(
        row.entry(labels(c, selected, args).getOrDefault(runId, List.of()), summaries(c, selected, args).getOrDefault(runId, Map.of())));
  }

  private static Map<String, List<String>> labels(Connection c, String selectedRuns, List<Object> args) throws SQLException {
    Map<String, List<String>> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT run_id, label FROM run_labels WHERE run_id IN (" + selectedRuns + ") ORDER BY run_id, label")) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return out;
  }

  private static Map<String, Map<String, MetricSummary>> summaries(Connection c, String selectedRuns, List<Object> args)
      throws SQLException {
    Map<String, Map<String, MetricSummary>> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.run_id, t.name, s.points, s.last_step, s.last_value, s.min_value, s.max_value"
                + " FROM run_metrics s JOIN tags t ON t.id = s.tag_id WHERE s.run_id IN ("
                + selectedRuns
                + ")")) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String tag = rs.getString(2);
          out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
              .put(
                  tag,
                  new MetricSummary(
                      tag, rs.getLong(3), rs.getLong(4), RunStore.getDouble(rs, 5), RunStore.getDouble(rs, 6), RunStore.getDouble(rs, 7)));
        }
      }
    }
    return out;
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }

  /** A row of {@code runs} before its tags and summaries are attached. */
  private record Row(
      RunSummary summary,
      String groupId,
      String notes,
      boolean archived,
      String configHash,
      Long seed,
      Integer batchesPerEpoch,
      String origin) {

    static Row of(ResultSet rs) throws SQLException {
      long seed = rs.getLong("seed");
      Long seedOrNull = rs.wasNull() ? null : seed;
      int batches = rs.getInt("batches_per_epoch");
      Integer batchesOrNull = rs.wasNull() ? null : batches;
      return new Row(
          RunStore.summary(rs),
          rs.getString("group_id"),
          rs.getString("notes"),
          rs.getInt("archived") != 0,
          rs.getString("config_hash"),
          seedOrNull,
          batchesOrNull,
          rs.getString("origin"));
    }

    RunEntry entry(List<String> labels, Map<String, MetricSummary> metrics) {
      return new RunEntry(summary, groupId, labels, notes, archived, configHash, seed, batchesPerEpoch, origin, metrics);
    }
  }
}
