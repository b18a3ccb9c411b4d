package org.layerlab.runtime.train.bench;

/**
 * One way's figures.
 *
 * @param timedSamples training samples processed while the clock ran
 * @param seconds how long they took
 * @param peakMemoryBytes the process's peak resident memory (VmHWM), the engine's native memory included
 * @param lastLoss the mean loss of the last epoch's batches, to show that each way really trained
 */
public record BenchResult(
    String way, long timedSamples, double seconds, double cpuSeconds, long peakMemoryBytes, double lastLoss, String engine) {

  public double samplesPerSecond() {
    return seconds <= 0 ? 0 : timedSamples / seconds;
  }

  /** Samples per second of the process's CPU time (all threads): less disturbed by other programs than wall time. */
  public double samplesPerCpuSecond() {
    return cpuSeconds <= 0 ? 0 : timedSamples / cpuSeconds;
  }
}
