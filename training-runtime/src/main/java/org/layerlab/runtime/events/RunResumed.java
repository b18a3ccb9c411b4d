package org.layerlab.runtime.events;

/**
 * A paused run trains again.
 *
 * @param step steps done so far
 * @param singleStep true when the run may do one batch and then pause again (single-step mode), false when it trains on
 */
public record RunResumed(long step, boolean singleStep, long wallTimeMillis) {}
