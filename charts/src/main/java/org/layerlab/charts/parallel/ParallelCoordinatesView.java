package org.layerlab.charts.parallel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.internal.ColorMap;
import org.layerlab.charts.internal.TickLabels;

/**
 * Parallel coordinates of a hyperparameter search: one vertical axis per hyperparameter and a last one for the metric, one line
 * per trial across them, coloured by the metric (viridis, with a colour bar). Dragging along an axis brushes an interval on it;
 * the trials inside every brushed interval stay coloured and are listed in {@link #selectedTrials()}, the others fade to grey. A
 * click on an axis without dragging clears its brush. Axes can be logarithmic, as learning rates usually want. JavaFX thread.
 */
public final class ParallelCoordinatesView extends BorderPane {

  public static final String PLOT_ID = "parallel-coordinates";
  public static final String STATUS_ID = "parallel-coordinates-status";
  public static final String CLEAR_ID = "parallel-coordinates-clear";

  private static final double MIN_LEFT = 60;
  private static final double MIN_RIGHT = 90;
  private static final Font NAME_FONT = Font.font(null, FontWeight.BOLD, 12);
  private static final double TOP = 44;
  private static final double BOTTOM = 24;
  /** How close to an axis, in pixels, a press starts a brush. */
  private static final double GRAB = 18;

  private final List<String> dimensions;
  private final String metric;
  private final List<Trial> trials = new ArrayList<>();
  private final Set<String> logScale = new HashSet<>();
  private final Map<String, double[]> brushes = new LinkedHashMap<>();
  private final ObservableList<Trial> selected = FXCollections.observableArrayList();
  private final ObservableList<Trial> selectedView = FXCollections.unmodifiableObservableList(selected);
  private final Canvas canvas = new Canvas();
  private final Label status = new Label();
  /** Margins, wide enough for the first and last axis names centred on their axes. */
  private double left = MIN_LEFT;

  private double right = MIN_RIGHT;
  private String dragging;
  private double dragStartY;

  /**
   * @param hyperparameters the axes from left to right
   * @param metric the last axis and the colour of the lines
   */
  public ParallelCoordinatesView(List<String> hyperparameters, String metric) {
    this.metric = Objects.requireNonNull(metric, "metric");
    List<String> dims = new ArrayList<>(hyperparameters);
    dims.remove(metric);
    dims.add(metric);
    this.dimensions = List.copyOf(dims);
    Pane plot =
        new Pane(canvas) {
          @Override
          protected void layoutChildren() {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
          }
        };
    plot.setId(PLOT_ID);
    plot.setMinSize(200, 150);
    canvas.setOnMousePressed(this::pressed);
    canvas.setOnMouseDragged(this::dragged);
    canvas.setOnMouseReleased(this::released);
    Button clear = new Button(ChartTexts.get("parallel.clear"));
    clear.setId(CLEAR_ID);
    clear.setOnAction(e -> clearBrushes());
    status.setId(STATUS_ID);
    HBox bar = new HBox(12, clear, status);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    setTop(bar);
    setCenter(plot);
    getStyleClass().add("parallel-coordinates-view");
  }

  /** The axes from left to right; the metric is last. */
  public List<String> dimensions() {
    return dimensions;
  }

  public void setTrials(List<Trial> value) {
    trials.clear();
    trials.addAll(value);
    update();
  }

  public List<Trial> trials() {
    return List.copyOf(trials);
  }

  /** Draws a dimension on a logarithmic axis; its values at or below zero then count as missing. */
  public void setLogScale(String dimension, boolean log) {
    requireDimension(dimension);
    if (log) {
      logScale.add(dimension);
    } else {
      logScale.remove(dimension);
    }
    update();
  }

  /** Keeps only the trials whose value on the dimension lies in [low, high] (either order). */
  public void setBrush(String dimension, double low, double high) {
    requireDimension(dimension);
    brushes.put(dimension, new double[] {Math.min(low, high), Math.max(low, high)});
    update();
  }

  public void clearBrush(String dimension) {
    brushes.remove(dimension);
    update();
  }

  public void clearBrushes() {
    brushes.clear();
    update();
  }

  /** The brushed intervals by dimension, each {low, high}; a copy. */
  public Map<String, double[]> brushes() {
    Map<String, double[]> out = new LinkedHashMap<>();
    brushes.forEach((k, v) -> out.put(k, v.clone()));
    return out;
  }

  /** The trials inside every brushed interval, in the order given; all trials when nothing is brushed. */
  public ObservableList<Trial> selectedTrials() {
    return selectedView;
  }

  /** The x of a dimension's axis, in this view's coordinates; NaN before layout. */
  public double axisX(String dimension) {
    int i = requireDimension(dimension);
    double x = left + i * axisGap();
    return sceneToLocal(canvas.localToScene(x, 0)).getX();
  }

  /** The y at which a value sits on a dimension's axis, in this view's coordinates. */
  public double valueY(String dimension, double value) {
    requireDimension(dimension);
    double y = toY(dimension, value);
    return sceneToLocal(canvas.localToScene(0, y)).getY();
  }

  private int requireDimension(String dimension) {
    int i = dimensions.indexOf(dimension);
    if (i < 0) {
      throw new IllegalArgumentException("no dimension '" + dimension + "' among " + dimensions);
    }
    return i;
  }

  private double axisGap() {
    return dimensions.size() < 2 ? 0 : (canvas.getWidth() - left - right) / (dimensions.size() - 1);
  }

  // ---- scales -------------------------------------------------------------------------------------------------------------

  private double scaled(String dimension, double v) {
    if (!logScale.contains(dimension)) {
      return v;
    }
    return v > 0 ? Math.log10(v) : Double.NaN;
  }

  private double unscaled(String dimension, double s) {
    return logScale.contains(dimension) ? Math.pow(10, s) : s;
  }

  /** {low, high} of a dimension in scaled units, padded by 5%; {0, 1} when no trial has a value. */
  private double[] range(String dimension) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Trial t : trials) {
      double s = scaled(dimension, t.value(dimension));
      if (Double.isFinite(s)) {
        lo = Math.min(lo, s);
        hi = Math.max(hi, s);
      }
    }
    if (lo > hi) {
      return new double[] {0, 1};
    }
    if (lo == hi) {
      return new double[] {lo - 0.5, hi + 0.5};
    }
    double pad = (hi - lo) * 0.05;
    return new double[] {lo - pad, hi + pad};
  }

  private double toY(String dimension, double value) {
    double[] r = range(dimension);
    double s = scaled(dimension, value);
    double h = canvas.getHeight() - TOP - BOTTOM;
    return TOP + h * (1 - (s - r[0]) / (r[1] - r[0]));
  }

  private double fromY(String dimension, double y) {
    double[] r = range(dimension);
    double h = canvas.getHeight() - TOP - BOTTOM;
    return unscaled(dimension, r[0] + (1 - (y - TOP) / h) * (r[1] - r[0]));
  }

  // ---- selection ------------------------------------------------------------------------------------------------------------

  private boolean inBrushes(Trial t) {
    for (Map.Entry<String, double[]> b : brushes.entrySet()) {
      double v = t.value(b.getKey());
      if (!(v >= b.getValue()[0] && v <= b.getValue()[1])) {
        return false;
      }
    }
    return true;
  }

  private void update() {
    List<Trial> in = new ArrayList<>();
    for (Trial t : trials) {
      if (inBrushes(t)) {
        in.add(t);
      }
    }
    if (!in.equals(selected)) {
      selected.setAll(in);
    }
    long incomplete = trials.stream().filter(t -> dimensions.stream().anyMatch(d -> Double.isNaN(scaled(d, t.value(d))))).count();
    String text =
        brushes.isEmpty()
            ? ChartTexts.get("parallel.status.all", trials.size())
            : selected.isEmpty() || selected.size() > 4
                ? ChartTexts.get("parallel.status.selected", selected.size(), trials.size())
                : ChartTexts.get("parallel.status.selectedNames", selected.size(), trials.size(), namesOf(selected));
    if (incomplete > 0) {
      text = ChartTexts.get("parallel.status.incomplete", text, incomplete);
    }
    status.setText(text);
    redraw();
  }

  private static String namesOf(List<Trial> ts) {
    return String.join(ChartTexts.get("parallel.status.nameSeparator"), ts.stream().map(Trial::name).toList());
  }

  // ---- mouse --------------------------------------------------------------------------------------------------------------

  private String axisNear(double x) {
    double gap = axisGap();
    for (int i = 0; i < dimensions.size(); i++) {
      if (Math.abs(x - (left + i * gap)) <= GRAB) {
        return dimensions.get(i);
      }
    }
    return null;
  }

  private void pressed(MouseEvent e) {
    dragging = axisNear(e.getX());
    dragStartY = e.getY();
  }

  private void dragged(MouseEvent e) {
    if (dragging != null && Math.abs(e.getY() - dragStartY) >= 3) {
      setBrush(dragging, fromY(dragging, clampY(dragStartY)), fromY(dragging, clampY(e.getY())));
    }
  }

  private void released(MouseEvent e) {
    if (dragging != null && Math.abs(e.getY() - dragStartY) < 3) {
      clearBrush(dragging);
    }
    dragging = null;
  }

  private double clampY(double y) {
    return Math.max(TOP, Math.min(canvas.getHeight() - BOTTOM, y));
  }

  // ---- drawing ------------------------------------------------------------------------------------------------------------

  private void redraw() {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext gc = canvas.getGraphicsContext2D();
    gc.clearRect(0, 0, w, h);
    if (!dimensions.isEmpty()) {
      left = Math.max(MIN_LEFT, nameWidth(dimensions.get(0)) / 2 + 8);
      right = Math.max(MIN_RIGHT, nameWidth(dimensions.get(dimensions.size() - 1)) / 2 + 70);
    }
    if (w <= left + right || h <= TOP + BOTTOM || dimensions.isEmpty()) {
      return;
    }
    double gap = axisGap();
    double[] metricRange = range(metric);

    gc.setLineWidth(1.2);
    // brushed-out trials first, grey and behind; then the selected ones in their metric's colour
    for (int pass = 0; pass < 2; pass++) {
      for (Trial t : trials) {
        boolean in = inBrushes(t);
        if (in != (pass == 1)) {
          continue;
        }
        double m = scaled(metric, t.value(metric));
        gc.setStroke(
            in ? ColorMap.viridis((m - metricRange[0]) / (metricRange[1] - metricRange[0])) : Color.gray(0.6, 0.35));
        gc.setLineWidth(in ? 1.8 : 1);
        gc.beginPath();
        boolean drawing = false;
        for (int i = 0; i < dimensions.size(); i++) {
          String d = dimensions.get(i);
          double s = scaled(d, t.value(d));
          if (!Double.isFinite(s)) {
            drawing = false;
            continue;
          }
          double x = left + i * gap;
          double y = toY(d, t.value(d));
          if (drawing) {
            gc.lineTo(x, y);
          } else {
            gc.moveTo(x, y);
            drawing = true;
          }
        }
        gc.stroke();
      }
    }

    for (int i = 0; i < dimensions.size(); i++) {
      String d = dimensions.get(i);
      double x = left + i * gap;
      double[] b = brushes.get(d);
      if (b != null) {
        double y0 = toY(d, b[1]);
        double y1 = toY(d, b[0]);
        gc.setFill(Color.color(0.84, 0.37, 0, 0.18));
        gc.fillRect(x - 9, Math.max(TOP, y0), 18, Math.min(h - BOTTOM, y1) - Math.max(TOP, y0));
        gc.setStroke(Color.web("#D55E00"));
        gc.setLineWidth(1.5);
        gc.strokeRect(x - 9, Math.max(TOP, y0), 18, Math.min(h - BOTTOM, y1) - Math.max(TOP, y0));
      }
      gc.setStroke(Color.gray(0.2));
      gc.setLineWidth(1.5);
      gc.strokeLine(x, TOP, x, h - BOTTOM);
      gc.setFill(Color.BLACK);
      gc.setFont(NAME_FONT);
      gc.setTextAlign(TextAlignment.CENTER);
      gc.setTextBaseline(VPos.BOTTOM);
      gc.fillText(axisName(d), x, TOP - 14);
      gc.setFont(Font.font(10));
      gc.setTextAlign(TextAlignment.RIGHT);
      gc.setTextBaseline(VPos.CENTER);
      double[] r = range(d);
      for (double tick : ticks(d, r)) {
        double y = toY(d, tick);
        gc.strokeLine(x - 4, y, x, y);
        gc.fillText(label(tick), x - 6, y);
      }
    }
    drawColourBar(gc, w, h, metricRange);
  }

  /** The title over an axis: its name, marked when the axis is logarithmic. */
  private String axisName(String d) {
    return logScale.contains(d) ? ChartTexts.get("parallel.axis.log", d) : d;
  }

  private double nameWidth(String d) {
    javafx.scene.text.Text t = new javafx.scene.text.Text(axisName(d));
    t.setFont(NAME_FONT);
    return t.getLayoutBounds().getWidth();
  }

  /** About five tick values: decades on a log axis, else evenly spaced round numbers. */
  private List<Double> ticks(String d, double[] r) {
    List<Double> out = new ArrayList<>();
    if (logScale.contains(d)) {
      for (double e = Math.ceil(r[0]); e <= r[1]; e++) {
        out.add(Math.pow(10, e));
      }
      if (out.isEmpty()) {
        out.add(Math.pow(10, (r[0] + r[1]) / 2));
      }
      return out;
    }
    double span = r[1] - r[0];
    double raw = span / 5;
    double decade = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw <= decade ? decade : raw <= 2 * decade ? 2 * decade : raw <= 5 * decade ? 5 * decade : 10 * decade;
    for (double v = Math.ceil(r[0] / step) * step; v <= r[1]; v += step) {
      out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return out;
  }

  private static String label(double v) {
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-2 || a >= 1e5)) {
      return String.format(Locale.ROOT, "%.0e", v);
    }
    return TickLabels.count(v);
  }

  private void drawColourBar(GraphicsContext gc, double w, double h, double[] r) {
    double x = w - right + 40;
    double top = TOP;
    double bottom = h - BOTTOM;
    for (double y = top; y < bottom; y++) {
      gc.setFill(ColorMap.viridis(1 - (y - top) / (bottom - top)));
      gc.fillRect(x, y, 12, 1.5);
    }
    gc.setFill(Color.BLACK);
    gc.setFont(Font.font(10));
    gc.setTextAlign(TextAlignment.LEFT);
    gc.setTextBaseline(VPos.CENTER);
    gc.fillText(label(unscaled(metric, r[1])), x + 15, top + 4);
    gc.fillText(label(unscaled(metric, r[0])), x + 15, bottom - 4);
  }
}
