package org.layerlab.runtime.events;

/**
 * The regression figures of one epoch, the counterpart of {@link EpochScores} for a model that predicts numbers; sent right after
 * the epoch's {@link EpochMetrics} (whose accuracies are then NaN).
 *
 * @param train measured on the training batches as they were trained, with dropout on and the weights changing batch by batch
 * @param validation measured on the validation set after the epoch, in evaluation mode
 * @param learningRate the rate of the epoch's last step
 */
public record EpochRegressionScores(
    int epoch, long step, RegressionScores train, RegressionScores validation, double learningRate, long wallTimeMillis) {}
