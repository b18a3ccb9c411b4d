package org.layerlab.charts.internal;

import java.util.Locale;
import javafx.util.StringConverter;

/** Tick labels people read without decoding: 12,500 rather than ChartFX's 1.25E4. */
public final class TickLabels {

  private TickLabels() {}

  /** Steps, epochs and other counts: whole numbers with thousands separators, 1.5M past a million, else 3 decimals at most. */
  public static String count(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    if (Math.abs(v) < 1e-15) {
      return "0"; // a tick at zero computed with rounding error, such as -6.9e-17
    }
    double a = Math.abs(v);
    if (a >= 1e6) {
      return trim(String.format(Locale.ROOT, "%.3f", v / 1e6)) + "M";
    }
    if (v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (a < 1e-3) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    return trim(String.format(Locale.ROOT, "%.4f", v));
  }

  /** {@link #count} as a tick label formatter. */
  public static StringConverter<Number> counts() {
    return new StringConverter<>() {
      @Override
      public String toString(Number value) {
        return value == null ? "" : count(value.doubleValue());
      }

      @Override
      public Number fromString(String text) {
        throw new UnsupportedOperationException("tick labels are not parsed");
      }
    };
  }

  private static String trim(String decimal) {
    return decimal.contains(".") ? decimal.replaceAll("0+$", "").replaceAll("\\.$", "") : decimal;
  }
}
