package org.layerlab.runtime.events;

/**
 * The learning rate was changed by hand during the run; sent on the training thread just before the first step that trains at the
 * new rate.
 *
 * @param step the first step trained at the new rate
 * @param epoch the epoch that step belongs to, from 1
 * @param oldRate the rate that step would have had without the change
 * @param newRate the rate it trains at
 */
public record LearningRateChanged(long step, int epoch, double oldRate, double newRate, long wallTimeMillis) {}
