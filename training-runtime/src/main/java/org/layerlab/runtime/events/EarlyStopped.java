package org.layerlab.runtime.events;

/**
 * The run ends before its last epoch because the watched metric stopped improving; the {@link RunEnded} that follows says FINISHED.
 *
 * @param epoch the last epoch trained
 * @param metric the metric watched, as the project file names it ({@code validation_loss}, ...)
 * @param bestEpoch the epoch with the best value
 * @param patience epochs without improvement that end the run
 */
public record EarlyStopped(int epoch, String metric, int bestEpoch, double bestValue, int patience, long wallTimeMillis) {}
