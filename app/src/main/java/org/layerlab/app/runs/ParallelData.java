package org.layerlab.app.runs;

import java.util.List;
import java.util.Map;

/**
 * The compared runs' differing settings against a metric, for parallel coordinates: one axis per setting, the metric last. A
 * setting that is not a number (an optimizer's name) becomes the index of its value in {@code categories}.
 *
 * @param dimensions the axes, the metric last
 * @param categories for each non-numeric setting, its values in the order of their index
 * @param trials one per run
 */
public record ParallelData(List<String> dimensions, String metric, Map<String, List<String>> categories, List<Trial> trials) {

  /** One run: its name and its value on each axis (missing or NaN where it has none). */
  public record Trial(String name, Map<String, Double> values) {}

  public static final ParallelData EMPTY = new ParallelData(List.of(), "", Map.of(), List.of());

  public boolean isEmpty() {
    return trials.isEmpty() || dimensions.size() < 2;
  }
}
