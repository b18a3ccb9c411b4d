package org.layerlab.charts.confusion;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.internal.ColorMap;
import org.layerlab.charts.internal.Visibility;

/**
 * A confusion matrix as a heat map: rows are the true classes, columns the predicted ones, each cell coloured by its count or, in
 * the row-normalised mode, by its share of the row (the diagonal then reads as each class's recall). Colours come from viridis,
 * readable with colour blindness and in grey scale. Clicking a cell selects it and reports it, so the app can show the samples in
 * it. JavaFX thread throughout.
 */
public final class ConfusionMatrixView extends BorderPane {

  /** What the cells show and are coloured by. */
  public enum Normalisation {
    /** The number of samples; colour on a square-root scale, so that small off-diagonal counts still show. */
    COUNTS,
    /** The share of the true class's samples, in percent. */
    ROW
  }

  public static final String MATRIX_ID = "confusion-matrix";
  public static final String COUNTS_ID = "confusion-matrix-counts";
  public static final String ROW_ID = "confusion-matrix-row-normalised";
  public static final String SUMMARY_ID = "confusion-matrix-summary";

  private static final double TITLE = 20;
  private static final double GAP = 6;
  private static final Font LABEL_FONT = Font.font(12);

  private final ObjectProperty<ConfusionMatrix> matrix = new SimpleObjectProperty<>(this, "matrix");
  private final ObjectProperty<Normalisation> normalisation =
      new SimpleObjectProperty<>(this, "normalisation", Normalisation.COUNTS);
  private final ReadOnlyObjectWrapper<MatrixCell> selected = new ReadOnlyObjectWrapper<>(this, "selectedCell");
  private final Canvas canvas = new Canvas();
  private final Pane plot = new Pane(canvas) {
    @Override
    protected void layoutChildren() {
      canvas.setWidth(getWidth());
      canvas.setHeight(getHeight());
      redraw();
    }
  };
  private final Label summary = new Label();
  private Consumer<MatrixCell> onCellClicked = cell -> {};
  private Geometry geometry;
  /** A matrix came while the view was hidden; it is drawn on the first pulse the view is shown. */
  private boolean stale;
  /** How often the matrix was drawn; tests read it. */
  long redraws;

  public ConfusionMatrixView() {
    Visibility.onEveryPulse(
        canvas,
        () -> {
          if (stale && Visibility.shown(canvas)) {
            redraw();
          }
        });
    plot.setId(MATRIX_ID);
    plot.setMinSize(120, 120);
    canvas.setOnMouseClicked(this::clicked);

    ToggleGroup group = new ToggleGroup();
    ToggleButton counts = new ToggleButton(ChartTexts.get("confusion.counts"));
    counts.setId(COUNTS_ID);
    counts.setUserData(Normalisation.COUNTS);
    ToggleButton rows = new ToggleButton(ChartTexts.get("confusion.rowShares"));
    rows.setId(ROW_ID);
    rows.setUserData(Normalisation.ROW);
    counts.setToggleGroup(group);
    rows.setToggleGroup(group);
    counts.setSelected(true);
    group.selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null) {
                old.setSelected(true); // one mode is always on
              } else {
                normalisation.set((Normalisation) now.getUserData());
              }
            });
    normalisation.addListener((obs, old, now) -> (now == Normalisation.ROW ? rows : counts).setSelected(true));
    summary.setId(SUMMARY_ID);
    HBox bar = new HBox(6, counts, rows, summary);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    HBox.setMargin(summary, new Insets(0, 0, 0, 12));

    setTop(bar);
    setCenter(plot);
    getStyleClass().add("confusion-matrix-view");
    matrix.addListener((obs, old, now) -> changed());
    normalisation.addListener((obs, old, now) -> redraw());
  }

  /** The counts shown; null shows nothing. */
  public ObjectProperty<ConfusionMatrix> matrixProperty() {
    return matrix;
  }

  public ConfusionMatrix getMatrix() {
    return matrix.get();
  }

  public void setMatrix(ConfusionMatrix value) {
    matrix.set(value);
  }

  public ObjectProperty<Normalisation> normalisationProperty() {
    return normalisation;
  }

  public Normalisation getNormalisation() {
    return normalisation.get();
  }

  public void setNormalisation(Normalisation value) {
    normalisation.set(value);
  }

  /** The cell last clicked; null before the first click and after the matrix changes size. */
  public ReadOnlyObjectProperty<MatrixCell> selectedCellProperty() {
    return selected.getReadOnlyProperty();
  }

  public MatrixCell getSelectedCell() {
    return selected.get();
  }

  /** Called with the cell whenever the user clicks one. */
  public void setOnCellClicked(Consumer<MatrixCell> handler) {
    onCellClicked = handler == null ? cell -> {} : handler;
  }

  /** The cell at a point in this view's coordinates, if any. */
  public Optional<MatrixCell> cellAt(double x, double y) {
    if (geometry == null) {
      return Optional.empty();
    }
    var local = canvas.sceneToLocal(localToScene(x, y));
    return geometry.cellAt(local.getX(), local.getY()).map(this::cell);
  }

  /** Where a cell is drawn, in this view's coordinates; null before the first layout. */
  public Bounds cellBounds(int trueClass, int predictedClass) {
    if (geometry == null) {
      return null;
    }
    double x = geometry.left + predictedClass * geometry.cell;
    double y = geometry.top + trueClass * geometry.cell;
    return sceneToLocal(canvas.localToScene(new BoundingBox(x, y, geometry.cell, geometry.cell)));
  }

  /**
   * The text a cell shows in the current mode: a count, or a whole percentage ("&lt;1%" and "&gt;99%" rather than rounding a few
   * samples away); "–" for a share of an empty row.
   */
  public String cellText(int trueClass, int predictedClass) {
    ConfusionMatrix m = matrix.get();
    if (normalisation.get() == Normalisation.COUNTS) {
      return Long.toString(m.count(trueClass, predictedClass));
    }
    double share = m.rowShare(trueClass, predictedClass);
    if (Double.isNaN(share)) {
      return "–";
    }
    if (share > 0 && share < 0.005) {
      return "<1%"; // not "0%": a few mistakes are still mistakes
    }
    if (share < 1 && share >= 0.995) {
      return ">99%";
    }
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  /** The cell's colour in the current mode. */
  public Color cellColor(int trueClass, int predictedClass) {
    ConfusionMatrix m = matrix.get();
    if (normalisation.get() == Normalisation.ROW) {
      double share = m.rowShare(trueClass, predictedClass);
      return Double.isNaN(share) ? Color.gray(0.92) : ColorMap.viridis(share);
    }
    long max = 0;
    for (int r = 0; r < m.size(); r++) {
      for (int c = 0; c < m.size(); c++) {
        max = Math.max(max, m.count(r, c));
      }
    }
    return ColorMap.viridis(max == 0 ? 0 : Math.sqrt((double) m.count(trueClass, predictedClass) / max));
  }

  private MatrixCell cell(int[] rc) {
    ConfusionMatrix m = matrix.get();
    int r = rc[0];
    int c = rc[1];
    return new MatrixCell(r, c, m.labels().get(r), m.labels().get(c), m.count(r, c), m.rowShare(r, c));
  }

  private void clicked(MouseEvent e) {
    if (geometry == null) {
      return;
    }
    geometry
        .cellAt(e.getX(), e.getY())
        .map(this::cell)
        .ifPresent(
            cell -> {
              selected.set(cell);
              redraw();
              onCellClicked.accept(cell);
            });
  }

  private void changed() {
    ConfusionMatrix m = matrix.get();
    MatrixCell s = selected.get();
    if (s != null && (m == null || s.trueClass() >= m.size() || s.predictedClass() >= m.size())) {
      selected.set(null);
    } else if (s != null) {
      selected.set(cell(new int[] {s.trueClass(), s.predictedClass()}));
    }
    summary.setText(
        m == null
            ? ""
            : ChartTexts.get("confusion.summary", m.total(), 100 * m.accuracy()));
    if (Visibility.shown(canvas)) {
      redraw();
    } else {
      stale = true; // drawn on the first pulse it is shown (see Visibility)
    }
  }

  /** Where everything goes: margins for the labels, then square cells. */
  private static final class Geometry {
    double left;
    double top;
    double cell;
    int n;
    boolean rotatedColumnLabels;

    Optional<int[]> cellAt(double x, double y) {
      int c = (int) Math.floor((x - left) / cell);
      int r = (int) Math.floor((y - top) / cell);
      if (x < left || y < top || r < 0 || c < 0 || r >= n || c >= n) {
        return Optional.empty();
      }
      return Optional.of(new int[] {r, c});
    }
  }

  private void redraw() {
    stale = false;
    redraws++;
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext gc = canvas.getGraphicsContext2D();
    gc.clearRect(0, 0, w, h);
    ConfusionMatrix m = matrix.get();
    if (m == null || m.size() == 0 || w <= 0 || h <= 0) {
      geometry = null;
      return;
    }
    int n = m.size();
    List<String> labels = m.labels();
    double widest = 0;
    for (String label : labels) {
      widest = Math.max(widest, textWidth(label));
    }
    Geometry g = new Geometry();
    g.n = n;
    double rowLabels = widest + GAP;
    double availableWidth = w - TITLE - rowLabels - GAP;
    double guess = Math.min(availableWidth / n, (h - TITLE - 18 - GAP) / n);
    g.rotatedColumnLabels = widest + 4 > guess;
    double columnLabels = g.rotatedColumnLabels ? widest + GAP : 18;
    g.cell = Math.max(4, Math.floor(Math.min(availableWidth / n, (h - TITLE - columnLabels - GAP) / n)));
    g.left = TITLE + rowLabels;
    g.top = TITLE + columnLabels;
    geometry = g;

    gc.setFill(Color.BLACK);
    gc.setFont(Font.font(null, FontWeight.BOLD, 12));
    gc.setTextAlign(TextAlignment.CENTER);
    gc.setTextBaseline(VPos.CENTER);
    gc.fillText(ChartTexts.get("confusion.axis.predicted"), g.left + n * g.cell / 2, TITLE / 2);
    gc.save();
    gc.translate(TITLE / 2, g.top + n * g.cell / 2);
    gc.rotate(-90);
    gc.fillText(ChartTexts.get("confusion.axis.true"), 0, 0);
    gc.restore();

    gc.setFont(LABEL_FONT);
    for (int i = 0; i < n; i++) {
      double centre = i * g.cell + g.cell / 2;
      gc.setTextAlign(TextAlignment.RIGHT);
      gc.fillText(labels.get(i), g.left - GAP, g.top + centre);
      if (g.rotatedColumnLabels) {
        gc.save();
        gc.translate(g.left + centre, g.top - GAP);
        gc.rotate(-90);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(labels.get(i), 0, 0);
        gc.restore();
      } else {
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText(labels.get(i), g.left + centre, g.top - 9);
      }
    }

    boolean writeText = g.cell >= 18;
    gc.setTextAlign(TextAlignment.CENTER);
    gc.setFont(Font.font(Math.min(13, Math.max(8, g.cell / 3.2))));
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        double x = g.left + c * g.cell;
        double y = g.top + r * g.cell;
        Color fill = cellColor(r, c);
        gc.setFill(fill);
        gc.fillRect(x, y, g.cell, g.cell);
        if (writeText) {
          gc.setFill(ColorMap.textOn(fill));
          gc.fillText(cellText(r, c), x + g.cell / 2, y + g.cell / 2);
        }
      }
    }
    gc.setStroke(Color.gray(0.4));
    gc.setLineWidth(1);
    gc.strokeRect(g.left + 0.5, g.top + 0.5, n * g.cell - 1, n * g.cell - 1);
    MatrixCell s = selected.get();
    if (s != null) {
      double x = g.left + s.predictedClass() * g.cell;
      double y = g.top + s.trueClass() * g.cell;
      gc.setStroke(Color.WHITE);
      gc.setLineWidth(4);
      gc.strokeRect(x + 2, y + 2, g.cell - 4, g.cell - 4);
      gc.setStroke(Color.web("#D55E00"));
      gc.setLineWidth(2);
      gc.strokeRect(x + 2, y + 2, g.cell - 4, g.cell - 4);
    }
  }

  private static double textWidth(String s) {
    Text t = new Text(s);
    t.setFont(LABEL_FONT);
    return t.getLayoutBounds().getWidth();
  }
}
