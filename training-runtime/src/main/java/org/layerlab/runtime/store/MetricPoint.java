package org.layerlab.runtime.store;

/**
 * One scalar measurement of a run.
 *
 * @param tag the series name, see {@link org.layerlab.runtime.events.MetricTags}
 * @param step the global step, or the epoch number for epoch-level tags
 * @param value NaN when the measurement was not a number (a diverged loss)
 */
public record MetricPoint(String tag, long step, long wallTimeMillis, double value) {}
