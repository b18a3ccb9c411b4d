package org.layerlab.runtime.events;

/**
 * The classification figures of one epoch; sent right after the epoch's {@link EpochMetrics}.
 *
 * @param train measured on the training batches as they were trained, with dropout on and the weights changing batch by batch
 * @param validation measured on the validation set after the epoch, in evaluation mode
 * @param learningRate the rate of the epoch's last step
 */
public record EpochScores(
    int epoch, long step, ClassificationScores train, ClassificationScores validation, double learningRate, long wallTimeMillis) {}
