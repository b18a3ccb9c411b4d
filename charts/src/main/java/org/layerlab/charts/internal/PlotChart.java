package org.layerlab.charts.internal;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.dataset.events.ChartBits;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * An {@link XYChart} whose model may change on any thread: {@link #requestRedraw()} only sets a flag and, the first time since
 * the last frame, asks JavaFX for a pulse; at the start of that pulse, before ChartFX updates its axes, the chart invalidates
 * itself, so the new data are in the axis ranges and the drawing of the same pulse. At most one redraw per pulse, and no {@code
 * Platform.runLater} per change.
 */
public class PlotChart extends XYChart {

  private final AtomicBoolean requested = new AtomicBoolean();

  public PlotChart(Axis xAxis, Axis yAxis) {
    super(xAxis, yAxis);
  }

  /** Asks for a redraw on the next pulse. Any thread. */
  public void requestRedraw() {
    if (requested.compareAndSet(false, true)) {
      Platform.requestNextPulse();
    }
  }

  @Override
  protected void runPreLayout() {
    if (requested != null && requested.getAndSet(false)) { // null while XYChart's constructor runs
      fireInvalidated(ChartBits.ChartCanvas);
    }
    super.runPreLayout();
  }
}
