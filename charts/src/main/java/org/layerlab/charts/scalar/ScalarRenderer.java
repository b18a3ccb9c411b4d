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
  private final SpanRaster raster;
  private List<Object> lastKey = List.of();
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

  /** @param curves the pane over the plot area that shows the curves' image strips */
  ScalarRenderer(ScalarChart owner, javafx.scene.layout.Pane curves) {
    this.owner = owner;
    this.raster = new SpanRaster(curves);
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

  /** ChartFX redraws the canvas: axes, grid or settings changed. Draws the curves and the canvas's text marks. */
  @Override
  public void render() {
    Canvas canvas = getChart().getCanvas();
    frame(canvas.getGraphicsContext2D());
  }

  /**
   * Draws the points appended since the last frame without ChartFX: only if nothing but points changed and the axes would stay as
   * they are. Returns false if a full redraw through ChartFX is needed. JavaFX thread, at the start of a pulse.
   */
  boolean appendFrame() {
    if (getChart() == null || xAxis == null || yAxis == null || lastKey.isEmpty()) {
      return false;
    }
    Canvas canvas = getChart().getCanvas();
    if (!raster.sized((int) Math.ceil(canvas.getWidth()), (int) Math.ceil(canvas.getHeight()))) {
      return false;
    }
    XMapping map = XMapping.of(xAxis);
    if (map == null || !currentKey(canvas, map).equals(lastKey)) {
      return false;
    }
    frame(null);
    appendFrames++;
    return true;
  }

  /** Frames drawn by {@link #appendFrame}, without ChartFX; for tests. */
  long appendFrames;

  private List<Object> currentKey(Canvas canvas, XMapping map) {
    return frameKey(
        canvas.getWidth(),
        canvas.getHeight(),
        map,
        yAxis,
        owner.isLogY(),
        owner.smoothing(),
        owner.xAxisMode(),
        owner.visibleRuns(),
        owner.visibleGroups());
  }

  private void frame(GraphicsContext gc) {
    long t0 = System.nanoTime();
    try {
      drawFrame(gc);
    } finally {
      lastRenderNanos = System.nanoTime() - t0;
      maxRenderNanos = Math.max(maxRenderNanos, lastRenderNanos);
    }
  }

  long lastRenderNanos;
  long maxRenderNanos;

  /** Draws a frame: into the raster always, and onto the canvas when {@code gc} is given (ChartFX cleared it). */
  private void drawFrame(GraphicsContext gc) {
    frames++;
    Canvas canvas = getChart().getCanvas();
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
      // Nothing has an x in this mode (or nothing is shown): clear the curves and still say what is not drawn.
      raster.reset((int) Math.ceil(width), (int) Math.ceil(height));
      raster.publish();
      lastKey = List.of();
      int missing = 0;
      for (ScalarRun run : owner.visibleRuns()) {
        missing += countMissingX(run.snapshot(), mode);
      }
      lastFrame = new FrameFacts(List.of(), new int[0], new int[0], 0, 0, missing);
      owner.frameDrawn(lastFrame, false);
      return;
    }
    Smoothing smoothing = owner.smoothing();
    boolean smoothed = smoothing.isActive();
    boolean log = owner.isLogY();
    List<ScalarRun> visible = owner.visibleRuns();
    List<RunGroup> groups = owner.visibleGroups();
    int[] drawnPoints = new int[visible.size()];
    int[] inView = new int[visible.size()];
    int nonFinite = 0;
    int notOnLog = 0;
    int missingX = 0;
    List<java.util.function.Consumer<GraphicsContext>> canvasMarks = new ArrayList<>();

    List<Object> key = frameKey(width, height, map, y, log, smoothing, mode, visible, groups);
    int from = key.equals(lastKey) ? firstChangedColumn(visible, groups) : 0;
    if (from == 0) {
      raster.reset((int) Math.ceil(width), (int) Math.ceil(height));
    } else {
      raster.keepLeftOf(from);
    }
    lastKey = key;
    boolean bandsMoved = false;
    java.util.Set<RunGroup> shown = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (RunGroup group : groups) {
      bandsMoved |= drawGroup(group, map, y, mode, smoothing);
      shown.add(group);
    }
    bandExtents.keySet().retainAll(shown);
    for (int r = 0; r < visible.size(); r++) {
      ScalarRun run = visible.get(r);
      ColumnStore.Snapshot s = run.snapshot();
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
      drawEvents(run, s, mode, map, color, canvasMarks);
      int columns = raster.width();
      Object rawKey = List.of(s.generation, mode);
      if (!run.rawColumns.matches(columns, rx.scale, rx.offset, log, rawKey) || s.size < run.rawColumns.folded()) {
        run.rawColumns.reset(columns, rx.scale, rx.offset, log, rawKey, range[0]);
      }
      run.rawBlocks.update(s.value, s.size, s.generation);
      run.rawColumns.fold(rx.column, s.value, s.size, run.rawBlocks, s.sorted(mode));
      boolean sparse = run.rawColumns.drawable() * DOT_SPACING <= width;
      int emitFrom = sparse ? 0 : Math.max(0, raster.window() - 2);
      points.clear();
      run.rawColumns.emit(rx.column, s.value, points, emitFrom);
      drawnPoints[r] = points.size;
      Color rawColor = smoothed ? fade(color, RAW_OPACITY) : color;
      line(y, rawColor, smoothed ? RAW_WIDTH : SMOOTHED_WIDTH);
      if (sparse) {
        double radius = smoothed ? 1.5 : 2.5;
        for (int i = 0; i < points.size; i++) {
          raster.fillDisc(points.x[i], pixelY[i], radius, rawColor);
        }
      }
      if (smoothed) {
        double[] values = run.smoothed(s, smoothing);
        Object smoothedKey = List.of(s.generation, mode, smoothing);
        ColumnAggregate sc = run.smoothedColumns;
        if (!sc.matches(columns, rx.scale, rx.offset, log, smoothedKey) || s.size < sc.folded()) {
          sc.reset(columns, rx.scale, rx.offset, log, smoothedKey, range[0]);
        }
        run.smoothedBlocks.update(values, s.size, smoothedKey);
        sc.fold(rx.column, values, s.size, run.smoothedBlocks, s.sorted(mode));
        points.clear();
        sc.emit(rx.column, values, points, emitFrom);
        line(y, color, SMOOTHED_WIDTH);
      }
      if (s.nonFiniteCount > 0) {
        nonFinite += markNonFinite(s, rx, range, color, width);
      }
      if (log && s.nonPositiveCount > 0) {
        notOnLog += countNonPositive(s, range);
      }
    }
    raster.publish();
    if (gc != null) {
      gc.save();
      for (var mark : canvasMarks) {
        mark.accept(gc);
      }
      gc.restore();
    }
    rememberDrawn(visible, groups, mode, map);
    lastFrame = new FrameFacts(List.copyOf(visible), drawnPoints, inView, nonFinite, notOnLog, missingX);
    owner.frameDrawn(lastFrame, bandsMoved && x.isAutoRanging() && y.isAutoRanging());
  }

  /**
   * Everything a frame's drawing depends on except the runs' points: while it stays the same, a frame only redraws from where
   * points arrived.
   */
  private static List<Object> frameKey(
      double width,
      double height,
      XMapping map,
      Axis y,
      boolean log,
      Smoothing smoothing,
      XAxisMode mode,
      List<ScalarRun> runs,
      List<RunGroup> groups) {
    List<Object> key = new ArrayList<>();
    key.add(width);
    key.add(height);
    key.add(map);
    key.add(y.getMin());
    key.add(y.getMax());
    key.add(log);
    key.add(smoothing);
    key.add(mode);
    for (ScalarRun run : runs) {
      ColumnStore.Snapshot s = run.snapshot();
      key.add(run);
      key.add(run.color());
      key.add(s.generation);
      key.add(s.sorted(mode));
      key.add(run.eventCount());
    }
    for (RunGroup group : groups) {
      key.add(group);
      key.add(group.color());
      key.add(group.spread());
      for (ScalarRun member : group.members()) {
        ColumnStore.Snapshot s = member.snapshot();
        key.add(s.generation);
        key.add(s.sorted(mode));
      }
    }
    return key;
  }

  /**
   * The first pixel column that points appended since the last frame can change: the column of each changed run's previous last
   * point (its line continues from there), less two for the line's width. Runs are x-sorted here, or the key would differ.
   */
  private int firstChangedColumn(List<ScalarRun> runs, List<RunGroup> groups) {
    int from = Integer.MAX_VALUE;
    for (ScalarRun run : affecting(runs, groups)) {
      if (run.snapshot().size == run.drawnSize) {
        continue;
      }
      double px = run.drawnLastPixel;
      if (!Double.isFinite(px)) {
        return 0;
      }
      from = Math.min(from, (int) Math.floor(px) - 2);
    }
    return Math.max(0, from);
  }

  private void rememberDrawn(List<ScalarRun> runs, List<RunGroup> groups, XAxisMode mode, XMapping map) {
    for (ScalarRun run : affecting(runs, groups)) {
      ColumnStore.Snapshot s = run.snapshot();
      run.drawnSize = s.size;
      run.drawnLastPixel = s.size == 0 ? Double.NaN : RunX.of(s, mode, map).pixel(s.size - 1);
    }
  }

  private static List<ScalarRun> affecting(List<ScalarRun> runs, List<RunGroup> groups) {
    List<ScalarRun> out = new ArrayList<>(runs);
    for (RunGroup group : groups) {
      for (ScalarRun member : group.members()) {
        if (!out.contains(member)) {
          out.add(member);
        }
      }
    }
    return out;
  }

  /** Rasterises the reduced points in {@link #points} as one line. */
  private void line(Axis y, Color color, double lineWidth) {
    if (points.size == 0) {
      return;
    }
    toPixels(y);
    raster.addPolyline(points.x, pixelY, points.size);
    raster.fill(color, lineWidth);
  }

  private static void dots(GraphicsContext gc, double[] xs, double[] ys, Color color, double radius) {
    gc.setFill(color);
    for (int i = 0; i < xs.length; i++) {
      gc.fillOval(xs[i] - radius, ys[i] - radius, 2 * radius, 2 * radius);
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
  private int markNonFinite(ColumnStore.Snapshot s, RunX rx, int[] range, Color color, double width) {
    int marked = 0;
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
      raster.fillTriangleDown(px, 1, 6, 9, Color.WHITE);
      raster.fillTriangleDown(px, 1, 5, 8, color);
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

  private void drawEvents(
      ScalarRun run,
      ColumnStore.Snapshot s,
      XAxisMode mode,
      XMapping map,
      Color color,
      List<java.util.function.Consumer<GraphicsContext>> overlay) {
    List<RunEvent> events = run.events();
    if (events.isEmpty()) {
      return;
    }
    double start = s.size > 0 ? s.wall[0] : Double.NaN;
    List<double[]> labels = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    double lastLabelPx = Double.NEGATIVE_INFINITY;
    for (RunEvent e : events) {
      double px = map.pixel(e.x(mode, start));
      if (!(px >= 0 && px <= raster.width())) {
        continue;
      }
      int c = (int) Math.floor(px);
      if (e.kind() == RunEvent.Kind.EPOCH_END) {
        // Epoch ends are many and routine: one faint dotted pixel column.
        raster.dashedColumn(c, fade(color, 0.35), 2, 4);
        continue;
      }
      // Other events are rare and matter: two dashed pixel columns in full colour, and a glyph.
      raster.dashedColumn(c, color, 6, 3);
      raster.dashedColumn(c + 1, color, 6, 3);
      if (px - lastLabelPx > 24) {
        labels.add(new double[] {px + 1});
        texts.add(e.kind().glyph());
        lastLabelPx = px;
      }
    }
    if (labels.isEmpty()) {
      return;
    }
    overlay.add(
        gc -> {
          gc.setFont(Font.font(10));
          gc.setTextAlign(TextAlignment.CENTER);
          gc.setTextBaseline(VPos.TOP);
          gc.setFill(color);
          for (int i = 0; i < labels.size(); i++) {
            gc.fillText(texts.get(i), labels.get(i)[0], 12);
          }
        });
  }

  /** Rasterises a group's band and mean; returns whether its band's extent changed since the last frame. */
  private boolean drawGroup(RunGroup group, XMapping map, Axis y, XAxisMode mode, Smoothing smoothing) {
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
    int columns = raster.width();
    double[] lineX = new double[columns];
    double[] lineY = new double[columns];
    double[] at = new double[m];
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < columns; c++) {
      double xv = map.value(c + 0.5);
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
      lineX[c] = c + 0.5;
      if (found < m || !Double.isFinite(sum.mean())) {
        // only where every member has a value: a mean over fewer members would jump where one ends
        lineY[c] = Double.NaN;
        continue;
      }
      low = Math.min(low, sum.low());
      high = Math.max(high, sum.high());
      double lowPx = log && sum.low() <= 0 ? FAR : y.getDisplayPosition(sum.low());
      raster.addSpan(c, clamp(y.getDisplayPosition(sum.high())), clamp(lowPx));
      lineY[c] = clamp(y.getDisplayPosition(sum.mean()));
    }
    Color color = group.color();
    raster.fill(fade(color, BAND_OPACITY), 0);
    raster.addPolyline(lineX, lineY, columns);
    raster.fill(color, SMOOTHED_WIDTH + 0.5);
    double[] extent = Double.isFinite(low) ? new double[] {low, high} : null;
    double[] before = extent == null ? bandExtents.remove(group) : bandExtents.put(group, extent);
    return !java.util.Arrays.equals(before, extent);
  }

  static Color fade(Color c, double opacity) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * opacity);
  }

  @Override
  public void updateAxisRange(Axis axis, AxisRange range) {
    if (axis == xAxis) {
      owner.fitX(range);
    } else if (axis == yAxis) {
      owner.fitY(range, xAxis);
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

    /** The pixel x of point i. */
    double pixel(int i) {
      return column[i] * scale + offset;
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
