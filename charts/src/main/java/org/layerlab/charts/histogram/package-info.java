/**
 * Distributions of weights and gradients over training, as TensorBoard's histograms (ridge lines, offset by step) and
 * distributions (a heat map of value against step): {@link org.layerlab.charts.histogram.HistogramView} fed with
 * {@link org.layerlab.charts.histogram.HistogramSnapshot}s from any thread.
 */
package org.layerlab.charts.histogram;
