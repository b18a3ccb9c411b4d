package org.layerlab.charts.scalar;

import java.util.Objects;
import org.layerlab.charts.ChartTexts;

/**
 * Something that happened during a run at a point in training, drawn as a vertical marker on the run's curves.
 *
 * @param step the global step at which it happened
 * @param epoch fractional epoch at which it happened; NaN if unknown (then it has no marker in epoch mode)
 * @param wallTimeMillis wall-clock time, milliseconds since 1970-01-01 UTC
 * @param kind what happened
 * @param label a short text shown next to the marker, such as "lr 0.01" or "epoch 3"; may be empty
 */
public record RunEvent(double step, double epoch, long wallTimeMillis, Kind kind, String label) {

  /** Kinds of event, each with its own glyph on the chart. */
  public enum Kind {
    EPOCH_END("|"),
    LEARNING_RATE_CHANGE("lr"),
    PAUSE("❚❚"),
    RESUME("▶"),
    EARLY_STOP("■"),
    OTHER("•");

    private final String glyph;

    Kind(String glyph) {
      this.glyph = glyph;
    }

    /** The short mark drawn at the top of the marker line. */
    public String glyph() {
      return glyph;
    }
  }

  public RunEvent {
    Objects.requireNonNull(kind, "kind");
    label = label == null ? "" : label;
  }

  /** The end of an epoch (counted from 1) at a step. */
  public static RunEvent epochEnd(double step, int epoch, long wallTimeMillis) {
    return new RunEvent(step, epoch, wallTimeMillis, Kind.EPOCH_END, ChartTexts.get("scalar.event.epochEnd", epoch));
  }

  /** The x of this event in a mode; relative time is measured from {@code runStartMillis}. */
  double x(XAxisMode mode, double runStartMillis) {
    switch (mode) {
      case EPOCH:
        return epoch;
      case RELATIVE_TIME:
        return (wallTimeMillis - runStartMillis) / 1000.0;
      case WALL_TIME:
        return wallTimeMillis / 1000.0;
      case STEP:
      default:
        return step;
    }
  }
}
