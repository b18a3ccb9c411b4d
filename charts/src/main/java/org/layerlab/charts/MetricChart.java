package org.layerlab.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.layout.StackPane;

/**
 * Metric curves against steps or epochs: a ChartFX {@link XYChart} with a legend, zoom (drag a rectangle; right-click steps back,
 * ctrl+right-click or the toolbar's zoom-out button returns to all data) and a tooltip that shows the data point under the mouse.
 * Animation is off.
 *
 * <p>Series are added and removed on the JavaFX thread; their points may arrive from any thread (see {@link MetricSeries}). Both
 * axes range automatically over the data, with 5% padding and without rounding to tick units.
 *
 * <p>The chart and its axes carry the ids {@value #CHART_ID}, {@value #X_AXIS_ID} and {@value #Y_AXIS_ID}; where a scene holds
 * several metric charts, give each its own id with {@code setId} and look the parts up below it.
 */
public final class MetricChart extends StackPane {

  /** Id of the inner {@link XYChart}. */
  public static final String CHART_ID = "metric-chart";

  /** Id of the horizontal axis. */
  public static final String X_AXIS_ID = "metric-chart-x-axis";

  /** Id of the vertical axis. */
  public static final String Y_AXIS_ID = "metric-chart-y-axis";

  private static final double AUTO_RANGE_PADDING = 0.05;

  private final DefaultNumericAxis xAxis;
  private final DefaultNumericAxis yAxis;
  private final ErrorDataSetRenderer renderer;
  private final Zoomer zoomer;
  private final XYChart chart;
  private final List<MetricSeries> series = new ArrayList<>();

  /** Creates an empty chart; the labels name the axes, such as "step" and "loss". */
  public MetricChart(String xAxisLabel, String yAxisLabel) {
    xAxis = axis(xAxisLabel, X_AXIS_ID);
    yAxis = axis(yAxisLabel, Y_AXIS_ID);

    renderer = new ErrorDataSetRenderer();
    renderer.setErrorStyle(ErrorStyle.NONE);
    renderer.setPolyLineStyle(LineStyle.NORMAL);
    renderer.setDrawMarker(false);
    // The dash size draws error-bar caps; left above 2 it also puts a vertical tick into every legend symbol.
    renderer.setDashSize(0);
    // Without its own axes the renderer gives DataPointTooltip no axis to convert the mouse position with.
    renderer.getAxes().addAll(xAxis, yAxis);

    chart = new XYChart(xAxis, yAxis);
    chart.setId(CHART_ID);
    chart.setAnimated(false);
    chart.setLegendVisible(true);
    chart.getRenderers().setAll(renderer);

    zoomer = new Zoomer();
    zoomer.setAnimated(false);
    chart.getPlugins().addAll(zoomer, new DataPointTooltip());

    getStyleClass().add("metric-chart");
    getChildren().add(chart);
  }

  private static DefaultNumericAxis axis(String label, String id) {
    DefaultNumericAxis axis = new DefaultNumericAxis(label);
    axis.setId(id);
    axis.setUnit(null); // otherwise the label reads "step []"
    axis.setAutoRanging(true);
    axis.setAutoRangeRounding(false); // rounding to tick units clipped data in 11.3.1
    axis.setAutoRangePadding(AUTO_RANGE_PADDING);
    return axis;
  }

  /**
   * Adds a curve, drawn last and listed last in the legend. JavaFX thread.
   *
   * @param name the legend text
   * @param colorIndex index into {@link SeriesPalette}; wraps around, so any int is accepted
   * @param dashed whether to dash the line, as for a validation curve next to its training curve
   */
  public MetricSeries addSeries(String name, int colorIndex, boolean dashed) {
    requireFxThread("addSeries");
    MetricSeries s = new MetricSeries(name, colorIndex, dashed);
    series.add(s);
    renderer.getDatasets().add(s.dataSet());
    return s;
  }

  /**
   * Removes a curve from the plot and the legend; does nothing for a series this chart does not hold. JavaFX thread. A worker may
   * still append to the removed series: its points simply go nowhere visible.
   */
  public void removeSeries(MetricSeries s) {
    requireFxThread("removeSeries");
    if (series.remove(s)) {
      // By identity: ChartFX data sets compare equal by content, so remove(Object) could take another run's equal curve.
      renderer.getDatasets().removeIf(ds -> ds == s.dataSet());
    }
  }

  /** Removes all curves. JavaFX thread. */
  public void clearSeries() {
    requireFxThread("clearSeries");
    series.clear();
    renderer.getDatasets().clear();
  }

  /** The curves in the order they were added; an unmodifiable copy. JavaFX thread. */
  public List<MetricSeries> series() {
    requireFxThread("series");
    return List.copyOf(series);
  }

  /** Forgets any zoom and lets both axes range over all data again. JavaFX thread. */
  public void resetZoom() {
    requireFxThread("resetZoom");
    zoomer.zoomOrigin();
    zoomer.clear();
    xAxis.setAutoRanging(true);
    yAxis.setAutoRanging(true);
  }

  /**
   * The ChartFX chart inside, for tests and callers that need more than this class offers. Touch it on the JavaFX thread only, and
   * change its renderer's data sets only through {@link #addSeries} and {@link #removeSeries}.
   */
  public XYChart chart() {
    return chart;
  }

  /** The renderer that draws all series; for tests. */
  ErrorDataSetRenderer renderer() {
    return renderer;
  }

  private static void requireFxThread(String method) {
    if (!Platform.isFxApplicationThread()) {
      throw new IllegalStateException(
          "MetricChart." + method + " must run on the JavaFX thread, not " + Thread.currentThread().getName());
    }
  }
}
