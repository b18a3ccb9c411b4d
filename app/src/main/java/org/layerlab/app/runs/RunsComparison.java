package org.layerlab.app.runs;

import java.util.List;
import org.layerlab.runtime.tracking.ConfigDiff;

/**
 * Everything the comparison panel shows of the selected runs.
 *
 * @param tag the compared series
 * @param curves each run's points of it, in selection order
 * @param runNames the runs' names in selection order, the columns of the diff
 * @param diff the settings the runs' configurations differ in
 * @param groups the seed groups among the runs with two or more selected members
 * @param statements for every two groups, whether one is significantly better, in words
 */
public record RunsComparison(
    String tag,
    List<RunCurve> curves,
    List<String> runNames,
    ConfigDiff diff,
    ParallelData parallel,
    List<SeedGroupSummary> groups,
    List<String> statements) {

  public static final RunsComparison EMPTY =
      new RunsComparison("", List.of(), List.of(), new ConfigDiff(List.of(), List.of()), ParallelData.EMPTY, List.of(), List.of());

  public boolean isEmpty() {
    return curves.isEmpty();
  }
}
