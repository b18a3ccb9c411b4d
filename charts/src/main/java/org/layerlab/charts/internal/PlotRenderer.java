package org.layerlab.charts.internal;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.spi.AbstractRendererXY;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.events.ChartBits;
import io.fair_acc.dataset.spi.DataRange;
import javafx.scene.canvas.GraphicsContext;

/**
 * A ChartFX renderer that draws a component's own model onto the plot canvas in data coordinates, with ChartFX providing axes,
 * grid, zoom and the redraw. Subclasses say what range their data spans and draw it; they hold no ChartFX data sets, so nothing a
 * producer writes is ever locked by the chart.
 */
public abstract class PlotRenderer extends AbstractRendererXY<PlotRenderer> {

  protected PlotRenderer() {
    setShowInLegend(false);
  }

  /** Adds the data's x and y extents to the ranges; leave a range untouched to keep the axis where it is. JavaFX thread. */
  protected abstract void extents(DataRange x, DataRange y);

  /** Draws onto the plot canvas, whose pixel coordinates are the axes' display positions. JavaFX thread. */
  protected abstract void draw(GraphicsContext gc, Axis x, Axis y, double width, double height);

  @Override
  protected PlotRenderer getThis() {
    return this;
  }

  @Override
  protected void render(GraphicsContext gc, DataSet dataSet, DataSetNode style) {
    // Not used: there are no ChartFX data sets.
  }

  @Override
  public void render() {
    if (getChart() == null || xAxis == null || yAxis == null) {
      return;
    }
    var canvas = getChart().getCanvas();
    GraphicsContext gc = canvas.getGraphicsContext2D();
    gc.save();
    draw(gc, xAxis, yAxis, canvas.getWidth(), canvas.getHeight());
    gc.restore();
  }

  @Override
  public void updateAxisRange(Axis axis, AxisRange range) {
    DataRange x = new DataRange();
    DataRange y = new DataRange();
    extents(x, y);
    DataRange r = axis == xAxis ? x : axis == yAxis ? y : null;
    if (r != null && r.isDefined()) {
      range.add(r.getMin());
      range.add(r.getMax());
    }
  }

  /** Redraws on the next pulse. JavaFX thread. */
  public void invalidate() {
    if (getChart() != null) {
      getChart().fireInvalidated(ChartBits.ChartCanvas);
    }
  }

  /**
   * An XY chart for a plot renderer: labelled axes without units or rounding, no animation, no legend, a zoomer. The axes' ids are
   * the chart's with "-x-axis" and "-y-axis".
   */
  public static PlotChart chart(String xLabel, String yLabel, PlotRenderer renderer, String id) {
    DefaultNumericAxis x = axis(xLabel, id + "-x-axis");
    DefaultNumericAxis y = axis(yLabel, id + "-y-axis");
    renderer.getAxes().addAll(x, y);
    PlotChart chart = new PlotChart(x, y);
    chart.setId(id);
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.getRenderers().setAll(renderer);
    chart.getGridRenderer().setDrawOnTop(false); // ChartFX draws the grid over the data by default, through points and cells
    Zoomer zoomer = new Zoomer();
    zoomer.setAnimated(false);
    zoomer.setAddButtonsToToolBar(false);
    zoomer.setSliderVisible(false);
    chart.getPlugins().add(zoomer);
    return chart;
  }

  private static DefaultNumericAxis axis(String label, String id) {
    DefaultNumericAxis axis = new DefaultNumericAxis(label);
    axis.setId(id);
    axis.setUnit(null);
    axis.setAutoRanging(true);
    axis.setAutoRangeRounding(false);
    axis.setAutoRangePadding(0);
    return axis;
  }
}
