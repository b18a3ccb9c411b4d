package org.layerlab.runtime.events;

/**
 * One training batch done.
 *
 * @param step global batch count, from 1
 * @param epoch the current epoch, from 1
 * @param batch the batch within the epoch, from 1 to {@code batchesPerEpoch}
 * @param loss mean training loss of this batch
 * @param accuracy share of this batch's samples classified right
 * @param samplesPerSecond training throughput over the last batches
 */
public record StepMetrics(
    long step,
    int epoch,
    int batch,
    int batchesPerEpoch,
    double loss,
    double accuracy,
    double samplesPerSecond,
    long wallTimeMillis) {

  /** Progress in epochs as a fraction, such as 2.5 half-way through the third epoch; the x of per-step curves. */
  public double epochFraction() {
    return (epoch - 1) + (double) batch / batchesPerEpoch;
  }
}
