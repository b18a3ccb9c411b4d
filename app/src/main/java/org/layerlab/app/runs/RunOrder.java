package org.layerlab.app.runs;

import java.util.Comparator;
import java.util.Objects;
import org.layerlab.runtime.store.RunEntry;

/**
 * The order of the runs table: by one of its columns, a metric column included. Runs without the metric come last in either
 * direction, as in the store's {@link org.layerlab.runtime.store.RunSort}; ties go newest first.
 *
 * @param metric the metric column sorted by when {@code column} is {@link Column#METRIC}, else {@code null}
 */
public record RunOrder(Column column, MetricColumn metric, boolean descending) {

  /** What the table sorts by. */
  public enum Column {
    NAME,
    STATUS,
    STARTED,
    DURATION,
    PROJECT,
    TAGS,
    METRIC
  }

  /** Newest first, as the table opens. */
  public static final RunOrder NEWEST_FIRST = new RunOrder(Column.STARTED, null, true);

  public RunOrder {
    Objects.requireNonNull(column, "column");
    if ((column == Column.METRIC) != (metric != null)) {
      throw new IllegalArgumentException("a metric column, and only it, names its metric: " + column + ", " + metric);
    }
  }

  public static RunOrder by(Column column, boolean descending) {
    return new RunOrder(column, null, descending);
  }

  public static RunOrder byMetric(MetricColumn metric, boolean descending) {
    return new RunOrder(Column.METRIC, metric, descending);
  }

  /** The comparator of this order; {@code now} stands in for the end of runs still running. */
  public Comparator<RunEntry> comparator(long now) {
    Comparator<RunEntry> newestFirst =
        Comparator.comparingLong((RunEntry r) -> r.summary().startedAtMillis()).reversed().thenComparing(RunEntry::id);
    if (column == Column.METRIC) {
      Comparator<RunEntry> byValue = Comparator.comparingDouble(r -> r.metricValue(metric.tag(), metric.kind()));
      Comparator<RunEntry> missingLast = Comparator.comparing(r -> Double.isNaN(r.metricValue(metric.tag(), metric.kind())));
      return missingLast.thenComparing(descending ? byValue.reversed() : byValue).thenComparing(newestFirst);
    }
    Comparator<RunEntry> c =
        switch (column) {
          case NAME -> Comparator.comparing(RunEntry::name, String.CASE_INSENSITIVE_ORDER);
          case STATUS -> Comparator.comparing(r -> r.summary().status());
          case STARTED -> Comparator.comparingLong(r -> r.summary().startedAtMillis());
          case DURATION -> Comparator.comparingLong(r -> duration(r, now));
          case PROJECT -> Comparator.comparing(r -> Objects.requireNonNullElse(r.summary().projectName(), ""), String.CASE_INSENSITIVE_ORDER);
          case TAGS -> Comparator.comparing(r -> String.join(",", r.labels()), String.CASE_INSENSITIVE_ORDER);
          case METRIC -> throw new AssertionError("handled above");
        };
    return (descending ? c.reversed() : c).thenComparing(newestFirst);
  }

  private static long duration(RunEntry r, long now) {
    Long end = r.summary().endedAtMillis();
    return (end == null ? now : end) - r.summary().startedAtMillis();
  }
}
