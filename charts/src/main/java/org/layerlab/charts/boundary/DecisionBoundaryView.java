package org.layerlab.charts.boundary;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.dataset.spi.DataRange;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.SeriesPalette;
import org.layerlab.charts.internal.PlotChart;
import org.layerlab.charts.internal.PlotRenderer;

/**
 * A classifier's decision regions on a two-dimensional dataset with the training points on top, redrawn while training runs, as
 * in TensorFlow Playground.
 *
 * <p>Each cell of the {@link DecisionField} is coloured by the class colours mixed in proportion to their probabilities and paled
 * where the model is unsure, so confident regions are strong and the boundary fades; a dark line traces where the most probable
 * class changes. Points are drawn in their class's colour with a white rim; a point the field assigns to another class gets a
 * black rim, so misclassified training points stand out. The status line counts the points and those on the wrong side, and
 * names the epoch the field is from when it was {@linkplain #setField(DecisionField, int) given one}.
 *
 * <p>{@link #setField} and {@link #setPoints} may be called from any thread, such as the training thread every few steps: the
 * view redraws on a pulse with the latest field, however many arrived, at most {@value #REDRAWS_PER_SECOND} times a second. The
 * cells' colours and classes are worked out on the calling thread, so the JavaFX thread only copies them into the picture. Class
 * colours come from {@link SeriesPalette}.
 */
public final class DecisionBoundaryView extends BorderPane {

  public static final String CHART_ID = "decision-boundary";
  public static final String STATUS_ID = "decision-boundary-status";

  /** What {@link #getEpoch()} says for a field set without an epoch. */
  public static final int NO_EPOCH = -1;

  static final double POINT_RADIUS = 4;
  /** A field a tenth of a second old is still live to the eye; drawing every epoch of a small set kept a software renderer busy. */
  static final int REDRAWS_PER_SECOND = 10;

  private volatile DecisionField field;
  /** The latest field's cells as colours and most probable classes, worked out by the thread that set the field. */
  private volatile Cells cells;
  private volatile List<LabeledPoint> points = List.of();
  private volatile List<String> classNames = List.of();
  private final Renderer renderer = new Renderer();
  private final PlotChart chart;
  private final Label status = new Label();
  private final FlowPane legend = new FlowPane(12, 4);
  private long fieldsDrawn;

  /** @param xLabel the first feature's name; @param yLabel the second's */
  public DecisionBoundaryView(String xLabel, String yLabel) {
    chart = PlotRenderer.chart(xLabel, yLabel, renderer, CHART_ID);
    chart.setMinimumRedrawInterval(1000 / REDRAWS_PER_SECOND);
    status.setId(STATUS_ID);
    BorderPane top = new BorderPane();
    top.setLeft(legend);
    top.setRight(status);
    legend.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(4, 8, 4, 8));
    setTop(top);
    setCenter(chart);
    getStyleClass().add("decision-boundary-view");
  }

  /** Shows a new field of class probabilities that is from no particular epoch (the status line then names none). Any thread. */
  public void setField(DecisionField value) {
    show(value, NO_EPOCH);
  }

  /**
   * Shows a new field of class probabilities, the model's after training epoch {@code epoch} (counting from 1), which the status
   * line names. Any thread.
   */
  public void setField(DecisionField value, int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("A decision field's epoch counts from 1 (0 for the untrained model), not " + epoch);
    }
    show(value, epoch);
  }

  private void show(DecisionField value, int epoch) {
    Cells worked = Cells.of(Objects.requireNonNull(value, "field"), epoch);
    cells = worked;
    field = value;
    chart.requestRedraw();
  }

  /** The epoch of the field shown last, or {@value #NO_EPOCH} when it came without one or there is none. */
  public int getEpoch() {
    Cells cs = cells;
    return cs == null ? NO_EPOCH : cs.epoch();
  }

  public DecisionField getField() {
    return field;
  }

  /** Shows these training points on top of the field. Any thread; the list is copied. */
  public void setPoints(List<LabeledPoint> value) {
    points = List.copyOf(value);
    chart.requestRedraw();
  }

  public List<LabeledPoint> getPoints() {
    return points;
  }

  /** Names the classes in the legend, in class order. JavaFX thread. */
  public void setClassNames(List<String> names) {
    classNames = List.copyOf(names);
    legend.getChildren().clear();
    for (int k = 0; k < names.size(); k++) {
      Label l = new Label(names.get(k), new Circle(POINT_RADIUS + 1, classColor(k)));
      legend.getChildren().add(l);
    }
  }

  /** The colour of a class: its palette colour. */
  public static Color classColor(int k) {
    return SeriesPalette.color(k);
  }

  /** The colour a cell is drawn in: the class colours mixed by probability, paled by uncertainty. */
  public static Color cellColor(DecisionField f, int column, int row) {
    double r = 0;
    double g = 0;
    double b = 0;
    double max = 0;
    for (int k = 0; k < f.classes(); k++) {
      double p = f.probability(column, row, k);
      Color c = classColor(k);
      r += p * c.getRed();
      g += p * c.getGreen();
      b += p * c.getBlue();
      max = Math.max(max, p);
    }
    double chance = 1.0 / f.classes();
    double confidence = Math.max(0, Math.min(1, (max - chance) / (1 - chance)));
    double strength = 0.15 + 0.55 * confidence; // never fully saturated: the points must stand out
    return Color.color(
        clamp(1 - strength + strength * r), clamp(1 - strength + strength * g), clamp(1 - strength + strength * b));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /** The ChartFX chart inside. JavaFX thread only. */
  public PlotChart chart() {
    return chart;
  }

  /** Training points that the current field assigns to another class than their label. */
  public long misclassifiedPoints() {
    DecisionField f = field;
    if (f == null) {
      return 0;
    }
    return points.stream().filter(p -> f.predictedAt(p.x(), p.y()) >= 0 && f.predictedAt(p.x(), p.y()) != p.label()).count();
  }

  /** Fields drawn so far; fields that arrived between two pulses count once. JavaFX thread. */
  public long fieldsDrawn() {
    return fieldsDrawn;
  }

  /**
   * A field's cells ready to draw: one ARGB colour per cell in image order (rows flipped, so the top row is the field's largest y)
   * and the most probable class of each cell in field order; with the epoch the field is from, so the status names the epoch of the
   * picture it stands under.
   */
  private record Cells(DecisionField field, int epoch, int[] argb, int[] predicted) {
    static Cells of(DecisionField f, int epoch) {
      int columns = f.columns();
      int rows = f.rows();
      int[] argb = new int[columns * rows];
      int[] predicted = new int[columns * rows];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          Color color = cellColor(f, c, r);
          argb[(rows - 1 - r) * columns + c] =
              0xff000000
                  | (int) Math.round(color.getRed() * 255) << 16
                  | (int) Math.round(color.getGreen() * 255) << 8
                  | (int) Math.round(color.getBlue() * 255);
          predicted[r * columns + c] = f.predicted(c, r);
        }
      }
      return new Cells(f, epoch, argb, predicted);
    }

    int predicted(int column, int row) {
      return predicted[row * field.columns() + column];
    }
  }

  /** Pixels across a point's marker: the disc and its rim, with a pixel to spare for the smoothed edge. */
  static final int MARKER_SIZE = 2 * (int) Math.ceil(POINT_RADIUS + 1.5) + 1;

  /**
   * A point's marker as a small picture: a disc in the class colour with a white rim, or a black one twice as wide for a point on
   * the wrong side, its edges smoothed. Hundreds of points drawn as pictures cost the renderer a copy each; drawn as smoothed
   * circles they took most of its time at ten frames a second on a software renderer.
   */
  static int[] markerPixels(Color fill, Color rim, double rimWidth) {
    int n = MARKER_SIZE;
    double centre = n / 2.0;
    int[] argb = new int[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        double d = Math.hypot(x + 0.5 - centre, y + 0.5 - centre);
        double inside = clamp(POINT_RADIUS + 0.5 - d);
        double onRim = clamp(rimWidth / 2 + 0.5 - Math.abs(d - POINT_RADIUS));
        double alpha = onRim + (1 - onRim) * inside;
        if (alpha <= 0) {
          continue;
        }
        double r = (onRim * rim.getRed() + (1 - onRim) * inside * fill.getRed()) / alpha;
        double g = (onRim * rim.getGreen() + (1 - onRim) * inside * fill.getGreen()) / alpha;
        double b = (onRim * rim.getBlue() + (1 - onRim) * inside * fill.getBlue()) / alpha;
        argb[y * n + x] =
            (int) Math.round(alpha * 255) << 24
                | (int) Math.round(clamp(r) * 255) << 16
                | (int) Math.round(clamp(g) * 255) << 8
                | (int) Math.round(clamp(b) * 255);
      }
    }
    return argb;
  }

  private final java.util.Map<Integer, WritableImage> markers = new java.util.HashMap<>();

  /** The marker of a class's point, right or wrong side; made once. JavaFX thread. */
  private WritableImage marker(int label, boolean misclassified) {
    return markers.computeIfAbsent(
        2 * label + (misclassified ? 1 : 0),
        k -> {
          WritableImage image = new WritableImage(MARKER_SIZE, MARKER_SIZE);
          int[] pixels = markerPixels(classColor(label), misclassified ? Color.BLACK : Color.WHITE, misclassified ? 2 : 1);
          image.getPixelWriter().setPixels(0, 0, MARKER_SIZE, MARKER_SIZE, PixelFormat.getIntArgbInstance(), pixels, 0, MARKER_SIZE);
          return image;
        });
  }

  private final class Renderer extends PlotRenderer {
    private DecisionField imageOf;
    private WritableImage image;

    @Override
    protected void extents(DataRange x, DataRange y) {
      DecisionField f = field;
      if (f != null) {
        x.add(f.xMin());
        x.add(f.xMax());
        y.add(f.yMin());
        y.add(f.yMax());
      }
      for (LabeledPoint p : points) {
        x.add(p.x());
        y.add(p.y());
      }
    }

    @Override
    protected void draw(GraphicsContext gc, Axis x, Axis y, double width, double height) {
      Cells cs = cells;
      DecisionField f = cs == null ? null : cs.field();
      List<LabeledPoint> ps = points;
      if (f != null) {
        if (f != imageOf) {
          image = image(cs);
          imageOf = f;
          fieldsDrawn++;
        }
        double left = x.getDisplayPosition(f.xMin());
        double right = x.getDisplayPosition(f.xMax());
        double top = y.getDisplayPosition(f.yMax());
        double bottom = y.getDisplayPosition(f.yMin());
        gc.setImageSmoothing(true);
        gc.drawImage(image, left, top, right - left, bottom - top);
        drawBoundary(gc, cs, left, top, (right - left) / f.columns(), (bottom - top) / f.rows());
      }
      int wrong = 0;
      gc.setImageSmoothing(false); // markers land on whole pixels, as drawn
      for (LabeledPoint p : ps) {
        double px = x.getDisplayPosition(p.x());
        double py = y.getDisplayPosition(p.y());
        boolean misclassified = f != null && f.predictedAt(p.x(), p.y()) >= 0 && f.predictedAt(p.x(), p.y()) != p.label();
        wrong += misclassified ? 1 : 0;
        WritableImage marker = marker(p.label(), misclassified);
        gc.drawImage(marker, Math.round(px) - MARKER_SIZE / 2, Math.round(py) - MARKER_SIZE / 2);
      }
      String text;
      if (ps.isEmpty()) {
        text = "";
      } else if (cs == null || cs.epoch() == NO_EPOCH) {
        text = ChartTexts.get("boundary.status.points", ps.size(), wrong);
      } else {
        text = ChartTexts.get("boundary.status.epoch", ps.size(), wrong, cs.epoch());
      }
      if (!text.equals(status.getText())) {
        status.setText(text);
      }
    }

    /** One pixel per cell, rows flipped so the image's top is the field's largest y; reuses the image while the size holds. */
    private WritableImage image(Cells cs) {
      int columns = cs.field().columns();
      int rows = cs.field().rows();
      WritableImage out =
          image != null && (int) image.getWidth() == columns && (int) image.getHeight() == rows ? image : new WritableImage(columns, rows);
      out.getPixelWriter().setPixels(0, 0, columns, rows, PixelFormat.getIntArgbInstance(), cs.argb(), 0, columns);
      return out;
    }

    /** A line along every cell edge where the most probable class changes. */
    private void drawBoundary(GraphicsContext gc, Cells f, double left, double top, double cw, double ch) {
      int columns = f.field().columns();
      int rows = f.field().rows();
      gc.setStroke(Color.gray(0.15, 0.7));
      gc.setLineWidth(1.5);
      gc.beginPath();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          int k = f.predicted(c, r);
          double x0 = left + c * cw;
          double y0 = top + (rows - 1 - r) * ch; // top edge of the cell on screen
          if (c + 1 < columns && f.predicted(c + 1, r) != k) {
            gc.moveTo(x0 + cw, y0);
            gc.lineTo(x0 + cw, y0 + ch);
          }
          if (r + 1 < rows && f.predicted(c, r + 1) != k) {
            gc.moveTo(x0, y0);
            gc.lineTo(x0 + cw, y0);
          }
        }
      }
      gc.stroke();
    }
  }
}
