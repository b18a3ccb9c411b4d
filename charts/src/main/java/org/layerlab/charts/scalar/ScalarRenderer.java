package org.layerlab.charts.scalar;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.renderer.spi.AbstractRendererXY;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link ScalarChart}'s runs straight from their column stores onto the chart's canvas: per visible run the raw curve
 * (faint when smoothing is on) reduced to its per-pixel-column envelope, the smoothed curve on top, markers for non-finite values
 * and events, and per group its mean and spread band. ChartFX provides the axes, grid, zoom and the once-per-pulse redraw.
 *
 * <p>It holds no ChartFX data sets, so ChartFX never locks anything a producer writes; it reads each run's immutable snapshot.
 */
final class ScalarRenderer extends AbstractRendererXY<ScalarRenderer> {

  /** Opacity of the raw curve behind a smoothed one, about TensorBoard's. */
  static final double RAW_OPACITY = 0.3;

  private static final double RAW_WIDTH = 1.0;
  private static final double SMOOTHED_WIDTH = 1.75;
  private static final double BAND_OPACITY = 0.2;
  /** Points further apart than this many pixels are also drawn as dots, so a short curve shows where its values lie. */
  private static final double DOT_SPACING = 6;
  /** A pixel coordinate beyond which a point is clamped; far beyond the canvas, but safe for the rasteriser. */
  private static final double FAR = 1e6;

  private final ScalarChart owner;
  private final ColumnEnvelope.Points points = new ColumnEnvelope.Points();
  private double[] pixelY = new double[1024];
  private long frames;
  /** Per group, the lowest and highest edge of its band in the last frame; the y axis fits these rather than raw members. */
  private final java.util.Map<RunGroup, double[]> bandExtents = new java.util.IdentityHashMap<>();
  private FrameFacts lastFrame = FrameFacts.NONE;

  /**
   * What the last frame drew, for the notice under the chart and for tests.
   *
   * @param drawnPoints per run drawn, the points handed to the canvas for its raw curve after reduction
   * @param pointsInView per run drawn, its points inside the visible x range
   * @param nonFiniteMarked non-finite values in view, each marked
   * @param notOnLogScale values at or below zero in view that a logarithmic axis cannot place
   * @param missingX points of visible runs without an x in the current mode (such as unknown epochs)
   */
  record FrameFacts(
      List<ScalarRun> runsDrawn,
      int[] drawnPoints,
      int[] pointsInView,
      int nonFiniteMarked,
      int notOnLogScale,
      int missingX) {
    static final FrameFacts NONE = new FrameFacts(List.of(), new int[0], new int[0], 0, 0, 0);
  }

  ScalarRenderer(ScalarChart owner) {
    this.owner = owner;
    setShowInLegend(false);
  }

  @Override
  protected ScalarRenderer getThis() {
    return this;
  }

  /** The band extent of a group in the last frame, {low, high}, or null before its first frame. */
  double[] bandExtent(RunGroup group) {
    return bandExtents.get(group);
  }

  long frames() {
    return frames;
  }

  FrameFacts lastFrame() {
    return lastFrame;
  }

  @Override
  protected void render(GraphicsContext gc, DataSet dataSet, DataSetNode style) {
    // Not used: this renderer draws runs, not ChartFX data sets.
  }

  @Override
  public void render() {
    frames++;
    Canvas canvas = getChart().getCanvas();
    GraphicsContext gc = canvas.getGraphicsContext2D();
    double width = canvas.getWidth();
    double height = canvas.getHeight();
    Axis x = xAxis;
    Axis y = yAxis;
    if (x == null || y == null || width <= 0 || height <= 0) {
      return;
    }
    XAxisMode mode = owner.xAxisMode();
    XMapping map = XMapping.of(x);
    if (map == null) {
      // Nothing has an x in this mode (or nothing is shown): still say what is not drawn.
      int missing = 0;
      for (ScalarRun run : owner.visibleRuns()) {
        missing += countMissingX(run.snapshot(), mode);
      }
      lastFrame = new FrameFacts(List.of(), new int[0], new int[0], 0, 0, missing);
      owner.frameDrawn(lastFrame, false);
      return;
    }
    Smoothing smoothing = owner.smoothing();
    boolean log = owner.isLogY();
    List<ScalarRun> drawn = new ArrayList<>();
    List<ScalarRun> visible = owner.visibleRuns();
    int[] drawnPoints = new int[visible.size()];
    int[] inView = new int[visible.size()];
    int nonFinite = 0;
    int notOnLog = 0;
    int missingX = 0;

    gc.save();
    gc.setLineCap(StrokeLineCap.ROUND);
    gc.setLineJoin(StrokeLineJoin.ROUND);
    boolean bandsMoved = false;
    java.util.Set<RunGroup> shown = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (RunGroup group : owner.visibleGroups()) {
      bandsMoved |= drawGroup(gc, group, map, y, width, mode, smoothing);
      shown.add(group);
    }
    bandExtents.keySet().retainAll(shown);
    for (int r = 0; r < visible.size(); r++) {
      ScalarRun run = visible.get(r);
      ColumnStore.Snapshot s = run.snapshot();
      drawn.add(run);
      if (s.size == 0) {
        continue;
      }
      Color color = run.color();
      RunX rx = RunX.of(s, mode, map);
      int[] range = rx.visibleRange(s, map, width);
      inView[r] = range[1] - range[0];
      if (!s.sorted(mode)) {
        missingX += countMissingX(s, mode);
      }
      boolean smoothed = smoothing.isActive();
      points.clear();
      ColumnEnvelope.reduce(rx.column, s.value, range[0], range[1], rx.scale, rx.offset, log, points);
      drawnPoints[r] = points.size;
      Color rawColor = smoothed ? fade(color, RAW_OPACITY) : color;
      stroke(gc, y, rawColor, smoothed ? RAW_WIDTH : SMOOTHED_WIDTH);
      if (points.size > 0 && width / points.size >= DOT_SPACING) {
        dots(gc, y, rawColor, smoothed ? 1.5 : 2.5);
      }
      if (smoothed) {
        double[] values = run.smoothed(s, smoothing);
        points.clear();
        ColumnEnvelope.reduce(rx.column, values, range[0], range[1], rx.scale, rx.offset, log, points);
        stroke(gc, y, color, SMOOTHED_WIDTH);
      }
      if (s.nonFiniteCount > 0) {
        nonFinite += markNonFinite(gc, s, rx, range, color, width);
      }
      if (log && s.nonPositiveCount > 0) {
        notOnLog += countNonPositive(s, range);
      }
      drawEvents(gc, run, s, mode, map, color, width, height);
    }
    gc.restore();
    lastFrame = new FrameFacts(List.copyOf(drawn), drawnPoints, inView, nonFinite, notOnLog, missingX);
    owner.frameDrawn(lastFrame, bandsMoved && x.isAutoRanging() && y.isAutoRanging());
  }

  /** Draws the reduced points in {@link #points} as one polyline. */
  private void stroke(GraphicsContext gc, Axis y, Color color, double lineWidth) {
    int n = points.size;
    if (n == 0) {
      return;
    }
    toPixels(y);
    gc.setStroke(color);
    gc.setLineWidth(lineWidth);
    gc.setLineDashes((double[]) null);
    if (n == 1) {
      gc.setFill(color);
      gc.fillOval(points.x[0] - lineWidth, pixelY[0] - lineWidth, 2 * lineWidth, 2 * lineWidth);
      return;
    }
    gc.strokePolyline(points.x, pixelY, n);
  }

  private void dots(GraphicsContext gc, Axis y, Color color, double radius) {
    gc.setFill(color);
    for (int i = 0; i < points.size; i++) {
      gc.fillOval(points.x[i] - radius, pixelY[i] - radius, 2 * radius, 2 * radius);
    }
  }

  private void toPixels(Axis y) {
    int n = points.size;
    if (pixelY.length < n) {
      pixelY = new double[points.x.length];
    }
    for (int i = 0; i < n; i++) {
      pixelY[i] = clamp(y.getDisplayPosition(points.y[i]));
      points.x[i] = clamp(points.x[i]);
    }
  }

  private static double clamp(double pixel) {
    return Math.max(-FAR, Math.min(FAR, pixel));
  }

  /** Marks each non-finite value in view with a small downward triangle at the top of the plot; returns how many. */
  private static int markNonFinite(
      GraphicsContext gc, ColumnStore.Snapshot s, RunX rx, int[] range, Color color, double width) {
    int marked = 0;
    gc.setFill(color);
    gc.setStroke(Color.WHITE);
    gc.setLineWidth(1);
    double lastPx = Double.NaN;
    for (int i = range[0]; i < range[1]; i++) {
      if (Double.isFinite(s.value[i])) {
        continue;
      }
      double px = rx.column[i] * rx.scale + rx.offset;
      if (!(px >= -4 && px <= width + 4)) {
        continue;
      }
      marked++;
      if (Math.abs(px - lastPx) < 1) {
        continue; // one triangle per pixel column is enough to see; all are counted
      }
      lastPx = px;
      double[] xs = {px - 5, px + 5, px};
      double[] ys = {1, 1, 10};
      gc.fillPolygon(xs, ys, 3);
      gc.strokePolygon(xs, ys, 3);
    }
    return marked;
  }

  private static int countNonPositive(ColumnStore.Snapshot s, int[] range) {
    int n = 0;
    for (int i = range[0]; i < range[1]; i++) {
      if (s.value[i] <= 0) {
        n++;
      }
    }
    return n;
  }

  private static int countMissingX(ColumnStore.Snapshot s, XAxisMode mode) {
    int n = 0;
    for (int i = 0; i < s.size; i++) {
      if (!Double.isFinite(s.x(mode, i))) {
        n++;
      }
    }
    return n;
  }

  private static void drawEvents(
      GraphicsContext gc,
      ScalarRun run,
      ColumnStore.Snapshot s,
      XAxisMode mode,
      XMapping map,
      Color color,
      double width,
      double height) {
    List<RunEvent> events = run.events();
    if (events.isEmpty()) {
      return;
    }
    double start = s.size > 0 ? s.wall[0] : Double.NaN;
    gc.setFont(Font.font(10));
    gc.setTextAlign(TextAlignment.CENTER);
    gc.setTextBaseline(VPos.TOP);
    double lastLabelPx = Double.NEGATIVE_INFINITY;
    for (RunEvent e : events) {
      double px = map.pixel(e.x(mode, start));
      if (!(px >= 0 && px <= width)) {
        continue;
      }
      boolean epoch = e.kind() == RunEvent.Kind.EPOCH_END;
      // Epoch ends are many and routine: thin and faint. Other events are rare and matter: two crisp pixels in full colour.
      gc.setStroke(epoch ? fade(color, 0.35) : color);
      gc.setLineWidth(epoch ? 1 : 2);
      gc.setLineDashes(epoch ? new double[] {2, 4} : new double[] {6, 3});
      double snapped = epoch ? Math.floor(px) + 0.5 : Math.round(px);
      gc.strokeLine(snapped, 0, snapped, height);
      gc.setLineDashes((double[]) null);
      String text = epoch ? "" : e.kind().glyph();
      if (!text.isEmpty() && px - lastLabelPx > 24) {
        gc.setFill(color);
        gc.fillText(text, px, 12);
        lastLabelPx = px;
      }
    }
  }

  /** Draws a group's band and mean; returns whether its band's extent changed since the last frame. */
  private boolean drawGroup(
      GraphicsContext gc, RunGroup group, XMapping map, Axis y, double width, XAxisMode mode, Smoothing smoothing) {
    List<ScalarRun> members = group.members();
    int m = members.size();
    ColumnStore.Snapshot[] snaps = new ColumnStore.Snapshot[m];
    double[][] values = new double[m][];
    RunX[] xs = new RunX[m];
    for (int k = 0; k < m; k++) {
      snaps[k] = members.get(k).snapshot();
      values[k] = members.get(k).smoothed(snaps[k], smoothing);
      xs[k] = snaps[k].sorted(mode) && snaps[k].size > 0 ? RunX.of(snaps[k], mode, map) : null;
    }
    boolean log = owner.isLogY();
    int columns = (int) Math.ceil(width / 2) + 1;
    double[] px = new double[columns];
    double[] mean = new double[columns];
    double[] lo = new double[columns];
    double[] hi = new double[columns];
    double[] at = new double[m];
    for (int c = 0; c < columns; c++) {
      px[c] = Math.min(width, c * 2.0);
      double xv = map.value(px[c]);
      int found = 0;
      for (int k = 0; k < m; k++) {
        if (xs[k] != null) {
          double v = xs[k].interpolate(snaps[k], values[k], xv);
          if (Double.isFinite(v) && (!log || v > 0)) {
            at[found++] = v;
          }
        }
      }
      GroupStatistics.Summary sum = GroupStatistics.summarise(at, found, group.spread());
      mean[c] = sum.mean();
      lo[c] = sum.low();
      hi[c] = sum.high();
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < columns; c++) {
      if (Double.isFinite(mean[c])) {
        low = Math.min(low, lo[c]);
        high = Math.max(high, hi[c]);
      }
    }
    double[] extent = Double.isFinite(low) ? new double[] {low, high} : null;
    double[] before = extent == null ? bandExtents.remove(group) : bandExtents.put(group, extent);
    boolean moved = !java.util.Arrays.equals(before, extent);
    Color color = group.color();
    // Band: one polygon per run of columns with a value.
    gc.setFill(fade(color, BAND_OPACITY));
    int c = 0;
    while (c < columns) {
      while (c < columns && !Double.isFinite(mean[c])) {
        c++;
      }
      int start = c;
      while (c < columns && Double.isFinite(mean[c])) {
        c++;
      }
      int n = c - start;
      if (n == 0) {
        continue;
      }
      double[] polyX = new double[2 * n];
      double[] polyY = new double[2 * n];
      for (int i = 0; i < n; i++) {
        polyX[i] = px[start + i];
        polyY[i] = clamp(y.getDisplayPosition(hi[start + i]));
        polyX[2 * n - 1 - i] = px[start + i];
        polyY[2 * n - 1 - i] = clamp(y.getDisplayPosition(lo[start + i]));
      }
      gc.fillPolygon(polyX, polyY, 2 * n);
      double[] lineY = new double[n];
      double[] lineX = new double[n];
      for (int i = 0; i < n; i++) {
        lineX[i] = px[start + i];
        lineY[i] = clamp(y.getDisplayPosition(mean[start + i]));
      }
      gc.setStroke(color);
      gc.setLineWidth(SMOOTHED_WIDTH + 0.5);
      gc.strokePolyline(lineX, lineY, n);
    }
    return moved;
  }

  static Color fade(Color c, double opacity) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * opacity);
  }

  @Override
  public void updateAxisRange(Axis axis, AxisRange range) {
    if (axis == xAxis) {
      owner.addXExtent(range);
    } else if (axis == yAxis) {
      owner.addYExtent(range, xAxis);
    }
  }

  /** The linear map between a horizontal axis's values and canvas pixels, taken from the axis as laid out. */
  record XMapping(double scale, double offset) {
    static XMapping of(Axis x) {
      double min = x.getMin();
      double max = x.getMax();
      if (!(max > min)) {
        return null;
      }
      double p0 = x.getDisplayPosition(min);
      double p1 = x.getDisplayPosition(max);
      double scale = (p1 - p0) / (max - min);
      if (!(Double.isFinite(scale) && scale != 0)) {
        return null;
      }
      return new XMapping(scale, p0 - min * scale);
    }

    double pixel(double value) {
      return value * scale + offset;
    }

    double value(double pixel) {
      return (pixel - offset) / scale;
    }
  }

  /**
   * A run's x column for a mode as a linear function of one stored column: {@code x = column * a + b}; pre-multiplied with the
   * axis mapping into {@code pixel = column * scale + offset}.
   */
  static final class RunX {
    final double[] column;
    final double a;
    final double b;
    final double scale;
    final double offset;

    private RunX(double[] column, double a, double b, XMapping map) {
      this.column = column;
      this.a = a;
      this.b = b;
      this.scale = a * map.scale();
      this.offset = b * map.scale() + map.offset();
    }

    static RunX of(ColumnStore.Snapshot s, XAxisMode mode, XMapping map) {
      switch (mode) {
        case EPOCH:
          return new RunX(s.epoch, 1, 0, map);
        case RELATIVE_TIME:
          return new RunX(s.wall, 1e-3, s.size > 0 ? -s.wall[0] * 1e-3 : 0, map);
        case WALL_TIME:
          return new RunX(s.wall, 1e-3, 0, map);
        case STEP:
        default:
          return new RunX(s.step, 1, 0, map);
      }
    }

    /** {from, to}: the points inside [0, width] pixels plus one neighbour on each side, or all points if unsorted. */
    int[] visibleRange(ColumnStore.Snapshot s, XMapping map, double width) {
      if (!sortedColumn(s)) {
        return new int[] {0, s.size};
      }
      double lowColumn = (0 - offset) / scale;
      double highColumn = (width - offset) / scale;
      if (lowColumn > highColumn) {
        double t = lowColumn;
        lowColumn = highColumn;
        highColumn = t;
      }
      int from = Math.max(0, lowerBound(column, s.size, lowColumn) - 1);
      int to = Math.min(s.size, upperBound(column, s.size, highColumn) + 1);
      return new int[] {from, Math.max(from, to)};
    }

    private boolean sortedColumn(ColumnStore.Snapshot s) {
      if (column == s.step) {
        return s.stepSorted;
      }
      if (column == s.epoch) {
        return s.epochSorted;
      }
      return s.wallSorted;
    }

    /** The value at x by linear interpolation between its neighbours; NaN outside the run's x range. */
    double interpolate(ColumnStore.Snapshot s, double[] values, double x) {
      int n = s.size;
      if (n == 0) {
        return Double.NaN;
      }
      double c = (x - b) / a;
      if (c < column[0] || c > column[n - 1]) {
        return Double.NaN;
      }
      int i = lowerBound(column, n, c);
      if (i < n && column[i] == c) {
        return values[i];
      }
      if (i == 0) {
        return values[0];
      }
      double c0 = column[i - 1];
      double c1 = column[i];
      double t = c1 > c0 ? (c - c0) / (c1 - c0) : 0;
      return values[i - 1] + t * (values[i] - values[i - 1]);
    }

    /** Index of the point nearest x (by x), or -1 if the run is empty. */
    int nearest(ColumnStore.Snapshot s, double x) {
      int n = s.size;
      if (n == 0) {
        return -1;
      }
      double c = (x - b) / a;
      if (!sortedColumn(s)) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          double d = Math.abs(column[i] - c);
          if (d < bestDistance) {
            bestDistance = d;
            best = i;
          }
        }
        return best;
      }
      int i = lowerBound(column, n, c);
      if (i >= n) {
        return n - 1;
      }
      if (i > 0 && c - column[i - 1] <= column[i] - c) {
        return i - 1;
      }
      return i;
    }

    /** First index whose value is at least {@code key}. */
    static int lowerBound(double[] a, int n, double key) {
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (a[mid] < key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** First index whose value is above {@code key}. */
    static int upperBound(double[] a, int n, double key) {
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (a[mid] <= key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
