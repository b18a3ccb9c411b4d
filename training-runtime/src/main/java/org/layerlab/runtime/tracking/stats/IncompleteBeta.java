package org.layerlab.runtime.tracking.stats;

/**
 * The regularized incomplete beta function I<sub>x</sub>(a, b) and the log-gamma function it needs.
 *
 * <p>I<sub>x</sub>(a, b) is evaluated by its continued fraction with the modified Lentz method, as in Numerical Recipes (Press et al.,
 * <i>Numerical Recipes</i>, 3rd ed., section 6.4): the fraction converges fast for {@code x < (a + 1) / (a + b + 2)}, and the
 * symmetry I<sub>x</sub>(a, b) = 1 - I<sub>1-x</sub>(b, a) covers the rest. ln Γ uses Lanczos' approximation with g = 7 and nine
 * coefficients, good to about 15 significant digits for positive arguments.
 */
public final class IncompleteBeta {

  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  // The fraction needs about sqrt(max(a, b)) terms: this bound covers a and b up to 10^12.
  private static final int MAX_ITERATIONS = 2_000_000;
  private static final double EPSILON = 1e-15;
  private static final double TINY = 1e-300;

  private IncompleteBeta() {}

  /**
   * I<sub>x</sub>(a, b) for {@code 0 <= x <= 1} and positive {@code a} and {@code b}.
   *
   * @throws IllegalArgumentException for arguments outside those ranges, or NaN
   */
  public static double regularized(double x, double a, double b) {
    if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
      throw new IllegalArgumentException("I_x(a, b) needs 0 <= x <= 1 and finite a, b > 0; got x=" + x + ", a=" + a + ", b=" + b);
    }
    if (x == 0 || x == 1) {
      return x;
    }
    double front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
    if (x < (a + 1) / (a + b + 2)) {
      return front * continuedFraction(x, a, b) / a;
    }
    return 1 - front * continuedFraction(1 - x, b, a) / b;
  }

  /** ln Γ(x) for {@code x > 0}. */
  public static double lnGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("lnGamma needs x > 0, got " + x);
    }
    if (x < 0.5) {
      // Reflection: Γ(x) Γ(1 - x) = π / sin(πx); Lanczos' series is accurate for arguments from 0.5 up.
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + 7.5;
    return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** The continued fraction of I_x(a, b) by the modified Lentz method (Numerical Recipes' betacf). */
  private static double continuedFraction(double x, double a, double b) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = nonZero(1 - qab * x / qap);
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 / nonZero(1 + aa * d);
      c = nonZero(1 + aa / c);
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 / nonZero(1 + aa * d);
      c = nonZero(1 + aa / c);
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        return h;
      }
    }
    throw new ArithmeticException("the incomplete beta fraction did not converge for x=" + x + ", a=" + a + ", b=" + b);
  }

  private static double nonZero(double v) {
    return Math.abs(v) < TINY ? TINY : v;
  }
}
