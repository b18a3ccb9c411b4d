package org.layerlab.charts.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SchedulesTest {

  private static final double EPS = 1e-12;

  @Test
  void stepDecayDropsByTheFactorEveryPeriod() {
    LearningRateSchedule s = Schedules.stepDecay(0.1, 0.5, 100);
    assertEquals(0.1, s.rate(0), EPS);
    assertEquals(0.1, s.rate(99), EPS);
    assertEquals(0.05, s.rate(100), EPS);
    assertEquals(0.025, s.rate(250), EPS);
  }

  @Test
  void exponentialMultipliesByGammaEachStep() {
    assertEquals(0.1 * 0.9 * 0.9, Schedules.exponential(0.1, 0.9).rate(2), EPS);
  }

  @Test
  void cosineFallsFromTheRateToTheMinimumAlongHalfACosine() {
    LearningRateSchedule s = Schedules.cosine(1.0, 0.0, 100);
    assertEquals(1.0, s.rate(0), EPS);
    assertEquals(0.5, s.rate(50), EPS); // (1 + cos(pi / 2)) / 2
    assertEquals((1 + Math.cos(Math.PI / 4)) / 2, s.rate(25), EPS);
    assertEquals(0.0, s.rate(100), EPS);
    assertEquals(0.0, s.rate(150), EPS);
  }

  @Test
  void warmupRisesLinearlyThenAnneals() {
    LearningRateSchedule s = Schedules.warmupCosine(0.4, 0.0, 4, 104);
    assertEquals(0.1, s.rate(0), EPS); // 0.4 * 1 / 4
    assertEquals(0.3, s.rate(2), EPS);
    assertEquals(0.4, s.rate(4), EPS); // cosine at its start
    assertEquals(0.2, s.rate(54), EPS); // half-way through the 100 annealing steps
  }

  @Test
  void oneCycleMatchesPyTorchsDefaults() {
    // 100 steps, max 0.1: starts at 0.1 / 25 = 0.004, peaks at step 0.3 * 100 - 1 = 29, ends at 0.004 / 1e4 at step 99.
    LearningRateSchedule s = Schedules.oneCycle(0.1, 100);
    assertEquals(0.004, s.rate(0), EPS);
    assertEquals(0.1, s.rate(29), EPS);
    assertEquals(4e-7, s.rate(99), 1e-15);
    // half-way up: pct 0.5 -> end + (start - end) / 2 * (cos(pi / 2) + 1) = 0.1 + (0.004 - 0.1) / 2
    assertEquals(0.1 + (0.004 - 0.1) / 2, s.rate(14) + (s.rate(15) - s.rate(14)) * 0.5, 1e-3);
    assertThrows(IllegalArgumentException.class, () -> Schedules.oneCycle(0.1, 3));
  }
}
