/**
 * Building blocks the chart components share: a ChartFX renderer that draws straight onto the plot canvas, a chart that redraws
 * once per pulse for data that arrives from any thread, and a colour-blind-safe colour map. Not API: the components' packages are.
 */
package org.layerlab.charts.internal;
