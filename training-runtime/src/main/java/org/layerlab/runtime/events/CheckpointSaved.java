package org.layerlab.runtime.events;

/**
 * A checkpoint was written after an epoch.
 *
 * @param kind {@code last} (every epoch) or {@code best} (when the watched metric improved)
 * @param path the checkpoint's folder
 * @param metric the metric that chooses the best checkpoint, as the project file names it
 * @param value its value after this epoch
 */
public record CheckpointSaved(int epoch, long step, String kind, String path, String metric, double value, long wallTimeMillis) {}
