/**
 * JavaFX chart components on ChartFX: {@link org.layerlab.charts.MetricChart} draws metric curves, such as loss and accuracy, that
 * grow live while a model trains on a background thread, and overlays the curves of finished runs. The package knows nothing of
 * DJL or of the other Layerlab modules; callers feed it plain numbers.
 */
package org.layerlab.charts;
