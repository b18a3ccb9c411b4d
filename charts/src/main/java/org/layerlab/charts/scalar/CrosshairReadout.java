package org.layerlab.charts.scalar;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.layerlab.charts.ChartTexts;

/**
 * A vertical line that follows the mouse over a {@link ScalarChart} with a box listing every visible run's value at that x, like
 * TensorBoard's tooltip: the point nearest the line, smoothed and raw, then each group's mean and spread.
 */
final class CrosshairReadout extends ChartPlugin {

  static final String LINE_ID = "scalar-chart-crosshair";
  static final String BOX_ID = "scalar-chart-readout";

  private final ScalarChart owner;
  private final Line line = new Line();
  private final VBox box = new VBox(1);

  CrosshairReadout(ScalarChart owner) {
    this.owner = owner;
    line.setId(LINE_ID);
    line.setManaged(false);
    line.setMouseTransparent(true);
    line.setStroke(Color.gray(0.35));
    line.getStrokeDashArray().setAll(4.0, 3.0);
    box.setId(BOX_ID);
    box.setManaged(false);
    box.setMouseTransparent(true);
    box.setPadding(new Insets(4, 6, 4, 6));
    box.setStyle(
        "-fx-background-color: rgba(255,255,255,0.92); -fx-border-color: #888; -fx-border-width: 1;"
            + " -fx-font-size: 11px;");
    registerInputEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
    registerInputEventHandler(MouseEvent.MOUSE_DRAGGED, e -> hide());
    registerInputEventHandler(MouseEvent.MOUSE_EXITED, e -> hide());
  }

  private void moved(MouseEvent event) {
    Canvas canvas = getChart().getCanvas();
    Point2D local = canvas.sceneToLocal(event.getSceneX(), event.getSceneY());
    if (!canvas.getBoundsInLocal().contains(local)) {
      hide();
      return;
    }
    showAt(local.getX());
  }

  /** Shows the crosshair at a horizontal canvas position. JavaFX thread. */
  void showAt(double canvasX) {
    XYChart chart = (XYChart) getChart();
    Canvas canvas = chart.getCanvas();
    double x = chart.getXAxis().getValueForDisplay(canvasX);
    List<Readout> rows = owner.readoutAt(x);
    if (!getChartChildren().contains(line)) {
      getChartChildren().addAll(line, box);
    }
    Node parent = line.getParent();
    if (parent == null) {
      return;
    }
    Point2D top = parent.sceneToLocal(canvas.localToScene(canvasX, 0));
    Point2D bottom = parent.sceneToLocal(canvas.localToScene(canvasX, canvas.getHeight()));
    line.setStartX(Math.floor(top.getX()) + 0.5);
    line.setEndX(Math.floor(top.getX()) + 0.5);
    line.setStartY(top.getY());
    line.setEndY(bottom.getY());

    box.getChildren().setAll(header(x));
    for (Readout r : rows) {
      box.getChildren().add(row(r));
    }
    box.applyCss();
    double w = box.prefWidth(-1);
    double h = box.prefHeight(w);
    box.resize(w, h);
    Bounds plot = parent.sceneToLocal(canvas.localToScene(canvas.getBoundsInLocal()));
    double left = top.getX() + 12;
    if (left + w > plot.getMaxX()) {
      left = top.getX() - 12 - w;
    }
    box.relocate(Math.max(plot.getMinX(), left), plot.getMinY() + 16);
  }

  void hide() {
    getChartChildren().removeAll(line, box);
  }

  /** The lines of text the box shows now, for tests; empty when hidden. */
  List<String> lines() {
    if (!getChartChildren().contains(box)) {
      return List.of();
    }
    return box.getChildren().stream().map(n -> ((Label) n).getText()).toList();
  }

  private Label header(double x) {
    XAxisMode mode = owner.xAxisMode();
    String where;
    switch (mode) {
      case RELATIVE_TIME:
        where = TimeLabels.duration(x);
        break;
      case WALL_TIME:
        where = TimeLabels.clock(x);
        break;
      default:
        where = format(x);
    }
    Label label = new Label(mode.label() + " " + where);
    label.setStyle("-fx-font-weight: bold;");
    return label;
  }

  private Label row(Readout r) {
    String text;
    if (r.group()) {
      text = r.name() + "  " + format(r.value()) + " ± " + format(r.smoothed());
    } else if (owner.smoothing().isActive()) {
      text = ChartTexts.get("scalar.readout.smoothed", r.name(), format(r.smoothed()), format(r.value()), format(r.step()));
    } else {
      text = ChartTexts.get("scalar.readout.raw", r.name(), format(r.value()), format(r.step()));
    }
    Label label = new Label(text, new Circle(4, r.color()));
    return label;
  }

  /** Four significant digits, as TensorBoard's tooltip, without exponent for ordinary magnitudes. */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e6) {
      return String.format(Locale.ROOT, "%.4g", v);
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }
}
