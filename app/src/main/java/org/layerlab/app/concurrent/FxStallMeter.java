package org.layerlab.app.concurrent;

import java.util.Arrays;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the JavaFX thread stalls: while started it notes the time of every pulse, and {@link #stop()} tells the longest
 * gap between two pulses and the 99th percentile. A gap is how long the window could not answer a click or show a frame. The app
 * measures each training run with it when started with {@code -Dlayerlab.stalls=true} (see docs/architecture.md). JavaFX thread.
 */
public final class FxStallMeter {

  /** What a measurement found. */
  public record Stalls(int pulses, double seconds, double longestMillis, double percentile99Millis, double longestAtSeconds) {

    /** One line for a log, such as "longest 41.2 ms (at 3.1 s), 99th percentile 24.0 ms, 812 frames in 13.9 s". */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "longest %.1f ms (at %.1f s), 99th percentile %.1f ms, %d frames in %.1f s",
          longestMillis,
          longestAtSeconds,
          percentile99Millis,
          pulses,
          seconds);
    }

    /** The figures of the gaps between pulses at these times (nanoseconds, in order). */
    public static Stalls of(long[] pulseNanos, int count) {
      if (count < 2) {
        return new Stalls(count, 0, 0, 0, 0);
      }
      long[] gaps = new long[count - 1];
      int longest = 0;
      for (int i = 1; i < count; i++) {
        gaps[i - 1] = pulseNanos[i] - pulseNanos[i - 1];
        if (gaps[i - 1] > gaps[longest]) {
          longest = i - 1;
        }
      }
      double longestAt = (pulseNanos[longest] - pulseNanos[0]) / 1e9;
      Arrays.sort(gaps);
      int p99 = Math.min(gaps.length - 1, (int) Math.ceil(0.99 * gaps.length) - 1);
      return new Stalls(
          count, (pulseNanos[count - 1] - pulseNanos[0]) / 1e9, gaps[gaps.length - 1] / 1e6, gaps[Math.max(0, p99)] / 1e6, longestAt);
    }
  }

  private long[] pulses = new long[4096];
  private int count;
  private final AnimationTimer timer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          if (count == pulses.length) {
            pulses = Arrays.copyOf(pulses, pulses.length * 2);
          }
          pulses[count++] = System.nanoTime(); // when the pulse ran, not when it was due
        }
      };
  private boolean running;

  /** Starts measuring, forgetting an earlier measurement. */
  public void start() {
    count = 0;
    running = true;
    timer.start();
  }

  public boolean isRunning() {
    return running;
  }

  /** Stops measuring and tells what it found. */
  public Stalls stop() {
    timer.stop();
    running = false;
    return Stalls.of(pulses, count);
  }
}
