package org.layerlab.charts.scalar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.util.StringConverter;

/** Tick labels of the x axis for each mode: counts without exponents, durations as h:mm:ss, wall time as the local clock. */
final class TimeLabels {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private TimeLabels() {}

  /** The formatter for a mode's tick labels. */
  static StringConverter<Number> formatter(XAxisMode mode) {
    switch (mode) {
      case RELATIVE_TIME:
        return converter(TimeLabels::duration);
      case WALL_TIME:
        return converter(TimeLabels::clock);
      case STEP:
      case EPOCH:
      default:
        return converter(TimeLabels::count);
    }
  }

  /** A step or epoch count: 12,500 rather than ChartFX's 1.25E4. */
  static String count(double v) {
    return org.layerlab.charts.internal.TickLabels.count(v);
  }

  /** Seconds as h:mm:ss, or m:ss under an hour; negative values keep their sign. */
  static String duration(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "";
    }
    long total = Math.round(Math.abs(seconds));
    String sign = seconds < 0 && total > 0 ? "-" : "";
    long h = total / 3600;
    long m = (total % 3600) / 60;
    long s = total % 60;
    return h > 0 ? String.format("%s%d:%02d:%02d", sign, h, m, s) : String.format("%s%d:%02d", sign, m, s);
  }

  /** Seconds since 1970 UTC as the local clock time. */
  static String clock(double epochSeconds) {
    if (!Double.isFinite(epochSeconds)) {
      return "";
    }
    return CLOCK.format(Instant.ofEpochMilli(Math.round(epochSeconds * 1000)).atZone(ZoneId.systemDefault()));
  }

  private interface Format {
    String apply(double value);
  }

  private static StringConverter<Number> converter(Format format) {
    return new StringConverter<>() {
      @Override
      public String toString(Number value) {
        return value == null ? "" : format.apply(value.doubleValue());
      }

      @Override
      public Number fromString(String text) {
        throw new UnsupportedOperationException("tick labels are not parsed");
      }
    };
  }
}
