package org.layerlab.runtime.store;

import java.util.Locale;

/**
 * What a run's series came to: its last value and its best, kept by the store so that runs list and sort without reading their points.
 *
 * @param points how many points the series has
 * @param lastStep the largest step
 * @param lastValue the value at {@code lastStep}, the series' final value; NaN when it was not a number
 * @param min the smallest value that is a number, NaN when there is none
 * @param max the largest value that is a number, NaN when there is none
 */
public record MetricSummary(String tag, long points, long lastStep, double lastValue, double min, double max) {

  /** Which value of a series a list shows or sorts by. */
  public enum Kind {
    /** The value at the last step. */
    FINAL,
    /** The smallest value for a series where lower is better (a loss), else the largest; see {@link #lowerIsBetter}. */
    BEST;

    /** Parses {@code final} or {@code best}, in any case. */
    public static Kind parse(String s) {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * Whether a smaller value of the series named {@code tag} is the better one: true for losses and errors (a name whose last part
   * holds {@code loss} or {@code error}, or ends in {@code mae} or {@code rmse}, the regression errors), false for everything else,
   * such as accuracy, R-squared and samples per second.
   */
  public static boolean lowerIsBetter(String tag) {
    String name = tag.substring(tag.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return name.contains("loss") || name.contains("error") || name.endsWith("mae") || name.endsWith("rmse");
  }

  /** The best value: {@link #min} where lower is better, else {@link #max}. */
  public double best() {
    return lowerIsBetter(tag) ? min : max;
  }

  /** The value of the given kind. */
  public double value(Kind kind) {
    return kind == Kind.FINAL ? lastValue : best();
  }
}
