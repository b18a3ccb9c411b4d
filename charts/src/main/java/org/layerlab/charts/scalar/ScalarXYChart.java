package org.layerlab.charts.scalar;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;

/**
 * An {@link XYChart} that runs an action at the start of each pulse, before ChartFX updates its axis ranges, so that points
 * appended since the last frame are in the ranges and the drawing of the same pulse.
 */
final class ScalarXYChart extends XYChart {

  private final Runnable beforeLayout;

  ScalarXYChart(Axis xAxis, Axis yAxis, Runnable beforeLayout) {
    super(xAxis, yAxis);
    this.beforeLayout = beforeLayout;
  }

  @Override
  protected void runPreLayout() {
    if (beforeLayout != null) { // null while XYChart's constructor runs
      beforeLayout.run();
    }
    super.runPreLayout();
  }
}
