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
 * Platform.runLater} per change. A chart that cannot be seen (on a tab not selected) keeps the request until it is shown.
 */
public class PlotChart extends XYChart {

  private final AtomicBoolean requested = new AtomicBoolean();
  private long minimumIntervalNanos;
  private long lastRedrawNanos;

  public PlotChart(Axis xAxis, Axis yAxis) {
    super(xAxis, yAxis);
  }

  /**
   * Redraws at most once in {@code millis} for {@link #requestRedraw()}: a view fed every epoch of a small dataset (dozens a second)
   * needs no more frames than the eye takes in. The latest data are drawn when the interval is up. JavaFX thread.
   */
  public void setMinimumRedrawInterval(long millis) {
    minimumIntervalNanos = Math.max(0, millis) * 1_000_000L;
  }

  /** Asks for a redraw on the next pulse. Any thread. */
  public void requestRedraw() {
    if (requested.compareAndSet(false, true)) {
      Platform.requestNextPulse();
    }
  }

  @Override
  protected void runPreLayout() {
    // null while XYChart's constructor runs; a hidden chart keeps its request for the first pulse it is shown (see Visibility)
    if (requested != null && requested.get() && Visibility.shown(this)) {
      long now = System.nanoTime();
      if (lastRedrawNanos != 0 && now - lastRedrawNanos < minimumIntervalNanos) {
        Platform.requestNextPulse(); // too soon: look again on the next pulse, the request stays
      } else {
        requested.set(false);
        lastRedrawNanos = now;
        fireInvalidated(ChartBits.ChartCanvas);
      }
    }
    super.runPreLayout();
  }
}
