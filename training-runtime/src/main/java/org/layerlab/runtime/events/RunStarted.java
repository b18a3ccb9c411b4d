package org.layerlab.runtime.events;

/**
 * A run has started: its data is loaded and the model compiled.
 *
 * @param runId the run store's id of the run, or {@code null} when nothing records it
 * @param batchesPerEpoch training batches in one epoch (the last, partial batch included)
 * @param device where the run trains, as DJL names it: {@code cpu()} or {@code gpu(0)}; {@code null} when not told
 */
public record RunStarted(
    String runId,
    String runName,
    int epochs,
    int batchesPerEpoch,
    int trainSamples,
    int validationSamples,
    long startedAtMillis,
    String device) {

  /** A start that does not name its device. */
  public RunStarted(
      String runId, String runName, int epochs, int batchesPerEpoch, int trainSamples, int validationSamples, long startedAtMillis) {
    this(runId, runName, epochs, batchesPerEpoch, trainSamples, validationSamples, startedAtMillis, null);
  }
}
