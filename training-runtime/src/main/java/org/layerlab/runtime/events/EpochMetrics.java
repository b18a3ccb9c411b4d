package org.layerlab.runtime.events;

/**
 * One epoch done, with the training averages over its batches and the validation figures measured after it.
 *
 * @param epoch from 1
 * @param step the global step at the end of the epoch
 */
public record EpochMetrics(
    int epoch,
    long step,
    double trainLoss,
    double trainAccuracy,
    double validationLoss,
    double validationAccuracy,
    long wallTimeMillis) {}
