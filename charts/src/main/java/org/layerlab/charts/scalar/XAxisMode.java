package org.layerlab.charts.scalar;

/** What a {@link ScalarChart}'s horizontal axis measures, as in TensorBoard's "horizontal axis" choice. */
public enum XAxisMode {
  /** The global training step (batch count). */
  STEP("step"),
  /** Progress in epochs, fractional within an epoch (2.5 is half-way through the third). */
  EPOCH("epoch"),
  /** Seconds since the run's first point; runs started at different times line up at zero. */
  RELATIVE_TIME("relative time (h:mm:ss)"),
  /** The clock time at which each point was recorded, in the local time zone. */
  WALL_TIME("wall time");

  private final String label;

  XAxisMode(String label) {
    this.label = label;
  }

  /** The axis title for this mode. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
