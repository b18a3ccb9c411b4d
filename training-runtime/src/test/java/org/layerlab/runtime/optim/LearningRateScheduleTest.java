package org.layerlab.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each schedule's rates against its formula, at the steps where it changes. Ten steps make an epoch here. */
class LearningRateScheduleTest {

  private static final int PER_EPOCH = 10;

  @Test
  void constantNeverChanges() {
    LearningRateSchedule s = LearningRateSchedule.constant(0.01);
    assertEquals(0.01, s.rate(0));
    assertEquals(0.01, s.rate(1_000_000));
  }

  @Test
  void stepDecayMultipliesByGammaEveryFewEpochs() {
    LearningRateSchedule s = LearningRateSchedule.stepDecay(0.1, PER_EPOCH, 2, 0.5);
    assertEquals(0.1, s.rate(0));
    assertEquals(0.1, s.rate(19), "epoch 1 is still in the first block of two");
    assertEquals(0.05, s.rate(20), 1e-15);
    assertEquals(0.1 * Math.pow(0.5, 3), s.rate(60), 1e-15);
  }

  @Test
  void multiStepDecayMultipliesAtEachMilestone() {
    LearningRateSchedule s = LearningRateSchedule.multiStepDecay(1.0, PER_EPOCH, new int[] {2, 5}, 0.1);
    assertEquals(1.0, s.rate(19));
    assertEquals(0.1, s.rate(20), 1e-15);
    assertEquals(0.1, s.rate(49), 1e-15);
    assertEquals(0.01, s.rate(50), 1e-15);
    assertEquals(0.01, s.rate(500), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.multiStepDecay(1, PER_EPOCH, new int[] {5, 2}, 0.1));
  }

  @Test
  void exponentialDecayMultipliesEveryEpoch() {
    LearningRateSchedule s = LearningRateSchedule.exponentialDecay(0.2, PER_EPOCH, 0.9);
    assertEquals(0.2, s.rate(9));
    assertEquals(0.2 * 0.9, s.rate(10), 1e-15);
    assertEquals(0.2 * Math.pow(0.9, 7), s.rate(75), 1e-15);
  }

  @Test
  void cosineFallsFromTheRateToTheMinimumAlongHalfACosine() {
    LearningRateSchedule s = LearningRateSchedule.cosine(0.1, 100, 0.001);
    assertEquals(0.1, s.rate(0), 1e-15);
    assertEquals(0.001 + 0.099 * (1 + Math.cos(Math.PI * 0.25)) / 2, s.rate(25), 1e-15);
    assertEquals(0.0505, s.rate(50), 1e-15, "half-way is the mean of the two rates");
    assertEquals(0.001, s.rate(100), 1e-15);
    assertEquals(0.001, s.rate(1000), 1e-15);
  }

  @Test
  void warmupClimbsLinearlyThenFollowsTheCosine() {
    LearningRateSchedule s = LearningRateSchedule.warmupCosine(0.1, 10, 110, 0);
    assertEquals(0.01, s.rate(0), 1e-15, "the first update already moves");
    assertEquals(0.05, s.rate(4), 1e-15);
    assertEquals(0.1, s.rate(9), 1e-15, "the last warm-up step reaches the rate");
    assertEquals(0.1, s.rate(10), 1e-15, "and the cosine starts from it");
    assertEquals(0.05, s.rate(60), 1e-15);
    assertEquals(0.1 * (1 + Math.cos(Math.PI * 0.9)) / 2, s.rate(100), 1e-15);
    assertEquals(0, s.rate(110), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.warmupCosine(0.1, 10, 10, 0));
  }

  @Test
  void reduceOnPlateauCutsTheRateAfterPatienceEpochsWithoutImprovement() {
    LearningRateSchedule s = LearningRateSchedule.reduceOnPlateau(0.1, false, 0.5, 2, 0.01, 0.02);
    s.epochEnded(1, 1.0);
    s.epochEnded(2, 0.995); // within the 1% threshold: not an improvement (1 bad epoch)
    s.epochEnded(3, 1.2); // 2 bad epochs: still patient
    assertEquals(0.1, s.rate(30));
    s.epochEnded(4, 1.1); // 3 bad epochs > patience 2: halve
    assertEquals(0.05, s.rate(40), 1e-15);
    s.epochEnded(5, 0.5); // improves
    s.epochEnded(6, 0.6);
    s.epochEnded(7, 0.6);
    s.epochEnded(8, 0.6); // three bad: halve again, to 0.025
    assertEquals(0.025, s.rate(80), 1e-15);
    for (int e = 9; e <= 20; e++) {
      s.epochEnded(e, Double.NaN); // NaN never improves
    }
    assertEquals(0.02, s.rate(200), 1e-15, "never below the minimum");
  }

  @Test
  void reduceOnPlateauMaximisingWatchesForAHigherValue() {
    LearningRateSchedule s = LearningRateSchedule.reduceOnPlateau(1.0, true, 0.1, 0, 0, 0);
    s.epochEnded(1, 0.5);
    s.epochEnded(2, 0.6);
    assertEquals(1.0, s.rate(0));
    s.epochEnded(3, 0.55);
    assertEquals(0.1, s.rate(0), 1e-15);
  }

  @Test
  void reduceOnPlateauStateRestoresWhereItWas() {
    LearningRateSchedule s = LearningRateSchedule.reduceOnPlateau(0.1, false, 0.5, 1, 0, 0);
    s.epochEnded(1, 1.0);
    s.epochEnded(2, 1.0);
    LearningRateSchedule t = LearningRateSchedule.reduceOnPlateau(0.1, false, 0.5, 1, 0, 0);
    t.restore(s.state());
    assertArrayEquals(s.state(), t.state());
    s.epochEnded(3, 1.0);
    t.epochEnded(3, 1.0);
    assertEquals(0.05, t.rate(0), 1e-15);
    assertEquals(s.rate(0), t.rate(0));
  }

  @Test
  void theTrackerCountsFromOneAndTheScheduleFromZero() {
    ScheduleTracker tracker = new ScheduleTracker(LearningRateSchedule.exponentialDecay(1, 1, 0.5));
    assertEquals(1f, tracker.getNewValue(1));
    assertEquals(0.5f, tracker.getNewValue(2));
  }
}
