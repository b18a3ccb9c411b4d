package org.layerlab.runtime.tracking.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Student's t and the incomplete beta function against values found without them: a printed table, closed forms, numerical
 * integration of the density, and SciPy 1.17.1 ({@code scipy.stats.t}, {@code scipy.special.betainc}, {@code gammaln}).
 */
class StudentTTest {

  @Test
  void theTableValueTwoPointTwoTwoEightWithTenDegreesIsFivePercent() {
    // Every t table: t = 2.228 is the two-sided 5% critical value for 10 degrees of freedom.
    assertEquals(0.05, StudentT.twoSidedP(2.228, 10), 5e-5);
    assertEquals(0.05001177181711132, StudentT.twoSidedP(2.228, 10), 1e-13, "SciPy: 2 * t.sf(2.228, 10)");
    assertEquals(0.975, StudentT.cdf(2.228, 10), 5e-5);
  }

  @ParameterizedTest(name = "t={0}, df={1}")
  @CsvSource({
    "1.0, 1, 0.5000000000000001, 0.75",
    "2.0, 2, 0.18350341907227397, 0.908248290463863",
    "0.5, 3.5, 0.6468504393225509, 0.6765747803387245",
    "3.0, 7.3, 0.018980551023133497, 0.9905097244884332",
    "-1.7, 4, 0.16435494127005, 0.082177470635025",
    "10, 3, 0.0021283990584141503, 0.9989358004707929",
    "0.1, 200, 0.920444492504321, 0.5397777537478394",
    "25, 2.2, 0.0009609737370988897, 0.9995195131314506"
  })
  void agreesWithScipy(double t, double df, double twoSided, double cdf) {
    assertEquals(twoSided, StudentT.twoSidedP(t, df), 1e-12 + 1e-10 * twoSided);
    assertEquals(cdf, StudentT.cdf(t, df), 1e-12);
  }

  @Test
  void oneAndTwoDegreesOfFreedomMatchTheirClosedForms() {
    for (double t = -30; t <= 30; t += 0.37) {
      // df = 1 is the Cauchy distribution; df = 2 has F(t) = 1/2 + t / (2 sqrt(2 + t^2)).
      assertEquals(0.5 + Math.atan(t) / Math.PI, StudentT.cdf(t, 1), 1e-13, "df 1 at t=" + t);
      assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), StudentT.cdf(t, 2), 1e-13, "df 2 at t=" + t);
    }
  }

  @ParameterizedTest(name = "df={0}")
  @CsvSource({"3", "4", "5", "10", "29"})
  void integerDegreesMatchSimpsonIntegrationOfTheDensity(int df) {
    // The density's constant from Γ at half-integers by recurrence (Γ(1/2) = √π, Γ(1) = 1), so no lnGamma is involved.
    double c = gammaOfHalf(df + 1) / (Math.sqrt(df * Math.PI) * gammaOfHalf(df));
    for (double t : new double[] {0.3, 1.0, 2.0, 3.5}) {
      int intervals = 20_000;
      double h = t / intervals;
      double sum = 0;
      for (int i = 0; i <= intervals; i++) {
        double x = i * h;
        double f = c * Math.pow(1 + x * x / df, -(df + 1) / 2.0);
        sum += f * (i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2);
      }
      double integral = sum * h / 3; // P(0 <= T <= t)
      assertEquals(1 - 2 * integral, StudentT.twoSidedP(t, df), 1e-10, "t=" + t);
    }
  }

  @Test
  void symmetryAndLimits() {
    for (double df : new double[] {0.7, 1, 3, 12.5, 1000}) {
      for (double t : new double[] {0.01, 0.5, 2, 8}) {
        assertEquals(1, StudentT.cdf(t, df) + StudentT.cdf(-t, df), 1e-14, "F(t) + F(-t) = 1");
        assertEquals(StudentT.twoSidedP(t, df), StudentT.twoSidedP(-t, df));
      }
      assertEquals(1.0, StudentT.twoSidedP(0, df), "t = 0 is no evidence at all");
      assertEquals(0.5, StudentT.cdf(0, df), 1e-15);
      assertEquals(0.0, StudentT.twoSidedP(Double.POSITIVE_INFINITY, df));
      assertTrue(StudentT.twoSidedP(1e6, df) <= StudentT.twoSidedP(1e3, df), "the tail shrinks as t grows");
    }
    assertEquals(3.922396876074418e-05, StudentT.twoSidedP(1e6, 0.7), 1e-14, "SciPy: heavy tails below one degree of freedom");
    // Many degrees of freedom: the normal distribution, whose two-sided 5% point is 1.959964.
    // ln Γ(a + b) - ln Γ(a) - ln Γ(b) loses digits to cancellation when a is huge: here about 9 significant digits remain.
    assertEquals(0.0500002772952217, StudentT.twoSidedP(1.959963984540054, 1e6), 1e-10, "SciPy");
    assertTrue(Double.isNaN(StudentT.cdf(Double.NaN, 3)));
    assertThrows(IllegalArgumentException.class, () -> StudentT.cdf(1, 0));
    assertThrows(IllegalArgumentException.class, () -> StudentT.cdf(1, Double.POSITIVE_INFINITY));
  }

  @Test
  void incompleteBetaMatchesClosedFormsAndScipy() {
    for (double x = 0; x <= 1; x += 0.05) {
      assertEquals(x, IncompleteBeta.regularized(x, 1, 1), 1e-14, "I_x(1,1) = x");
      assertEquals(Math.pow(x, 3), IncompleteBeta.regularized(x, 3, 1), 1e-14, "I_x(a,1) = x^a");
      assertEquals(
          IncompleteBeta.regularized(x, 2.5, 4), 1 - IncompleteBeta.regularized(1 - x, 4, 2.5), 1e-14, "I_x(a,b) = 1 - I_1-x(b,a)");
    }
    assertEquals(0.34829999999999994, IncompleteBeta.regularized(0.3, 2, 3), 1e-14);
    assertEquals(0.7951672353008665, IncompleteBeta.regularized(0.9, 0.5, 0.5), 1e-13);
    assertEquals(2.4712578086395438e-11, IncompleteBeta.regularized(0.01, 5, 0.5), 1e-22);
    assertEquals(0.3825092483812333, IncompleteBeta.regularized(0.7, 50, 20), 1e-12);
    assertEquals(0.5723649429247, IncompleteBeta.lnGamma(0.5), 1e-13, "ln √π");
    assertEquals(361.43554046777757, IncompleteBeta.lnGamma(100.5), 1e-10);
    assertEquals(1.428072326665388, IncompleteBeta.lnGamma(3.7), 1e-13);
    assertEquals(Math.log(120), IncompleteBeta.lnGamma(6), 1e-13, "Γ(6) = 5!");
    assertThrows(IllegalArgumentException.class, () -> IncompleteBeta.regularized(1.5, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> IncompleteBeta.regularized(0.5, 0, 1));
  }

  /** Γ(k / 2) for a positive integer k, by Γ(x + 1) = x Γ(x) from Γ(1/2) = √π and Γ(1) = 1. */
  private static double gammaOfHalf(int k) {
    double g = k % 2 == 0 ? 1 : Math.sqrt(Math.PI);
    for (int j = k % 2 == 0 ? 2 : 1; j < k; j += 2) {
      g *= j / 2.0;
    }
    return g;
  }
}
