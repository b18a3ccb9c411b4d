/**
 * Scalar curves of training runs, TensorBoard-style: {@link org.layerlab.charts.scalar.ScalarChart} overlays many runs with
 * trustworthy smoothing ({@link org.layerlab.charts.scalar.Smoothing}), a min-max envelope that keeps every spike visible, event
 * markers, groups with spread bands, a crosshair readout and export. {@link org.layerlab.charts.scalar.SmoothingControl} and
 * {@link org.layerlab.charts.scalar.RunLegend} are usable on their own. Points arrive from any thread through
 * {@link org.layerlab.charts.scalar.ScalarRun}.
 */
package org.layerlab.charts.scalar;
