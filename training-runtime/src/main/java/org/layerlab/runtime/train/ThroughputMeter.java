package org.layerlab.runtime.train;

/**
 * Training samples per second over the last few batches: the samples of the window divided by the time those batches took. Only
 * the batches' own time counts, so validation and listeners between them do not lower the figure.
 */
final class ThroughputMeter {

  private final long[] nanos;
  private final int[] samples;
  private int next;
  private int filled;
  private long nanoSum;
  private long sampleSum;

  ThroughputMeter(int window) {
    nanos = new long[window];
    samples = new int[window];
  }

  /** Records one batch and returns the smoothed samples per second. */
  double add(int batchSamples, long batchNanos) {
    if (filled == nanos.length) {
      nanoSum -= nanos[next];
      sampleSum -= samples[next];
    } else {
      filled++;
    }
    nanos[next] = batchNanos;
    samples[next] = batchSamples;
    nanoSum += batchNanos;
    sampleSum += batchSamples;
    next = (next + 1) % nanos.length;
    return nanoSum <= 0 ? 0 : sampleSum * 1e9 / nanoSum;
  }
}
