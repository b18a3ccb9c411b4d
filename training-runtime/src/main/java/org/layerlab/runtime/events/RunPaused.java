package org.layerlab.runtime.events;

/**
 * The run has paused between two batches: after a pause was asked for, or after the single step it was allowed. Nothing trains until
 * it resumes, takes another single step, or stops.
 *
 * @param step steps done so far; the next batch will be step {@code step + 1}
 * @param epoch the epoch the next batch belongs to, from 1
 * @param batch the next batch within its epoch, from 1
 */
public record RunPaused(long step, int epoch, int batch, long wallTimeMillis) {}
