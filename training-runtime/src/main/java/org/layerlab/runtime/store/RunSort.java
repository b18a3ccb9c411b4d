package org.layerlab.runtime.store;

/**
 * The order of a run list: by start time, or by the final or best value of a series. Runs without the series come last, whatever the
 * direction; ties go newest first.
 *
 * @param tag the series to sort by, or {@code null} to sort by start time
 * @param kind which value of the series; ignored when sorting by start time
 * @param descending largest first
 */
public record RunSort(String tag, MetricSummary.Kind kind, boolean descending) {

  public static final RunSort NEWEST_FIRST = new RunSort(null, MetricSummary.Kind.FINAL, true);

  /** By a series, best first: ascending for a loss, descending otherwise (see {@link MetricSummary#lowerIsBetter}). */
  public static RunSort bestFirst(String tag, MetricSummary.Kind kind) {
    return new RunSort(tag, kind, !MetricSummary.lowerIsBetter(tag));
  }

  /** The same order, reversed. */
  public RunSort reversed() {
    return new RunSort(tag, kind, !descending);
  }
}
