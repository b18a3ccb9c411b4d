package org.layerlab.charts.scalar;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.events.ChartBits;
import io.fair_acc.dataset.spi.DataRange;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.SeriesPalette;
import org.layerlab.charts.export.ChartExport;
import org.layerlab.charts.export.CsvWriter;
import org.layerlab.charts.internal.Visibility;

/**
 * TensorBoard-grade scalar curves: many runs of one metric overlaid, each in its own colour from a colour-blind-safe palette.
 *
 * <ul>
 *   <li>Smoothing with a slider ({@link SmoothingControl}): TensorBoard's debiased exponential moving average or a trailing moving
 *       average; the raw curve stays visible as a faint line behind the smoothed one. See {@link Smoothing}.
 *   <li>Never hides data silently: where a run has more points in view than the plot has pixel columns, each column draws the
 *       run's full min-max envelope, so a one-step spike stays visible at any zoom. NaN and infinite values are marked with a
 *       triangle at the top, and the line under the chart says how many values it could not draw and why.
 *   <li>The x axis as step, epoch, relative time or wall time ({@link XAxisMode}); linear or logarithmic y.
 *   <li>Zoom (drag a rectangle; scroll), pan (middle-drag, or shift-drag) and reset (button, or ctrl+right-click).
 *   <li>A crosshair tooltip that lists every visible run's value at the x under the mouse.
 *   <li>A legend ({@link RunLegend}) whose check boxes toggle runs and whose swatches choose a run's colour.
 *   <li>Event markers ({@link RunEvent}): epoch ends, learning-rate changes, pause and resume, early stop.
 *   <li>Groups of repeated runs ({@link RunGroup}) as a mean with a shaded spread band.
 *   <li>Export of the chart as PNG and of the visible runs' data as CSV.
 * </ul>
 *
 * <p><b>Threads.</b> Runs are added, removed and styled on the JavaFX thread. Their points arrive from any thread through {@link
 * ScalarRun}; an append only stores the point and, the first time since the last frame, asks JavaFX for a pulse. The chart then
 * redraws at most once per pulse, reading immutable snapshots, so producers and the FX thread never wait for each other.
 */
public final class ScalarChart extends BorderPane {

  public static final String CHART_ID = "scalar-chart";
  public static final String X_AXIS_ID = "scalar-chart-x-axis";
  public static final String Y_AXIS_ID = "scalar-chart-y-axis";
  public static final String SMOOTHING_ID = "scalar-chart-smoothing";
  public static final String X_MODE_ID = "scalar-chart-x-mode";
  public static final String LOG_Y_ID = "scalar-chart-log-y";
  public static final String RESET_ZOOM_ID = "scalar-chart-reset-zoom";
  public static final String EXPORT_PNG_ID = "scalar-chart-export-png";
  public static final String EXPORT_CSV_ID = "scalar-chart-export-csv";
  public static final String LEGEND_ID = "scalar-chart-legend";
  public static final String NOTICE_ID = "scalar-chart-notice";

  private static final double X_PADDING = 0.01;
  private static final double Y_PADDING = 0.05;

  private final ObservableList<ScalarRun> runs = FXCollections.observableArrayList();
  private final ObservableList<RunGroup> groups = FXCollections.observableArrayList();
  private final ObjectProperty<Smoothing> smoothing = new SimpleObjectProperty<>(this, "smoothing", Smoothing.DEFAULT);
  private final ObjectProperty<XAxisMode> xAxisMode = new SimpleObjectProperty<>(this, "xAxisMode", XAxisMode.STEP);
  private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final Runnable markDirty = this::markDirty;

  private final DefaultNumericAxis xAxis;
  private final DefaultNumericAxis yAxis;
  private final ScalarRenderer renderer;
  private final ScalarXYChart chart;
  private final Zoomer zoomer;
  private final CrosshairReadout crosshair;
  private final RunLegend legend;
  private final Label notice = new Label();
  /** The extents last handed to ChartFX's auto-ranging. */
  private DataRange lastXExtent;
  private DataRange lastYExtent;
  private int nextColor;

  /** Names the y axis anew, for a chart whose metric changes (accuracy for a classification, R-squared for a regression). */
  public void setYAxisLabel(String label) {
    yAxis.setName(label);
  }

  /** The y axis's name. */
  public String yAxisLabel() {
    return yAxis.getName();
  }

  /** Creates an empty chart for one metric; the label names the y axis, such as "loss". */
  public ScalarChart(String yAxisLabel) {
    xAxis = axis(XAxisMode.STEP.label(), X_AXIS_ID, X_PADDING);
    xAxis.setSide(Side.BOTTOM);
    xAxis.setTickLabelFormatter(TimeLabels.formatter(XAxisMode.STEP));
    yAxis = axis(yAxisLabel, Y_AXIS_ID, Y_PADDING);
    yAxis.setSide(Side.LEFT);

    Pane curves = new Pane();
    curves.setMouseTransparent(true);
    curves.getStyleClass().add("scalar-chart-curves");
    renderer = new ScalarRenderer(this, curves);
    renderer.getAxes().addAll(xAxis, yAxis);
    chart = new ScalarXYChart(xAxis, yAxis, this::beforeLayout);
    chart.setId(CHART_ID);
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.getRenderers().setAll(renderer);
    chart.getCanvasForeground().getChildren().add(curves);

    zoomer = new Zoomer();
    zoomer.setAnimated(false);
    zoomer.setAddButtonsToToolBar(false);
    zoomer.setSliderVisible(false);
    // Pan with the middle button as ChartFX does, or with shift and the primary button on a touchpad.
    zoomer.setPanMouseFilter(
        e ->
            (e.isMiddleButtonDown() && !e.isPrimaryButtonDown())
                || (e.isPrimaryButtonDown() && e.isShiftDown() && !e.isControlDown()));
    zoomer.setZoomInMouseFilter(
        e -> e.isPrimaryButtonDown() && !e.isSecondaryButtonDown() && !e.isShiftDown() && !e.isControlDown());
    crosshair = new CrosshairReadout(this);
    chart.getPlugins().addAll(zoomer, crosshair);
    chart.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getClickCount() == 2 && e.isStillSincePress()) {
            resetZoom();
          }
        });

    legend = new RunLegend(runs, groups);
    legend.setId(LEGEND_ID);

    notice.setId(NOTICE_ID);
    notice.getStyleClass().add("scalar-chart-notice");
    notice.setWrapText(true);
    notice.setPadding(new Insets(2, 8, 4, 8));
    notice.managedProperty().bind(notice.visibleProperty());
    notice.setVisible(false);

    setTop(toolbar());
    setCenter(chart);
    setRight(legend);
    setBottom(notice);
    getStyleClass().add("scalar-chart");

    smoothing.addListener((obs, old, now) -> invalidate());
    logY.addListener(
        (obs, old, now) -> {
          yAxis.setLogAxis(now);
          resetZoom();
        });
    xAxisMode.addListener((obs, old, now) -> applyXAxisMode(now));
    runs.addListener((javafx.collections.ListChangeListener<ScalarRun>) c -> invalidate());
    groups.addListener((javafx.collections.ListChangeListener<RunGroup>) c -> invalidate());
  }

  private static DefaultNumericAxis axis(String label, String id, double padding) {
    DefaultNumericAxis axis = new DefaultNumericAxis(label);
    axis.setId(id);
    axis.setUnit(null);
    axis.setAutoRanging(true);
    axis.setAutoRangeRounding(false);
    axis.setAutoRangePadding(padding);
    return axis;
  }

  private HBox toolbar() {
    SmoothingControl smoothingControl = new SmoothingControl();
    smoothingControl.setId(SMOOTHING_ID);
    smoothingControl.smoothingProperty().bindBidirectional(smoothing);

    ChoiceBox<XAxisMode> mode = new ChoiceBox<>(FXCollections.observableArrayList(XAxisMode.values()));
    mode.setId(X_MODE_ID);
    mode.valueProperty().bindBidirectional(xAxisMode);

    CheckBox log = new CheckBox(ChartTexts.get("scalar.logY"));
    log.setId(LOG_Y_ID);
    log.selectedProperty().bindBidirectional(logY);

    Button reset = new Button(ChartTexts.get("scalar.resetZoom"));
    reset.setId(RESET_ZOOM_ID);
    reset.setOnAction(e -> resetZoom());

    Button png = new Button(ChartTexts.get("scalar.exportPng"));
    png.setId(EXPORT_PNG_ID);
    png.setOnAction(e -> chooseAndExport(ChartTexts.get("scalar.export.pngFilter"), "*.png", this::exportPng));
    Button csv = new Button(ChartTexts.get("scalar.exportCsv"));
    csv.setId(EXPORT_CSV_ID);
    csv.setOnAction(e -> chooseAndExport(ChartTexts.get("scalar.export.csvFilter"), "*.csv", this::exportCsv));

    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox bar =
        new HBox(
            8,
            smoothingControl,
            new Separator(javafx.geometry.Orientation.VERTICAL),
            new Label(ChartTexts.get("scalar.xAxis")),
            mode,
            log,
            spring,
            reset,
            png,
            csv);
    for (Node n : bar.getChildren()) {
      if (n instanceof javafx.scene.control.Control && !(n instanceof SmoothingControl)) {
        ((javafx.scene.control.Control) n).setMinWidth(Region.USE_PREF_SIZE); // shrink the slider, not the labels
      }
    }
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    bar.getStyleClass().add("scalar-chart-toolbar");
    return bar;
  }

  private interface Export {
    void to(Path file) throws IOException;
  }

  private void chooseAndExport(String description, String pattern, Export export) {
    FileChooser chooser = new FileChooser();
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
    var file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (file == null) {
      return;
    }
    try {
      export.to(file.toPath());
    } catch (IOException e) {
      showNotice(ChartTexts.get("scalar.export.failed", file, e.getMessage()));
    }
  }

  // ---- runs and groups -------------------------------------------------------------------------------------------------------

  /** Adds a run in the palette's next colour. JavaFX thread. */
  public ScalarRun addRun(String name) {
    requireFxThread("addRun");
    return addRun(name, nextColor);
  }

  /**
   * Adds a run, drawn on top of the earlier ones. JavaFX thread.
   *
   * @param colorIndex index into {@link SeriesPalette}; wraps around
   */
  public ScalarRun addRun(String name, int colorIndex) {
    requireFxThread("addRun");
    nextColor = Math.max(nextColor, colorIndex + 1);
    ScalarRun run = new ScalarRun(name, SeriesPalette.color(colorIndex), markDirty);
    run.visibleProperty().addListener((obs, old, now) -> invalidate());
    run.colorProperty().addListener((obs, old, now) -> invalidate());
    runs.add(run);
    return run;
  }

  /** Removes a run and any group it belongs to; a producer may still append to it, invisibly. JavaFX thread. */
  public void removeRun(ScalarRun run) {
    requireFxThread("removeRun");
    groups.removeIf(g -> g.members().contains(run));
    runs.remove(run);
  }

  /** Removes all runs and groups. JavaFX thread. */
  public void clearRuns() {
    requireFxThread("clearRuns");
    groups.clear();
    runs.clear();
    nextColor = 0;
  }

  /** The runs in the order added, read-only. JavaFX thread. */
  public ObservableList<ScalarRun> runs() {
    return FXCollections.unmodifiableObservableList(runs);
  }

  /**
   * Adds a group of repeated runs, drawn as their mean with a band for their spread. The members must be runs of this chart.
   * JavaFX thread.
   */
  public RunGroup addGroup(String name, int colorIndex, List<ScalarRun> members) {
    requireFxThread("addGroup");
    for (ScalarRun run : members) {
      if (!runs.contains(run)) {
        throw new IllegalArgumentException(run + " is not a run of this chart");
      }
    }
    RunGroup group = new RunGroup(name, SeriesPalette.color(colorIndex), members);
    group.visibleProperty().addListener((obs, old, now) -> invalidate());
    group.colorProperty().addListener((obs, old, now) -> invalidate());
    group.spreadProperty().addListener((obs, old, now) -> invalidate());
    groups.add(group);
    return group;
  }

  public void removeGroup(RunGroup group) {
    requireFxThread("removeGroup");
    groups.remove(group);
  }

  /** The groups in the order added, read-only. JavaFX thread. */
  public ObservableList<RunGroup> groups() {
    return FXCollections.unmodifiableObservableList(groups);
  }

  List<ScalarRun> visibleRuns() {
    List<ScalarRun> out = new ArrayList<>(runs.size());
    for (ScalarRun run : runs) {
      if (run.isVisible()) {
        out.add(run);
      }
    }
    return out;
  }

  List<RunGroup> visibleGroups() {
    List<RunGroup> out = new ArrayList<>(groups.size());
    for (RunGroup group : groups) {
      if (group.isVisible()) {
        out.add(group);
      }
    }
    return out;
  }

  // ---- settings ---------------------------------------------------------------------------------------------------------------

  public ObjectProperty<Smoothing> smoothingProperty() {
    return smoothing;
  }

  public Smoothing smoothing() {
    return smoothing.get();
  }

  public void setSmoothing(Smoothing value) {
    smoothing.set(Objects.requireNonNull(value, "smoothing"));
  }

  public ObjectProperty<XAxisMode> xAxisModeProperty() {
    return xAxisMode;
  }

  public XAxisMode xAxisMode() {
    return xAxisMode.get();
  }

  public void setXAxisMode(XAxisMode value) {
    xAxisMode.set(Objects.requireNonNull(value, "mode"));
  }

  /** Whether the y axis is logarithmic; values at or below zero are then not drawn, and counted under the chart. */
  public BooleanProperty logYProperty() {
    return logY;
  }

  public boolean isLogY() {
    return logY.get();
  }

  public void setLogY(boolean value) {
    logY.set(value);
  }

  private void applyXAxisMode(XAxisMode mode) {
    xAxis.setName(mode.label());
    // ChartFX's time axis picks ticks at whole minutes and hours; our formatter writes them as clock times or durations.
    xAxis.setTimeAxis(mode == XAxisMode.WALL_TIME || mode == XAxisMode.RELATIVE_TIME);
    xAxis.setTickLabelFormatter(TimeLabels.formatter(mode));
    resetZoom();
  }

  // ---- zoom -------------------------------------------------------------------------------------------------------------------

  /** Shows the x range [min, max] and fits y to the data in it, as a zoom would. JavaFX thread. */
  public void zoomX(double min, double max) {
    requireFxThread("zoomX");
    if (!(max > min)) {
      throw new IllegalArgumentException("empty range " + min + ".." + max);
    }
    xAxis.setAutoRanging(false);
    xAxis.set(min, max);
    yAxis.setAutoRanging(true);
    invalidate();
  }

  /** Moves the visible x range by a fraction of its width, positive to the right, as panning does. JavaFX thread. */
  public void panX(double fraction) {
    requireFxThread("panX");
    double min = xAxis.getMin();
    double max = xAxis.getMax();
    double shift = (max - min) * fraction;
    zoomX(min + shift, max + shift);
  }

  /** Forgets any zoom and lets both axes range over all visible data again. JavaFX thread. */
  public void resetZoom() {
    requireFxThread("resetZoom");
    zoomer.zoomOrigin();
    zoomer.clear();
    xAxis.setAutoRanging(true);
    yAxis.setAutoRanging(true);
    invalidate();
  }

  // ---- crosshair --------------------------------------------------------------------------------------------------------------

  /**
   * What the crosshair tooltip lists at x: for each visible run with a point near x (within two of its typical point spacings),
   * that point's raw and smoothed value; then each visible group's mean and spread at x where all its members have a value.
   * JavaFX thread.
   */
  public List<Readout> readoutAt(double x) {
    requireFxThread("readoutAt");
    List<Readout> out = new ArrayList<>();
    XAxisMode mode = xAxisMode();
    ScalarRenderer.XMapping identity = new ScalarRenderer.XMapping(1, 0);
    for (ScalarRun run : visibleRuns()) {
      ColumnStore.Snapshot s = run.snapshot();
      if (s.size == 0) {
        continue;
      }
      ScalarRenderer.RunX rx = ScalarRenderer.RunX.of(s, mode, identity);
      int i = rx.nearest(s, x);
      if (i < 0 || !Double.isFinite(s.x(mode, i)) || !nearEnough(s, mode, x, i)) {
        continue; // a run that has no point near this x has nothing to say here
      }
      double smoothedValue = run.smoothed(s, smoothing())[i];
      out.add(new Readout(run.name(), run.color(), s.x(mode, i), s.step[i], s.value[i], smoothedValue, false));
    }
    for (RunGroup group : visibleGroups()) {
      double[] at = new double[group.members().size()];
      int found = 0;
      for (ScalarRun member : group.members()) {
        ColumnStore.Snapshot s = member.snapshot();
        if (s.size == 0 || !s.sorted(mode)) {
          continue;
        }
        double v =
            ScalarRenderer.RunX.of(s, mode, identity).interpolate(s, member.smoothed(s, smoothing()), x);
        if (Double.isFinite(v)) {
          at[found++] = v;
        }
      }
      GroupStatistics.Summary sum = GroupStatistics.summarise(at, found, group.spread());
      if (found == group.members().size() && Double.isFinite(sum.mean())) {
        out.add(new Readout(group.name(), group.color(), x, Double.NaN, sum.mean(), (sum.high() - sum.low()) / 2, true));
      }
    }
    return out;
  }

  /** Whether point i lies within two typical point spacings of x: inside the run's range, or just beyond its ends. */
  private static boolean nearEnough(ColumnStore.Snapshot s, XAxisMode mode, double x, int i) {
    double first = s.x(mode, 0);
    double last = s.x(mode, s.size - 1);
    double spacing = s.size > 1 && Double.isFinite(first) && Double.isFinite(last) ? Math.abs(last - first) / (s.size - 1) : 0;
    return Math.abs(s.x(mode, i) - x) <= Math.max(2 * spacing, 1e-9 * Math.abs(x));
  }

  // ---- export -----------------------------------------------------------------------------------------------------------------

  /**
   * Writes the chart as it is shown, axes included, with a strip naming the visible runs below it, as a PNG. JavaFX thread.
   */
  public void exportPng(Path file) throws IOException {
    requireFxThread("exportPng");
    ImageView plot = new ImageView(chart.snapshot(null, null));
    FlowPane names = new FlowPane(12, 4);
    names.setPadding(new Insets(4, 8, 6, 8));
    for (ScalarRun run : visibleRuns()) {
      names.getChildren().add(swatch(run.name(), run.color()));
    }
    for (RunGroup group : visibleGroups()) {
      names.getChildren().add(swatch(ChartTexts.get("scalar.export.groupMean", group.name(), group.spread().label()), group.color()));
    }
    names.setPrefWrapLength(plot.getImage().getWidth());
    VBox whole = new VBox(plot, names);
    whole.setStyle("-fx-background-color: white;");
    ChartExport.writePng(whole, file);
  }

  private static Node swatch(String name, Color color) {
    Rectangle r = new Rectangle(14, 3, color);
    Label label = new Label(name, r);
    label.setTextFill(Color.BLACK);
    return label;
  }

  /**
   * Writes every point of the visible runs as CSV, one row a point: run, step, epoch, wall time (ms since 1970, UTC), value and
   * the value as smoothed now. Non-finite values are written as NaN, Infinity or -Infinity. JavaFX thread.
   */
  public void exportCsv(Path file) throws IOException {
    requireFxThread("exportCsv");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeCsv(out);
    }
  }

  /** Writes the CSV of {@link #exportCsv} to a writer. JavaFX thread. */
  public void writeCsv(Writer out) throws IOException {
    requireFxThread("writeCsv");
    CsvWriter csv = new CsvWriter(out);
    csv.row("run", "step", "epoch", "wall_time_ms", "value", "smoothed");
    for (ScalarRun run : visibleRuns()) {
      ColumnStore.Snapshot s = run.snapshot();
      double[] smoothedValues = run.smoothed(s, smoothing());
      for (int i = 0; i < s.size; i++) {
        csv.row(
            run.name(),
            CsvWriter.number(s.step[i]),
            CsvWriter.number(s.epoch[i]),
            CsvWriter.number(s.wall[i]),
            CsvWriter.number(s.value[i]),
            CsvWriter.number(smoothedValues[i]));
      }
    }
    out.flush();
  }

  // ---- parts ------------------------------------------------------------------------------------------------------------------

  /** The ChartFX chart inside, for tests and callers that need more. JavaFX thread only. */
  public XYChart chart() {
    return chart;
  }

  /** The legend beside the chart. */
  public RunLegend legend() {
    return legend;
  }

  /** Frames drawn so far: how often the chart actually redrew its curves. For benchmarks. JavaFX thread. */
  public long renderedFrames() {
    return renderer.frames();
  }

  /** Longest time spent building one frame's drawing commands, in nanoseconds. For benchmarks. JavaFX thread. */
  public long longestRenderNanos() {
    return renderer.maxRenderNanos;
  }

  /** Starts {@link #longestRenderNanos()} over. For benchmarks. JavaFX thread. */
  public void resetLongestRender() {
    renderer.maxRenderNanos = 0;
  }

  /** The text under the chart that says which values are not drawn and why; empty when all are. JavaFX thread. */
  public String noticeText() {
    return notice.isVisible() ? notice.getText() : "";
  }

  ScalarRenderer renderer() {
    return renderer;
  }

  Axis xAxis() {
    return xAxis;
  }

  Axis yAxis() {
    return yAxis;
  }

  // ---- frame cycle ------------------------------------------------------------------------------------------------------------

  /** Any thread: a run changed. Asks for one pulse, however many appends follow before it. */
  private void markDirty() {
    if (dirty.compareAndSet(false, true)) {
      Platform.requestNextPulse();
    }
  }

  /** JavaFX thread: a setting changed; redraw on the next pulse. */
  void invalidate() {
    chart.fireInvalidated(ChartBits.ChartCanvas);
  }

  /** Start of each pulse, before ChartFX updates its axes: turns pending appends into one redraw. */
  private void beforeLayout() {
    if (!Visibility.shown(chart)) {
      return; // a hidden chart keeps its appends pending for the first pulse it is shown (see Visibility)
    }
    if (dirty.getAndSet(false) && !(extentsUnchanged() && renderer.appendFrame())) {
      chart.fireInvalidated(ChartBits.ChartCanvas);
    }
  }

  /**
   * Whether the axes would range as at the last full frame: then appended points need no axis change and can be drawn without
   * ChartFX redrawing its canvas.
   */
  private boolean extentsUnchanged() {
    if (lastXExtent == null || lastYExtent == null) {
      return false;
    }
    DataRange x = new DataRange();
    addXExtent(x);
    DataRange y = new DataRange();
    addYExtent(y, xAxis);
    return sameRange(x, lastXExtent) && sameRange(y, lastYExtent);
  }

  private static boolean sameRange(DataRange a, DataRange b) {
    return a.isDefined() == b.isDefined() && (!a.isDefined() || (a.getMin() == b.getMin() && a.getMax() == b.getMax()));
  }

  void frameDrawn(ScalarRenderer.FrameFacts facts, boolean refit) {
    if (refit) {
      // A group's band came out wider or narrower than the range fitted before it was computed: fit again on the next pulse.
      // Not invalidate(): ChartFX clears its dirty bits right after drawing, which would swallow the request.
      markDirty();
    }
    List<String> parts = new ArrayList<>();
    if (facts.nonFiniteMarked() > 0) {
      parts.add(ChartTexts.get("scalar.notice.nonFinite", facts.nonFiniteMarked()));
    }
    if (facts.notOnLogScale() > 0) {
      parts.add(ChartTexts.get("scalar.notice.notOnLogScale", facts.notOnLogScale()));
    }
    if (facts.missingX() > 0) {
      parts.add(ChartTexts.get("scalar.notice.missingX", facts.missingX(), xAxisMode().label()));
    }
    showNotice(String.join(ChartTexts.get("scalar.notice.join"), parts));
  }

  private void showNotice(String text) {
    if (!text.equals(notice.getText())) {
      notice.setText(text);
    }
    boolean show = !text.isEmpty();
    if (notice.isVisible() != show) {
      notice.setVisible(show);
    }
  }

  /** ChartFX asks for the x range to fit; remembered, so appends that leave it unchanged can skip ChartFX's redraw. */
  void fitX(AxisRange range) {
    DataRange x = new DataRange();
    addXExtent(x);
    lastXExtent = x;
    if (x.isDefined()) {
      range.add(x.getMin());
      range.add(x.getMax());
    }
  }

  /** As {@link #fitX} for y. */
  void fitY(AxisRange range, Axis x) {
    DataRange y = new DataRange();
    addYExtent(y, x);
    lastYExtent = y;
    if (y.isDefined()) {
      range.add(y.getMin());
      range.add(y.getMax());
    }
  }

  void addXExtent(DataRange range) {
    DataRange data = new DataRange(); // not AxisRange: its no-argument constructor starts at NaN and never becomes defined
    addDataXExtent(data);
    if (!data.isDefined()) {
      return;
    }
    range.add(data.getMin());
    // Round the live end up to a step of about 5% of the span: the axis then holds still while points arrive, so a frame only
    // folds in the new points instead of reducing every run again (see ColumnAggregate).
    range.add(stickyMax(data.getMin(), data.getMax()));
  }

  /** The maximum rounded up to a 1-2-5 step of about a twentieth of the span. */
  static double stickyMax(double min, double max) {
    double span = max - min;
    if (!(span > 0) || !Double.isFinite(span)) {
      return max;
    }
    double raw = span / 20;
    double decade = Math.pow(10, Math.floor(Math.log10(raw)));
    double unit = raw <= decade ? decade : raw <= 2 * decade ? 2 * decade : raw <= 5 * decade ? 5 * decade : 10 * decade;
    return Math.ceil(max / unit) * unit;
  }

  private void addDataXExtent(DataRange range) {
    XAxisMode mode = xAxisMode();
    for (ScalarRun run : runsInRange(false, range)) {
      ColumnStore.Snapshot s = run.snapshot();
      if (s.size == 0) {
        continue;
      }
      if (s.sorted(mode)) {
        range.add(s.x(mode, 0));
        range.add(s.x(mode, s.size - 1));
        continue;
      }
      for (int i = 0; i < s.size; i++) {
        double x = s.x(mode, i);
        if (Double.isFinite(x)) {
          range.add(x);
        }
      }
    }
  }

  void addYExtent(DataRange range, Axis x) {
    boolean log = isLogY();
    boolean allX = x == null || x.isAutoRanging();
    XAxisMode mode = xAxisMode();
    for (ScalarRun run : runsInRange(true, range)) {
      ColumnStore.Snapshot s = run.snapshot();
      if (s.size == 0) {
        continue;
      }
      if (allX) {
        double low = log ? s.minPositiveValue : s.minValue;
        if (Double.isFinite(low)) {
          range.add(low);
          range.add(s.maxValue);
        }
        continue;
      }
      double xMin = x.getMin();
      double xMax = x.getMax();
      for (int i = 0; i < s.size; i++) {
        double v = s.value[i];
        double xi = s.x(mode, i);
        if (xi >= xMin && xi <= xMax && Double.isFinite(v) && (!log || v > 0)) {
          range.add(v);
        }
      }
    }
  }

  /**
   * The runs the axes fit: the visible ones and, for x, the members of visible groups. For y a group counts with its band as last
   * drawn, so a hidden member's spike does not stretch the axis for a band that smooths it away; before its first frame, with its
   * members' values.
   */
  private List<ScalarRun> runsInRange(boolean forY, DataRange range) {
    List<ScalarRun> out = visibleRuns();
    for (RunGroup group : visibleGroups()) {
      double[] band = forY ? renderer.bandExtent(group) : null;
      if (band != null) {
        range.add(band[0]);
        range.add(band[1]);
        continue;
      }
      for (ScalarRun member : group.members()) {
        if (!out.contains(member)) {
          out.add(member);
        }
      }
    }
    return out;
  }

  private static void requireFxThread(String method) {
    if (!Platform.isFxApplicationThread()) {
      throw new IllegalStateException(
          "ScalarChart." + method + " must run on the JavaFX thread, not " + Thread.currentThread().getName());
    }
  }
}
