package org.layerlab.charts.scalar;

import org.layerlab.charts.ChartTexts;

/** What a {@link ScalarChart}'s horizontal axis measures, as in TensorBoard's "horizontal axis" choice. */
public enum XAxisMode {
  /** The global training step (batch count). */
  STEP("scalar.xMode.step"),
  /** Progress in epochs, fractional within an epoch (2.5 is half-way through the third). */
  EPOCH("scalar.xMode.epoch"),
  /** Seconds since the run's first point; runs started at different times line up at zero. */
  RELATIVE_TIME("scalar.xMode.relativeTime"),
  /** The clock time at which each point was recorded, in the local time zone. */
  WALL_TIME("scalar.xMode.wallTime");

  private final String key;

  XAxisMode(String key) {
    this.key = key;
  }

  /** The axis title for this mode, in the language of {@link ChartTexts} now. */
  public String label() {
    return ChartTexts.get(key);
  }

  /** The label: a choice box shows it. */
  @Override
  public String toString() {
    return label();
  }
}
