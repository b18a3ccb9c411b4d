package org.layerlab.runtime.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run with everything a list, a filter or a comparison needs besides its points.
 *
 * @param groupId the group of repeated runs it belongs to, or {@code null}
 * @param labels the user's tags, sorted
 * @param configHash see {@link ConfigHash}
 * @param seed the training seed of its configuration, or {@code null} when the configuration names none (an imported run)
 * @param batchesPerEpoch training batches per epoch, known once the run started; {@code null} before, and for imported runs
 * @param origin where an imported run came from, {@code null} for a run Layerlab recorded
 * @param metrics the summary of each series, by tag in name order
 */
public record RunEntry(
    RunSummary summary,
    String groupId,
    List<String> labels,
    String notes,
    boolean archived,
    String configHash,
    Long seed,
    Integer batchesPerEpoch,
    String origin,
    Map<String, MetricSummary> metrics) {

  public RunEntry {
    labels = List.copyOf(labels);
    metrics = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metrics));
  }

  public String id() {
    return summary.id();
  }

  public String name() {
    return summary.name();
  }

  public boolean readOnly() {
    return origin != null;
  }

  /** The summary of a series, if the run has it. */
  public Optional<MetricSummary> metric(String tag) {
    return Optional.ofNullable(metrics.get(tag));
  }

  /** The final or best value of a series, NaN when the run has no such series. */
  public double metricValue(String tag, MetricSummary.Kind kind) {
    MetricSummary m = metrics.get(tag);
    return m == null ? Double.NaN : m.value(kind);
  }
}
