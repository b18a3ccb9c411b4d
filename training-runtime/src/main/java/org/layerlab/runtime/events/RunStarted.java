package org.layerlab.runtime.events;

/**
 * A run has started: its data is loaded and the model compiled.
 *
 * @param runId the run store's id of the run, or {@code null} when nothing records it
 * @param batchesPerEpoch training batches in one epoch (the last, partial batch included)
 */
public record RunStarted(
    String runId, String runName, int epochs, int batchesPerEpoch, int trainSamples, int validationSamples, long startedAtMillis) {}
