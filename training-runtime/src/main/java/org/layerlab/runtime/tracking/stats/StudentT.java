package org.layerlab.runtime.tracking.stats;

/**
 * Student's t distribution with {@code df} degrees of freedom (any positive real, as Welch's test needs).
 *
 * <p>The two-sided tail is P(|T| >= |t|) = I<sub>df/(df+t²)</sub>(df/2, 1/2), the regularized incomplete beta function (Abramowitz
 * and Stegun 26.7.1 with 26.5.27), so one evaluation gives both the p-value and the distribution function.
 */
public final class StudentT {

  private StudentT() {}

  /** P(T <= t). */
  public static double cdf(double t, double df) {
    requireDf(df);
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    double tail = twoSidedP(t, df) / 2;
    return t < 0 ? tail : 1 - tail;
  }

  /** P(|T| >= |t|): the two-sided p-value of a t statistic. */
  public static double twoSidedP(double t, double df) {
    requireDf(df);
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return 0;
    }
    // df / (df + t^2) written so that a huge t does not overflow t * t.
    double r = t / Math.sqrt(df);
    double x = 1 / (1 + r * r);
    return IncompleteBeta.regularized(x, df / 2, 0.5);
  }

  private static void requireDf(double df) {
    if (!(df > 0) || Double.isInfinite(df)) {
      throw new IllegalArgumentException("degrees of freedom must be finite and above 0, got " + df);
    }
  }
}
