package org.layerlab.app.training;

import java.util.ArrayDeque;

/**
 * The time figures of a run's progress line: elapsed time, a smoothed throughput and the time left.
 *
 * <p>The time left is the steps still to train divided by the rate of the last {@value #WINDOW_MILLIS} ms of training (validation
 * included, pauses left out), so it follows a run that speeds up or slows down without jumping at every batch. Throughput is the
 * runtime's samples per second (already averaged over its last batches) smoothed once more with an exponential moving average,
 * {@code s = w * s + (1 - w) * x}, read every refresh. Not thread-safe: the UI thread owns it.
 */
final class ProgressEstimator {

  /** How far back the rate of steps is measured. */
  static final long WINDOW_MILLIS = 10_000;

  /** The shortest span of training that gives a rate; before it the time left is unknown. */
  static final long MIN_SPAN_MILLIS = 500;

  /** Weight of the previous value in the throughput's moving average, per refresh. */
  static final double THROUGHPUT_WEIGHT = 0.8;

  private final long startMillis;
  private final ArrayDeque<long[]> window = new ArrayDeque<>();
  private long pausedSince = -1;
  private long pausedTotal;
  private double throughput = Double.NaN;

  ProgressEstimator(long startMillis) {
    this.startMillis = startMillis;
  }

  void pause(long now) {
    if (pausedSince < 0) {
      pausedSince = now;
    }
  }

  void resume(long now) {
    if (pausedSince >= 0) {
      pausedTotal += now - pausedSince;
      pausedSince = -1;
    }
  }

  boolean isPaused() {
    return pausedSince >= 0;
  }

  /** Time since the run started, pauses included. */
  long elapsedMillis(long now) {
    return now - startMillis;
  }

  /** Time spent training, pauses left out. */
  long activeMillis(long now) {
    long paused = pausedTotal + (pausedSince >= 0 ? now - pausedSince : 0);
    return now - startMillis - paused;
  }

  /** Records the latest step seen and the runtime's throughput at it. */
  void observe(long step, double samplesPerSecond, long now) {
    long active = activeMillis(now);
    long[] last = window.peekLast();
    if (last == null || last[1] != step) {
      window.addLast(new long[] {active, step});
    }
    // Keep one point at or before the window's start, so the rate spans the whole window.
    while (window.size() > 2) {
      var it = window.iterator();
      it.next();
      if (it.next()[0] <= active - WINDOW_MILLIS) {
        window.removeFirst();
      } else {
        break;
      }
    }
    if (Double.isFinite(samplesPerSecond) && samplesPerSecond > 0) {
      throughput = Double.isNaN(throughput) ? samplesPerSecond : THROUGHPUT_WEIGHT * throughput + (1 - THROUGHPUT_WEIGHT) * samplesPerSecond;
    }
  }

  /** The smoothed samples per second, NaN before the first step. */
  double samplesPerSecond() {
    return throughput;
  }

  /** Steps per second of training from the window's first step to now, NaN while there is too little to tell. */
  double stepsPerSecond(long now) {
    long[] first = window.peekFirst();
    long[] last = window.peekLast();
    if (first == null || first == last) {
      return Double.NaN;
    }
    long span = activeMillis(now) - first[0]; // up to now: a run that has stalled since its last step slows down
    if (span < MIN_SPAN_MILLIS) {
      return Double.NaN;
    }
    return (last[1] - first[1]) * 1000.0 / span;
  }

  /** Seconds until {@code totalSteps} at the current rate, NaN while unknown. */
  double secondsLeft(long totalSteps, long now) {
    long[] last = window.peekLast();
    double rate = stepsPerSecond(now);
    if (last == null || !(rate > 0)) {
      return Double.NaN;
    }
    return Math.max(0, totalSteps - last[1]) / rate;
  }

  /** Seconds as {@code m:ss} or {@code h:mm:ss}. */
  static String clock(double seconds) {
    long s = Math.round(seconds);
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long r = s % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, r) : String.format("%d:%02d", m, r);
  }
}
