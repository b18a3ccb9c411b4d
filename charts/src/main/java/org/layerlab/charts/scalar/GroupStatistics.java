package org.layerlab.charts.scalar;

/** The mean and spread of a group's member values at one x. */
final class GroupStatistics {

  private GroupStatistics() {}

  /**
   * @param mean the members' mean, NaN when no member has a value here
   * @param low the band's lower edge
   * @param high the band's upper edge
   */
  record Summary(double mean, double low, double high) {}

  private static final Summary EMPTY = new Summary(Double.NaN, Double.NaN, Double.NaN);

  /** Summarises the first {@code n} values; the standard deviation is the population one (divides by n). */
  static Summary summarise(double[] values, int n, RunGroup.Spread spread) {
    if (n == 0) {
      return EMPTY;
    }
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      sum += values[i];
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    double mean = sum / n;
    if (spread == RunGroup.Spread.MIN_MAX) {
      return new Summary(mean, min, max);
    }
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double d = values[i] - mean;
      squares += d * d;
    }
    double sd = Math.sqrt(squares / n);
    return new Summary(mean, mean - sd, mean + sd);
  }
}
