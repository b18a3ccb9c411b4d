package org.layerlab.runtime.train.bench;

/** Counts batches and starts the clock after the warm-up batches; the same rule for every Java way. */
final class BatchClock {

  private final int warmup;
  private int batches;
  private long samples;
  private long started;
  private long stopped;

  BatchClock(int warmup) {
    this.warmup = warmup;
    if (warmup == 0) {
      started = System.nanoTime();
    }
  }

  /** Called after each training batch of {@code size} samples. */
  void batchDone(int size) {
    batches++;
    if (batches == warmup) {
      started = System.nanoTime();
    } else if (batches > warmup) {
      samples += size;
      stopped = System.nanoTime();
    }
  }

  long samples() {
    return samples;
  }

  double seconds() {
    return (stopped - started) / 1e9;
  }
}
