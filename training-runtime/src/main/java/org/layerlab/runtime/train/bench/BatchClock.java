package org.layerlab.runtime.train.bench;

import java.lang.management.ManagementFactory;

/**
 * Counts batches and starts the clock after the warm-up batches; the same rule for every Java way. Besides wall time it keeps the
 * process's CPU time, which other programs on a shared machine disturb less.
 */
final class BatchClock {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final int warmup;
  private int batches;
  private long samples;
  private long started;
  private long stopped;
  private long cpuStarted;
  private long cpuStopped;

  BatchClock(int warmup) {
    this.warmup = warmup;
    if (warmup == 0) {
      started = System.nanoTime();
      cpuStarted = OS.getProcessCpuTime();
    }
  }

  /** Called after each training batch of {@code size} samples. */
  void batchDone(int size) {
    batches++;
    if (batches == warmup) {
      started = System.nanoTime();
      cpuStarted = OS.getProcessCpuTime();
    } else if (batches > warmup) {
      samples += size;
      stopped = System.nanoTime();
      cpuStopped = OS.getProcessCpuTime();
    }
  }

  /** The process's CPU seconds, all its threads, while the clock ran. */
  double cpuSeconds() {
    return (cpuStopped - cpuStarted) / 1e9;
  }

  long samples() {
    return samples;
  }

  double seconds() {
    return (stopped - started) / 1e9;
  }
}
