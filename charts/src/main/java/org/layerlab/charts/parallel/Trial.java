package org.layerlab.charts.parallel;

import java.util.Map;
import java.util.Objects;

/**
 * One run of a hyperparameter search: its settings and the metric it reached, by dimension name, such as {@code learning_rate ->
 * 0.01, batch_size -> 64, validation_accuracy -> 0.91}. A dimension the trial lacks, or a non-finite value, is missing: its line
 * breaks at that axis.
 *
 * @param name shown when the trial is selected
 * @param values by dimension; copied
 */
public record Trial(String name, Map<String, Double> values) {

  public Trial {
    Objects.requireNonNull(name, "name");
    values = Map.copyOf(values);
  }

  /** The value on a dimension, NaN if missing. */
  public double value(String dimension) {
    Double v = values.get(dimension);
    return v == null || !Double.isFinite(v) ? Double.NaN : v;
  }
}
