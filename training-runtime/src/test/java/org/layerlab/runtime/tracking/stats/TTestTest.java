package org.layerlab.runtime.tracking.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The t-tests against SciPy 1.17.1 ({@code scipy.stats.ttest_ind(equal_var=False)} and {@code ttest_rel}). */
class TTestTest {

  private static final double[] A = {0.912, 0.905, 0.918, 0.909, 0.915};
  private static final double[] B = {0.897, 0.901, 0.889, 0.905};
  private static final double[] C = {0.81, 0.79, 0.84, 0.80};
  private static final double[] D = {0.83, 0.80, 0.86, 0.83};

  @Test
  void welchMatchesScipy() {
    TTest.Result r = TTest.welch(A, B);
    assertEquals(TTest.Kind.WELCH, r.kind());
    assertEquals(3.3661874235885554, r.t(), 1e-12);
    assertEquals(5.434585379385908, r.df(), 1e-12);
    assertEquals(0.017576141092661562, r.p(), 1e-12);
    assertEquals(0.9118 - 0.898, r.difference(), 1e-12);
    assertTrue(r.significant(0.05));
    assertFalse(r.significant(0.01));
    assertEquals(5, r.a().n());
    assertEquals(4, r.b().n());
  }

  @Test
  void pairingTheSameSeedsFindsWhatWelchCannot() {
    TTest.Result paired = TTest.paired(C, D);
    assertEquals(-4.898979485566369, paired.t(), 1e-12);
    assertEquals(3, paired.df());
    assertEquals(0.016276603459428437, paired.p(), 1e-12);
    TTest.Result welch = TTest.welch(C, D);
    assertEquals(-1.2247448713915847, welch.t(), 1e-12);
    assertEquals(5.907692307692309, welch.df(), 1e-12);
    assertEquals(0.26725185949305086, welch.p(), 1e-12);
  }

  @Test
  void samplesWithoutSpreadGivePOneOrZero() {
    TTest.Result same = TTest.welch(new double[] {0.5, 0.5}, new double[] {0.5, 0.5, 0.5});
    assertEquals(1.0, same.p());
    TTest.Result apart = TTest.welch(new double[] {0.6, 0.6}, new double[] {0.5, 0.5});
    assertEquals(0.0, apart.p());
    assertEquals(Double.POSITIVE_INFINITY, apart.t());
    assertEquals(1.0, TTest.paired(new double[] {1, 2}, new double[] {1, 2}).p());
  }

  @Test
  void tooFewValuesOrUnequalPairsAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TTest.welch(new double[] {1}, B));
    assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TTest.paired(A, B));
    assertThrows(IllegalArgumentException.class, () -> TTest.welch(new double[] {1, Double.NaN}, B), "NaN is left out");
  }

  @Test
  void sampleDescribesMeanSpreadAndRange() {
    Sample s = Sample.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9, Double.NaN});
    assertEquals(8, s.n());
    assertEquals(5, s.mean());
    assertEquals(Math.sqrt(32.0 / 7), s.sd(), 1e-15);
    assertEquals(2, s.min());
    assertEquals(9, s.max());
    assertTrue(Double.isNaN(Sample.of(new double[] {1}).sd()));
    assertEquals(0, Sample.of(new double[0]).n());
  }
}
