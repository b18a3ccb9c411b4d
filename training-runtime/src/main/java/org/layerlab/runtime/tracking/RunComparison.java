package org.layerlab.runtime.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.layerlab.runtime.store.MetricSeries;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunStore;

/**
 * Any number of runs side by side: their series on a common axis, the settings they differ in, and the table of those settings
 * against their final and best results.
 *
 * @param runs in the order asked for
 * @param curves per series, one curve per run in the order of {@code runs}
 */
public record RunComparison(
    List<RunEntry> runs, Axis axis, ConfigDiff configDiff, HyperparameterTable hyperparameters, Map<String, List<Curve>> curves) {

  /** The series a comparison shows when none are named: those of the epoch-level results every run records. */
  public static final List<String> DEFAULT_METRICS =
      List.of("epoch/validation_accuracy", "epoch/validation_loss", "epoch/train_accuracy", "epoch/train_loss");

  /**
   * Loads a comparison from the store: the runs' summaries, then each named series of each run.
   *
   * @param tags the series to compare; empty for every series any of the runs has
   * @throws IllegalArgumentException when a run is not in the store
   */
  public static RunComparison load(RunStore store, List<String> runIds, List<String> tags, Axis axis) {
    return load(store, runIds, tags, tags.isEmpty() ? null : tags, axis);
  }

  /**
   * Loads a comparison whose hyperparameter table shows other series than the curves.
   *
   * @param tags the series to load as curves; empty for every series any of the runs has
   * @param tableMetrics the series whose final and best values the table shows; {@code null} for those of {@link #DEFAULT_METRICS}
   *     that any of the runs has
   */
  public static RunComparison load(RunStore store, List<String> runIds, List<String> tags, List<String> tableMetrics, Axis axis) {
    List<RunEntry> runs = new ArrayList<>();
    for (String id : runIds) {
      runs.add(store.entry(id).orElseThrow(() -> new IllegalArgumentException("no run with id " + id + " in " + store.file())));
    }
    List<String> series = tags.isEmpty() ? allTags(runs) : List.copyOf(tags);
    Map<String, String> configs = new LinkedHashMap<>();
    for (RunEntry r : runs) {
      configs.put(r.id(), r.summary().configJson());
    }
    Map<String, Map<String, MetricSeries>> points = store.series(runs.stream().map(RunEntry::id).toList(), series);
    Map<String, List<Curve>> curves = new LinkedHashMap<>();
    for (String tag : series) {
      List<Curve> perRun = new ArrayList<>();
      for (RunEntry r : runs) {
        perRun.add(SeriesAlignment.curve(r, points.get(r.id()).get(tag), axis));
      }
      curves.put(tag, perRun);
    }
    List<String> table = tableMetrics == null ? presentDefaults(runs) : List.copyOf(tableMetrics);
    return new RunComparison(runs, axis, ConfigDiff.of(configs), HyperparameterTable.of(runs, table), curves);
  }

  private static List<String> allTags(List<RunEntry> runs) {
    Set<String> tags = new TreeSet<>();
    for (RunEntry r : runs) {
      tags.addAll(r.metrics().keySet());
    }
    return List.copyOf(tags);
  }

  /** Those of {@link #DEFAULT_METRICS} that any of the runs has, in that order. */
  public static List<String> presentDefaults(List<RunEntry> runs) {
    List<String> out = new ArrayList<>();
    for (String tag : DEFAULT_METRICS) {
      if (runs.stream().anyMatch(r -> r.metrics().containsKey(tag))) {
        out.add(tag);
      }
    }
    return out;
  }
}
