package org.layerlab.runtime.events;

/**
 * A run has ended.
 *
 * @param finalValidationAccuracy validation accuracy after the last completed epoch, NaN when no epoch completed
 * @param message what happened, in words a user can act on ("stopped by the user after epoch 3", the error and its fix, ...)
 */
public record RunEnded(
    String runId, RunStatus status, int epochsCompleted, double finalValidationAccuracy, String message, long endedAtMillis) {}
