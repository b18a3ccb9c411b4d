package org.layerlab.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressEstimatorTest {

  @Test
  void timeLeftIsTheRemainingStepsAtTheRateOfTheLastWindow() {
    ProgressEstimator e = new ProgressEstimator(0);
    assertTrue(Double.isNaN(e.secondsLeft(1000, 0)), "unknown before any step");
    // 10 steps per second for 4 s
    for (int t = 0; t <= 4000; t += 100) {
      e.observe(t / 100, 640, t);
    }
    assertEquals(10, e.stepsPerSecond(4000), 1e-9);
    assertEquals((1000 - 40) / 10.0, e.secondsLeft(1000, 4000), 1e-9);
  }

  @Test
  void theRateFollowsASlowdownOnceItFillsTheWindow() {
    ProgressEstimator e = new ProgressEstimator(0);
    long t = 0;
    long step = 0;
    for (; t < 20_000; t += 100) {
      e.observe(step++, 1000, t); // 10 steps/s
    }
    for (long end = t + 20_000; t <= end; t += 100) {
      if (t % 200 == 0) {
        step++; // 5 steps/s
      }
      e.observe(step, 500, t);
    }
    t -= 100;
    assertEquals(5, e.stepsPerSecond(t), 0.2, "the old rate has left the window");
  }

  @Test
  void pausesCountForElapsedTimeButNotForTheRate() {
    ProgressEstimator e = new ProgressEstimator(0);
    e.observe(0, 100, 0);
    e.observe(10, 100, 1000);
    e.pause(1000);
    e.resume(61_000);
    e.observe(20, 100, 62_000);
    assertEquals(62_000, e.elapsedMillis(62_000));
    assertEquals(2_000, e.activeMillis(62_000));
    assertEquals(10, e.stepsPerSecond(62_000), 1e-9, "a minute's pause does not slow the estimate");
  }

  @Test
  void throughputIsAnExponentialMovingAverage() {
    ProgressEstimator e = new ProgressEstimator(0);
    e.observe(1, 1000, 0);
    assertEquals(1000, e.samplesPerSecond(), 1e-9, "the first value as it is");
    e.observe(2, 2000, 100);
    assertEquals(ProgressEstimator.THROUGHPUT_WEIGHT * 1000 + (1 - ProgressEstimator.THROUGHPUT_WEIGHT) * 2000, e.samplesPerSecond(), 1e-9);
  }

  @Test
  void clockWritesMinutesAndHours() {
    assertEquals("0:07", ProgressEstimator.clock(7.2));
    assertEquals("2:05", ProgressEstimator.clock(125));
    assertEquals("1:00:01", ProgressEstimator.clock(3601));
  }
}
