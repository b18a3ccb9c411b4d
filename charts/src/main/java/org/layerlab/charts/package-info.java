/**
 * JavaFX chart components on ChartFX. {@link org.layerlab.charts.MetricChart} draws simple metric curves that grow live while a
 * model trains on a background thread; the feature packages hold the rest: {@code scalar} (TensorBoard-grade curves of many runs),
 * {@code confusion}, {@code histogram}, {@code boundary}, {@code samples}, {@code parallel} and {@code schedule}, with
 * {@code demo} showing each. The module knows nothing of DJL or of the other Layerlab modules; callers feed it plain numbers.
 */
package org.layerlab.charts;
