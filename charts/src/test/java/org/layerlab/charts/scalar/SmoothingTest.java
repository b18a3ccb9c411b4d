package org.layerlab.charts.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmoothingTest {

  private static final double EPS = 1e-12;

  @Test
  void exponentialMatchesTensorBoardsDebiasedAverageWorkedByHand() {
    // w = 0.6, values 1, 2, 4:
    //   last = 0.4 * 1 = 0.4                 debias 1 - 0.6   = 0.4   -> 1.0
    //   last = 0.4 * 0.6 + 0.4 * 2 = 1.04    debias 1 - 0.36  = 0.64  -> 1.625
    //   last = 1.04 * 0.6 + 0.4 * 4 = 2.224  debias 1 - 0.216 = 0.784 -> 2.836734693877551
    double[] out = Smoothing.exponential(0.6).apply(new double[] {1, 2, 4});

    assertEquals(1.0, out[0], EPS);
    assertEquals(1.625, out[1], EPS);
    assertEquals(2.224 / 0.784, out[2], EPS);
  }

  @Test
  void theFirstSmoothedValueIsTheFirstValueNotPulledTowardsZero() {
    // Without the debias division the first value would be (1 - w) * v = 0.1 * 5.
    assertEquals(5.0, Smoothing.exponential(0.9).apply(new double[] {5})[0], EPS);
  }

  @Test
  void nonFiniteValuesPassThroughAndDoNotCountForTheDebias() {
    // w = 0.5, values 2, NaN, 4, +Inf, 8; only 2, 4, 8 count:
    //   last = 0.5 * 2 = 1                   debias 0.5    -> 2
    //   last = 1 * 0.5 + 0.5 * 4 = 2.5       debias 0.75   -> 3.3333333333333335
    //   last = 2.5 * 0.5 + 0.5 * 8 = 5.25    debias 0.875  -> 6
    double[] out =
        Smoothing.exponential(0.5).apply(new double[] {2, Double.NaN, 4, Double.POSITIVE_INFINITY, 8});

    assertEquals(2.0, out[0], EPS);
    assertTrue(Double.isNaN(out[1]));
    assertEquals(2.5 / 0.75, out[2], EPS);
    assertEquals(Double.POSITIVE_INFINITY, out[3]);
    assertEquals(6.0, out[4], EPS);
  }

  @Test
  void aConstantSeriesStaysExactlyConstantForEveryKindAndStrength() {
    double[] constant = new double[5_000];
    Arrays.fill(constant, 0.1); // 0.1 has no exact binary form: rounding would show here
    constant[17] = Double.NaN;
    for (Smoothing s :
        new Smoothing[] {
          Smoothing.exponential(0.6), Smoothing.exponential(0.99), Smoothing.exponential(Smoothing.MAX_WEIGHT),
          Smoothing.movingAverage(7), Smoothing.movingAverage(200), Smoothing.none()
        }) {
      double[] out = s.apply(constant);
      for (int i = 0; i < out.length; i++) {
        if (i == 17) {
          assertTrue(Double.isNaN(out[i]));
        } else {
          assertEquals(0.1, out[i], 0.0, s + " changed point " + i);
        }
      }
    }
  }

  @Test
  void movingAverageIsTheTrailingMeanOfTheLastFiniteValues() {
    // window 3 over 1, 2, NaN, 4, 6, 8:
    //   1 -> 1; 2 -> 1.5; NaN -> NaN; 4 -> (1+2+4)/3; 6 -> (2+4+6)/3; 8 -> (4+6+8)/3
    double[] out = Smoothing.movingAverage(3).apply(new double[] {1, 2, Double.NaN, 4, 6, 8});

    assertEquals(1.0, out[0], EPS);
    assertEquals(1.5, out[1], EPS);
    assertTrue(Double.isNaN(out[2]));
    assertEquals(7.0 / 3, out[3], EPS);
    assertEquals(4.0, out[4], EPS);
    assertEquals(6.0, out[5], EPS);
  }

  @Test
  void smoothingInPiecesGivesTheSameValuesAsAllAtOnce() {
    Random random = new Random(3);
    double[] values = new double[10_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 997 == 0 ? Double.NaN : Math.exp(-i / 3000.0) + random.nextGaussian() * 0.1;
    }
    for (Smoothing s : new Smoothing[] {Smoothing.exponential(0.95), Smoothing.movingAverage(50)}) {
      double[] whole = s.apply(values);
      Smoothing.Smoother smoother = s.newSmoother();
      double[] pieces = new double[values.length];
      for (int end = 0; end < values.length; end = Math.min(values.length, end + 1 + random.nextInt(700))) {
        smoother.extend(values, end, pieces);
      }
      smoother.extend(values, values.length, pieces);
      assertArrayEquals(whole, pieces, 0.0, s.toString());
    }
  }

  @Test
  void weightZeroAndWindowOneLeaveTheCurveAsItIs() {
    double[] values = {3, 1, 4, 1, 5};
    assertArrayEquals(values, Smoothing.exponential(0).apply(values), 0.0);
    assertArrayEquals(values, Smoothing.movingAverage(1).apply(values), 0.0);
    assertFalse(Smoothing.exponential(0).isActive());
    assertFalse(Smoothing.movingAverage(1).isActive());
    assertTrue(Smoothing.DEFAULT.isActive());
  }

  @Test
  void outOfRangeSettingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Smoothing.exponential(1.0));
    assertThrows(IllegalArgumentException.class, () -> Smoothing.exponential(-0.1));
    assertThrows(IllegalArgumentException.class, () -> Smoothing.movingAverage(0));
  }
}
