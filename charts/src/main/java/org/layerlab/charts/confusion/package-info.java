/**
 * Confusion matrices: {@link org.layerlab.charts.confusion.ConfusionMatrix} holds the counts,
 * {@link org.layerlab.charts.confusion.ConfusionMatrixView} shows them as a heat map with counts or row shares, and reports the
 * cell a user clicks.
 */
package org.layerlab.charts.confusion;
