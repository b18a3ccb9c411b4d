/**
 * Hyperparameters against a metric as parallel coordinates: {@link org.layerlab.charts.parallel.ParallelCoordinatesView} draws
 * one line per {@link org.layerlab.charts.parallel.Trial} across an axis per dimension, coloured by the metric, and selects the
 * trials inside the intervals brushed on the axes.
 */
package org.layerlab.charts.parallel;
