/**
 * A grid of input images with their true and predicted labels, misclassified ones marked:
 * {@link org.layerlab.charts.samples.SampleGrid} of {@link org.layerlab.charts.samples.Sample}s.
 */
package org.layerlab.charts.samples;
