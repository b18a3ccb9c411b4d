package org.layerlab.charts;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import java.util.Objects;

/**
 * One curve of a {@link MetricChart}, such as the training loss of one run.
 *
 * <p>{@link #append}, {@link #appendAll}, {@link #clear}, {@link #size} and {@link #lastY} are safe from any thread, typically the
 * training thread. Writes only change the underlying ChartFX data set under its write lock; the chart notices and redraws once on
 * the next JavaFX pulse, however many points arrived in between. Nothing here calls {@code Platform.runLater}.
 *
 * <p><b>Non-finite values are skipped.</b> A point whose x or y is NaN or infinite, such as the loss of a diverged run, is not
 * stored: the curve ends at, or continues from, the last finite point, and {@link #size} and {@link #lastY} count only stored
 * points. A single NaN must not stretch or break the axes, and a diverged run has nothing further worth drawing.
 *
 * <p>Points are expected in order of non-decreasing x (steps or epochs): the renderer assumes sorted x to pick the visible range.
 */
public final class MetricSeries {

  /** Line width in pixels; thick enough to tell a colour from the grid, thin enough for dense curves. */
  private static final double LINE_WIDTH = 1.5;

  /** On and off lengths of a dashed line, in pixels. */
  private static final double[] DASHES = {6, 4};

  private final String name;
  private final int colorIndex;
  private final boolean dashed;
  private final SeriesDataSet dataSet;

  MetricSeries(String name, int colorIndex, boolean dashed) {
    this.name = Objects.requireNonNull(name, "name");
    this.colorIndex = colorIndex;
    this.dashed = dashed;
    this.dataSet = new SeriesDataSet(name);
    dataSet.setStyle(style(colorIndex, dashed));
  }

  /**
   * The data set's inline style. ChartFX 11.3 parses it as JavaFX CSS on the data set's scene-graph node, so the keys are the
   * {@code -fx-line-*} properties of {@code DataSetNodeParameter}; the legend symbol is drawn from the same line style.
   */
  static String style(int colorIndex, boolean dashed) {
    String hex = SeriesPalette.hex(colorIndex);
    DataSetStyleBuilder style =
        DataSetStyleBuilder.newInstance().setLineColor(hex).setMarkerColor(hex).setLineWidth(LINE_WIDTH);
    if (dashed) {
      style.setLineDashes(DASHES);
    }
    return style.build();
  }

  /** The name shown in the legend. */
  public String name() {
    return name;
  }

  /** Index into {@link SeriesPalette}. */
  public int colorIndex() {
    return colorIndex;
  }

  /** Whether the curve is drawn dashed, as for a validation curve next to its solid training curve. */
  public boolean dashed() {
    return dashed;
  }

  /** Appends one point; skipped when x or y is not finite. Any thread. */
  public void append(double x, double y) {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      return;
    }
    // add(x, y, label) appends at the end under the lock; add(x, y) inserts at an index it reads before taking the lock, so two
    // writers could interleave out of order.
    dataSet.add(x, y, null);
  }

  /**
   * Appends points in array order under one acquisition of the data set's write lock; pairs with a non-finite x or y are
   * skipped. Any thread. The values are copied, so the caller may reuse the arrays.
   *
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public void appendAll(double[] xs, double[] ys) {
    Objects.requireNonNull(xs, "xs");
    Objects.requireNonNull(ys, "ys");
    if (xs.length != ys.length) {
      throw new IllegalArgumentException("xs has " + xs.length + " values but ys has " + ys.length);
    }
    double[] keptX = xs;
    double[] keptY = ys;
    int kept = countFinitePairs(xs, ys);
    if (kept == 0) {
      return;
    }
    if (kept < xs.length) {
      keptX = new double[kept];
      keptY = new double[kept];
      for (int i = 0, k = 0; i < xs.length; i++) {
        if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
          keptX[k] = xs[i];
          keptY[k] = ys[i];
          k++;
        }
      }
    }
    dataSet.add(keptX, keptY); // copies the values in under one write lock
  }

  private static int countFinitePairs(double[] xs, double[] ys) {
    int n = 0;
    for (int i = 0; i < xs.length; i++) {
      if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
        n++;
      }
    }
    return n;
  }

  /** Removes all points. Any thread. */
  public void clear() {
    dataSet.clearData();
  }

  /** Number of stored points, read under the data set's read lock. Any thread. */
  public int size() {
    return dataSet.lock().readLockGuard(() -> dataSet.getDataCount());
  }

  /** The y of the last stored point, or NaN when the series is empty. Any thread. */
  public double lastY() {
    return dataSet
        .lock()
        .readLockGuard(
            () -> {
              int n = dataSet.getDataCount();
              return n == 0 ? Double.NaN : dataSet.get(DataSet.DIM_Y, n - 1);
            });
  }

  /** The ChartFX data set behind the curve; for the chart and for tests, which read it under its read lock. */
  SeriesDataSet dataSet() {
    return dataSet;
  }

  @Override
  public String toString() {
    return "MetricSeries[" + name + "]";
  }
}
