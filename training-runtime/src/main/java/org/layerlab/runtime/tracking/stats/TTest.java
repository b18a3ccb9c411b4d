package org.layerlab.runtime.tracking.stats;

import java.util.Objects;

/**
 * Compares the means of two samples with a t-test and gives the two-sided p-value.
 *
 * <p>{@link #welch} is Welch's unequal-variances test (Welch 1947, "The generalization of 'Student's' problem when several different
 * population variances are involved", Biometrika 34): t = (mean a - mean b) / sqrt(var a / n a + var b / n b), with the
 * Welch-Satterthwaite degrees of freedom. It assumes nothing about the groups' variances and suits two groups of runs trained on
 * different seeds. {@link #paired} is the paired test, a one-sample t-test on the differences a[i] - b[i], with n - 1 degrees of
 * freedom; it suits two groups trained on the same seeds, where each seed's two runs share their data split and batch order, and
 * is then far more sensitive.
 */
public final class TTest {

  /** Which test was run. */
  public enum Kind {
    WELCH("Welch's t-test"),
    PAIRED("paired t-test");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** The test's name in a sentence, such as {@code Welch's t-test}. */
    public String words() {
      return words;
    }
  }

  /**
   * A test's outcome.
   *
   * @param difference mean of a minus mean of b (for the paired test, the mean of the differences, the same number)
   * @param t the statistic; infinite when the samples have no spread but different means
   * @param df degrees of freedom
   * @param p the two-sided p-value: the chance of a difference at least this large if the true means were equal; 1 when the
   *     samples have no spread and equal means
   */
  public record Result(Kind kind, Sample a, Sample b, double difference, double t, double df, double p) {

    /** Whether p is below {@code alpha}, such as 0.05. */
    public boolean significant(double alpha) {
      return p < alpha;
    }
  }

  private TTest() {}

  /**
   * Welch's t-test of {@code a} against {@code b}; NaN values are left out.
   *
   * @throws IllegalArgumentException when a sample has fewer than two values: its spread is unknown
   */
  public static Result welch(double[] a, double[] b) {
    Sample sa = Sample.of(a);
    Sample sb = Sample.of(b);
    requireTwo(sa, "first");
    requireTwo(sb, "second");
    double va = sa.variance() / sa.n();
    double vb = sb.variance() / sb.n();
    double se = Math.sqrt(va + vb);
    double diff = sa.mean() - sb.mean();
    if (se == 0) {
      return noSpread(Kind.WELCH, sa, sb, diff, sa.n() + sb.n() - 2);
    }
    double df = (va + vb) * (va + vb) / (va * va / (sa.n() - 1) + vb * vb / (sb.n() - 1));
    double t = diff / se;
    return new Result(Kind.WELCH, sa, sb, diff, t, df, StudentT.twoSidedP(t, df));
  }

  /**
   * The paired t-test of {@code a[i]} against {@code b[i]}; a pair with a NaN on either side is left out.
   *
   * @throws IllegalArgumentException when the arrays differ in length, or fewer than two pairs remain
   */
  public static Result paired(double[] a, double[] b) {
    Objects.requireNonNull(a, "a");
    if (a.length != b.length) {
      throw new IllegalArgumentException("a paired test needs as many values on each side, got " + a.length + " and " + b.length);
    }
    int n = 0;
    double[] left = new double[a.length];
    double[] right = new double[a.length];
    double[] diffs = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
        left[n] = a[i];
        right[n] = b[i];
        diffs[n] = a[i] - b[i];
        n++;
      }
    }
    Sample d = Sample.of(java.util.Arrays.copyOf(diffs, n));
    requireTwo(d, "paired");
    Sample sa = Sample.of(java.util.Arrays.copyOf(left, n));
    Sample sb = Sample.of(java.util.Arrays.copyOf(right, n));
    double se = d.sd() / Math.sqrt(n);
    if (se == 0) {
      return noSpread(Kind.PAIRED, sa, sb, d.mean(), n - 1);
    }
    double t = d.mean() / se;
    return new Result(Kind.PAIRED, sa, sb, d.mean(), t, n - 1, StudentT.twoSidedP(t, n - 1));
  }

  /** No spread at all: equal means cannot be told apart (p = 1); different means can be told apart with certainty (p = 0). */
  private static Result noSpread(Kind kind, Sample a, Sample b, double diff, double df) {
    if (diff == 0) {
      return new Result(kind, a, b, 0, 0, df, 1);
    }
    return new Result(kind, a, b, diff, Math.copySign(Double.POSITIVE_INFINITY, diff), df, 0);
  }

  private static void requireTwo(Sample s, String which) {
    if (s.n() < 2) {
      throw new IllegalArgumentException(
          "a t-test needs at least two values in each sample to know its spread; the " + which + " sample has " + s.n());
    }
  }
}
