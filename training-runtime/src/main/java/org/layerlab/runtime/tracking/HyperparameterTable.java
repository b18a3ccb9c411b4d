package org.layerlab.runtime.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.runtime.store.MetricSummary;
import org.layerlab.runtime.store.RunEntry;

/**
 * Runs as rows, the settings they differ in and their final and best results as columns: which setting went with which result.
 *
 * @param parameters the settings that differ between the runs (see {@link ConfigDiff}), as column names
 * @param metrics the series whose final and best values are columns
 */
public record HyperparameterTable(List<String> parameters, List<String> metrics, List<Row> rows) {

  /**
   * One run.
   *
   * @param parameters the run's value of each of the table's parameters, in order
   * @param finals the run's final value of each metric, NaN when it lacks the series
   * @param bests the run's best value of each metric (lowest for a loss, else highest)
   */
  public record Row(String runId, String runName, List<String> parameters, double[] finals, double[] bests) {}

  /** The table of {@code runs} for {@code metrics}, with the settings they differ in. */
  public static HyperparameterTable of(List<RunEntry> runs, List<String> metrics) {
    Map<String, String> configs = new LinkedHashMap<>();
    for (RunEntry r : runs) {
      configs.put(r.id(), r.summary().configJson());
    }
    ConfigDiff diff = ConfigDiff.of(configs);
    List<String> parameters = diff.rows().stream().map(ConfigDiff.Row::path).toList();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      RunEntry r = runs.get(i);
      List<String> values = new ArrayList<>();
      for (ConfigDiff.Row d : diff.rows()) {
        values.add(d.values().get(i));
      }
      double[] finals = new double[metrics.size()];
      double[] bests = new double[metrics.size()];
      for (int m = 0; m < metrics.size(); m++) {
        finals[m] = r.metricValue(metrics.get(m), MetricSummary.Kind.FINAL);
        bests[m] = r.metricValue(metrics.get(m), MetricSummary.Kind.BEST);
      }
      rows.add(new Row(r.id(), r.name(), values, finals, bests));
    }
    return new HyperparameterTable(parameters, List.copyOf(metrics), rows);
  }
}
