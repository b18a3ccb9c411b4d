package org.layerlab.charts.histogram;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.DataRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.internal.ColorMap;
import org.layerlab.charts.internal.PlotChart;
import org.layerlab.charts.internal.PlotRenderer;
import org.layerlab.charts.internal.TickLabels;

/**
 * How a tensor's distribution of values changes over training, in one of two views as in TensorBoard:
 *
 * <ul>
 *   <li>{@link Mode#RIDGES}, TensorBoard's histograms: one ridge per snapshot, value along x, offset downwards by step so the latest
 *       is in front; each ridge is scaled to its own peak, so a distribution that widens stays readable (its spread shows on the
 *       x axis).
 *   <li>{@link Mode#HEAT_MAP}, a heat map of value (y) against step (x), each step's column coloured by its density relative to
 *       its own peak (viridis, on a log scale so the tails show), with the median as a white line; the counterpart of
 *       TensorBoard's distributions. Empty bins stay blank.
 * </ul>
 *
 * <p>{@link #add} may be called from any thread, such as the training thread after each epoch; the view redraws once on the next
 * pulse. When there are more snapshots than ridges fit, the ridges show evenly spaced ones and the line above the chart says so.
 */
public final class HistogramView extends BorderPane {

  /** The two views. */
  public enum Mode {
    RIDGES,
    HEAT_MAP
  }

  public static final String CHART_ID = "histogram-chart";
  public static final String RIDGES_ID = "histogram-ridges";
  public static final String HEAT_MAP_ID = "histogram-heat-map";
  public static final String NOTE_ID = "histogram-note";

  /** Most ridges drawn; beyond it they would be too thin to read. */
  static final int MAX_RIDGES = 40;

  /** Rows of the heat map's value grid. */
  static final int HEAT_ROWS = 120;

  /** How many ridge spacings the tallest ridge rises. */
  private static final double RIDGE_HEIGHT = 2.5;

  private final List<HistogramSnapshot> snapshots = new CopyOnWriteArrayList<>();
  private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.RIDGES);
  private final Renderer renderer = new Renderer();
  private final PlotChart chart;
  private final Label note = new Label();
  /** The step axis title, in the language of the time the view was built, like its buttons. */
  private final String stepLabel;

  /** @param valueLabel what the values are, such as "conv1 weights" */
  public HistogramView(String valueLabel) {
    stepLabel = ChartTexts.get("histogram.step");
    chart = PlotRenderer.chart(valueLabel, stepLabel, renderer, CHART_ID);
    chart.setMinimumRedrawInterval(100); // histograms come every epoch; ten frames a second is live enough
    ((DefaultNumericAxis) chart.getXAxis()).setTickLabelFormatter(TickLabels.counts());
    ((DefaultNumericAxis) chart.getYAxis()).setTickLabelFormatter(TickLabels.counts());
    ToggleGroup group = new ToggleGroup();
    ToggleButton ridges = new ToggleButton(ChartTexts.get("histogram.ridges"));
    ridges.setId(RIDGES_ID);
    ridges.setUserData(Mode.RIDGES);
    ToggleButton heat = new ToggleButton(ChartTexts.get("histogram.heatMap"));
    heat.setId(HEAT_MAP_ID);
    heat.setUserData(Mode.HEAT_MAP);
    ridges.setToggleGroup(group);
    heat.setToggleGroup(group);
    ridges.setSelected(true);
    group.selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                old.setSelected(true);
              } else {
                mode.set((Mode) now.getUserData());
              }
            });
    mode.addListener(
        (obs, old, now) -> {
          (now == Mode.HEAT_MAP ? heat : ridges).setSelected(true);
          applyMode(now, valueLabel);
        });
    note.setId(NOTE_ID);
    HBox bar = new HBox(6, ridges, heat, note);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    HBox.setMargin(note, new Insets(0, 0, 0, 12));
    setTop(bar);
    setCenter(chart);
    getStyleClass().add("histogram-view");
    applyMode(Mode.RIDGES, valueLabel);
  }

  /** Adds a snapshot; snapshots are shown in order of step. Any thread. */
  public void add(HistogramSnapshot snapshot) {
    snapshots.add(Objects.requireNonNull(snapshot, "snapshot"));
    chart.requestRedraw();
  }

  /** Removes all snapshots. Any thread. */
  public void clear() {
    snapshots.clear();
    chart.requestRedraw();
  }

  /** The snapshots so far, in the order added. Any thread. */
  public List<HistogramSnapshot> snapshots() {
    return List.copyOf(snapshots);
  }

  public ObjectProperty<Mode> modeProperty() {
    return mode;
  }

  public Mode getMode() {
    return mode.get();
  }

  public void setMode(Mode value) {
    mode.set(Objects.requireNonNull(value, "mode"));
  }

  /** The ChartFX chart inside. JavaFX thread only. */
  public PlotChart chart() {
    return chart;
  }

  /** The text above the chart; says when not every snapshot is drawn. JavaFX thread. */
  public String noteText() {
    return note.getText();
  }

  /**
   * The snapshots the ridges show: all, or at most {@link #MAX_RIDGES} with a fixed stride counted back from the latest, so the
   * ridges stay evenly spaced and the latest is always among them.
   */
  static List<HistogramSnapshot> ridgesShown(List<HistogramSnapshot> sorted) {
    int n = sorted.size();
    if (n <= MAX_RIDGES) {
      return sorted;
    }
    int stride = (n + MAX_RIDGES - 1) / MAX_RIDGES;
    List<HistogramSnapshot> out = new ArrayList<>(MAX_RIDGES);
    for (int i = n - 1; i >= 0; i -= stride) {
      out.add(0, sorted.get(i));
    }
    return out;
  }

  private void applyMode(Mode m, String valueLabel) {
    DefaultNumericAxis x = (DefaultNumericAxis) chart.getXAxis();
    DefaultNumericAxis y = (DefaultNumericAxis) chart.getYAxis();
    if (m == Mode.RIDGES) {
      x.setName(valueLabel);
      y.setName(stepLabel);
      y.invertAxis(true); // the latest step lowest, in front
    } else {
      x.setName(stepLabel);
      y.setName(valueLabel);
      y.invertAxis(false);
    }
    x.setAutoRanging(true);
    y.setAutoRanging(true);
    chart.requestRedraw();
  }

  private List<HistogramSnapshot> sorted() {
    List<HistogramSnapshot> all = new ArrayList<>(snapshots);
    all.sort((a, b) -> Double.compare(a.step(), b.step()));
    return all;
  }

  private void showNote(String text) {
    if (!text.equals(note.getText())) {
      note.setText(text); // set after this pulse's layout: laid out in the next one, which JavaFX schedules
    }
  }

  /** Draws whichever view is chosen. */
  private final class Renderer extends PlotRenderer {

    @Override
    protected void extents(DataRange x, DataRange y) {
      List<HistogramSnapshot> all = sorted();
      if (all.isEmpty()) {
        return;
      }
      DataRange values = mode.get() == Mode.RIDGES ? x : y;
      DataRange steps = mode.get() == Mode.RIDGES ? y : x;
      for (HistogramSnapshot h : all) {
        values.add(h.min());
        values.add(h.max());
      }
      double first = all.get(0).step();
      double last = all.get(all.size() - 1).step();
      double spacing = all.size() > 1 ? (last - first) / (all.size() - 1) : 1;
      if (mode.get() == Mode.RIDGES) {
        // room above the earliest ridge for its height
        List<HistogramSnapshot> shown = ridgesShown(all);
        double ridgeSpacing = shown.size() > 1 ? (last - first) / (shown.size() - 1) : 1;
        steps.add(first - RIDGE_HEIGHT * ridgeSpacing);
        steps.add(last);
      } else {
        steps.add(first - spacing / 2);
        steps.add(last + spacing / 2);
      }
    }

    @Override
    protected void draw(GraphicsContext gc, Axis x, Axis y, double width, double height) {
      List<HistogramSnapshot> all = sorted();
      if (all.isEmpty()) {
        showNote(ChartTexts.get("histogram.empty"));
        return;
      }
      if (mode.get() == Mode.RIDGES) {
        drawRidges(gc, all, x, y);
      } else {
        drawHeatMap(gc, all, x, y);
      }
    }

    private void drawRidges(GraphicsContext gc, List<HistogramSnapshot> all, Axis x, Axis y) {
      List<HistogramSnapshot> shown = ridgesShown(all);
      double first = shown.get(0).step();
      double last = shown.get(shown.size() - 1).step();
      double spacing = shown.size() > 1 ? (last - first) / (shown.size() - 1) : 1;
      double pixelsPerStep = Math.abs(y.getDisplayPosition(first + spacing) - y.getDisplayPosition(first));
      double tallest = RIDGE_HEIGHT * Math.max(pixelsPerStep, 8);
      gc.setLineWidth(1.2);
      // earliest first, so each later ridge is drawn in front of the ones above it
      for (int k = 0; k < shown.size(); k++) {
        HistogramSnapshot h = shown.get(k);
        double base = y.getDisplayPosition(h.step());
        int n = h.bins();
        double maxDensity = 0;
        for (int i = 0; i < n; i++) {
          maxDensity = Math.max(maxDensity, h.density(i));
        }
        double[] xs = new double[2 * n + 2];
        double[] ys = new double[2 * n + 2];
        xs[0] = x.getDisplayPosition(h.min());
        ys[0] = base;
        for (int i = 0; i < n; i++) {
          double top = base - (maxDensity > 0 ? tallest * h.density(i) / maxDensity : 0);
          xs[1 + 2 * i] = x.getDisplayPosition(h.edges()[i]);
          ys[1 + 2 * i] = top;
          xs[2 + 2 * i] = x.getDisplayPosition(h.edges()[i + 1]);
          ys[2 + 2 * i] = top;
        }
        xs[2 * n + 1] = x.getDisplayPosition(h.max());
        ys[2 * n + 1] = base;
        double age = shown.size() == 1 ? 1 : (double) k / (shown.size() - 1);
        Color line = ColorMap.viridis(0.15 + 0.7 * age);
        gc.setFill(Color.color(
            0.55 + 0.45 * line.getRed(), 0.55 + 0.45 * line.getGreen(), 0.55 + 0.45 * line.getBlue(), 0.92));
        gc.fillPolygon(xs, ys, xs.length);
        gc.setStroke(line);
        gc.strokePolyline(xs, ys, xs.length);
      }
      showNote(
          shown.size() < all.size()
              ? ChartTexts.get("histogram.note.ridgesSome", shown.size(), all.size())
              : ChartTexts.get("histogram.note.ridgesAll", all.size()));
    }

    private void drawHeatMap(GraphicsContext gc, List<HistogramSnapshot> all, Axis x, Axis y) {
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (HistogramSnapshot h : all) {
        low = Math.min(low, h.min());
        high = Math.max(high, h.max());
      }
      int n = all.size();
      WritableImage image = new WritableImage(n, HEAT_ROWS);
      PixelWriter pixels = image.getPixelWriter();
      double[] medians = new double[n];
      for (int k = 0; k < n; k++) {
        HistogramSnapshot h = all.get(k);
        double[] column = resample(h, low, high);
        double peak = 0;
        for (double v : column) {
          peak = Math.max(peak, v);
        }
        for (int row = 0; row < HEAT_ROWS; row++) {
          // image row 0 is the top: the highest values
          double v = column[HEAT_ROWS - 1 - row];
          pixels.setArgb(k, row, v <= 0 ? 0 : ColorMap.viridisArgb(shade(v / peak)));
        }
        medians[k] = h.quantile(0.5);
      }
      gc.setImageSmoothing(false);
      double top = Math.min(y.getDisplayPosition(high), y.getDisplayPosition(low));
      double bottom = Math.max(y.getDisplayPosition(high), y.getDisplayPosition(low));
      for (int k = 0; k < n; k++) {
        double step = all.get(k).step();
        double before = k > 0 ? (step + all.get(k - 1).step()) / 2 : step - halfGap(all, k);
        double after = k < n - 1 ? (step + all.get(k + 1).step()) / 2 : step + halfGap(all, k);
        double left = x.getDisplayPosition(before);
        double right = x.getDisplayPosition(after);
        // a little overlap: columns placed at fractional pixels would otherwise leave hairline gaps
        gc.drawImage(image, k, 0, 1, HEAT_ROWS, left, top, Math.max(1, right - left) + 0.75, bottom - top);
      }
      gc.setStroke(Color.WHITE);
      gc.setLineWidth(1.5);
      double[] mx = new double[n];
      double[] my = new double[n];
      for (int k = 0; k < n; k++) {
        mx[k] = x.getDisplayPosition(all.get(k).step());
        my[k] = y.getDisplayPosition(medians[k]);
      }
      gc.strokePolyline(mx, my, n);
      showNote(ChartTexts.get("histogram.note.heatMap", n));
    }

    /** A density share on a log scale from 1% up: the tails of a peaked distribution stay visible. */
    private double shade(double share) {
      return Math.log1p(100 * share) / Math.log(101);
    }

    private double halfGap(List<HistogramSnapshot> all, int k) {
      if (all.size() < 2) {
        return 0.5;
      }
      int other = k == 0 ? 1 : k - 1;
      return Math.abs(all.get(k).step() - all.get(other).step()) / 2;
    }
  }

  /**
   * A snapshot's density on {@link #HEAT_ROWS} equal rows from low to high: each row gets the counts of the bins it overlaps, in
   * proportion to the overlap, divided by its height.
   */
  static double[] resample(HistogramSnapshot h, double low, double high) {
    double[] out = new double[HEAT_ROWS];
    double rowHeight = (high - low) / HEAT_ROWS;
    double[] e = h.edges();
    for (int i = 0; i < h.bins(); i++) {
      double a = e[i];
      double b = e[i + 1];
      int r0 = Math.max(0, (int) Math.floor((a - low) / rowHeight));
      int r1 = Math.min(HEAT_ROWS - 1, (int) Math.floor((b - low) / rowHeight));
      for (int r = r0; r <= r1; r++) {
        double rowLow = low + r * rowHeight;
        double overlap = Math.min(b, rowLow + rowHeight) - Math.max(a, rowLow);
        if (overlap > 0) {
          out[r] += h.counts()[i] * overlap / (b - a) / rowHeight;
        }
      }
    }
    return out;
  }
}
