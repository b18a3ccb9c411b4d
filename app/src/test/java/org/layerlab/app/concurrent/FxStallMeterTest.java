package org.layerlab.app.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxStallMeterTest {

  @Test
  void theLongestGapAndThe99thPercentileComeFromTheGapsBetweenPulses() {
    Random random = new Random(7);
    int n = 1_001;
    long[] times = new long[n];
    long[] gaps = new long[n - 1];
    for (int i = 1; i < n; i++) {
      gaps[i - 1] = 10_000_000L + random.nextInt(10_000_000); // 10-20 ms
      times[i] = times[i - 1] + gaps[i - 1];
    }
    FxStallMeter.Stalls s = FxStallMeter.Stalls.of(times, n);
    long[] sorted = gaps.clone();
    Arrays.sort(sorted);
    assertEquals(sorted[sorted.length - 1] / 1e6, s.longestMillis(), 1e-9);
    // 1,000 gaps: the 99th percentile is the 990th smallest, with only ten above it
    assertEquals(sorted[989] / 1e6, s.percentile99Millis(), 1e-9);
    assertEquals(times[n - 1] / 1e9, s.seconds(), 1e-9);
    assertEquals(n, s.pulses());
    int at = 0;
    for (int i = 1; i < gaps.length; i++) {
      at = gaps[i] > gaps[at] ? i : at;
    }
    assertEquals(times[at] / 1e9, s.longestAtSeconds(), 1e-9, "where the longest gap began");
    assertTrue(s.describe().startsWith(String.format(java.util.Locale.ROOT, "longest %.1f ms", s.longestMillis())), s.describe());
  }

  @Test
  void fewerThanTwoPulsesHaveNoGap() {
    assertEquals(0, FxStallMeter.Stalls.of(new long[] {5}, 1).longestMillis());
  }

  @Test
  void aStallOfTheFxThreadShowsAsTheLongestGap() throws Exception {
    FxStallMeter meter = WaitForAsyncUtils.asyncFx(FxStallMeter::new).get();
    WaitForAsyncUtils.asyncFx(meter::start).get();
    Thread.sleep(200);
    long stalled = 150;
    WaitForAsyncUtils.asyncFx(
            () -> {
              long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(stalled);
              while (System.nanoTime() < until) {
                Thread.onSpinWait(); // the FX thread busy: no pulse can run
              }
            })
        .get();
    Thread.sleep(200);
    FxStallMeter.Stalls s = WaitForAsyncUtils.asyncFx(meter::stop).get();
    assertFalse(WaitForAsyncUtils.asyncFx(meter::isRunning).get());
    assertTrue(s.pulses() > 5, "pulses: " + s.pulses());
    assertTrue(s.longestMillis() >= stalled, "the stall was measured: " + s.describe());
    assertTrue(s.seconds() > 0.3, "the whole measurement: " + s.describe());
  }
}
