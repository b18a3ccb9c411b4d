package org.layerlab.app.training.monitor;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.training.CellSample;
import org.layerlab.app.training.TrainingViewModel;
import org.layerlab.charts.confusion.ConfusionMatrix;
import org.layerlab.charts.confusion.ConfusionMatrixView;
import org.layerlab.charts.samples.Sample;
import org.layerlab.charts.samples.SampleGrid;
import org.layerlab.runtime.events.ValidationConfusion;

/**
 * The validation set's confusion matrix after the latest epoch; a click on a cell shows its samples beside it: images with their
 * true and predicted labels, or the feature values of other data such as 2-D points.
 */
public final class ConfusionPane extends SplitPane {

  private final TrainingViewModel viewModel;
  private final ConfusionMatrixView matrix = new ConfusionMatrixView();
  private final SampleGrid grid = new SampleGrid(72);
  private final ListView<String> points = new ListView<>();

  public ConfusionPane(TrainingViewModel viewModel) {
    this.viewModel = viewModel;
    setId("confusionPane");
    matrix.setId("confusionView");
    relabel(matrix, ConfusionMatrixView.COUNTS_ID, Messages.get("monitor.confusion.counts"));
    relabel(matrix, ConfusionMatrixView.ROW_ID, Messages.get("monitor.confusion.rowShares"));
    matrix.setOnCellClicked(cell -> viewModel.selectCell(cell.trueClass(), cell.predictedClass()));
    Label hint = MonitorSupport.chartHint(Messages.get("monitor.confusion.hint"), 360);
    hint.visibleProperty().bind(viewModel.confusionProperty().isNull());
    StackPane left = new StackPane(matrix, hint);

    Label cell = new Label();
    cell.setId("cellLabel");
    cell.setWrapText(true);
    cell.getStyleClass().add("section-title");
    cell.textProperty().bind(viewModel.cellTextProperty());
    Label cellHint = new Label(Messages.get("monitor.cell.hint"));
    cellHint.setId("cellHint");
    cellHint.setWrapText(true);
    cellHint.getStyleClass().add("hint-text");
    cellHint.visibleProperty().bind(viewModel.cellTextProperty().isEmpty());
    cellHint.managedProperty().bind(cellHint.visibleProperty());
    grid.setId("cellSamplesGrid");
    if (grid.lookup("#" + SampleGrid.ONLY_WRONG_ID) instanceof javafx.scene.control.CheckBox onlyWrong) {
      onlyWrong.setText(Messages.get("monitor.cell.onlyMisclassified"));
    }
    points.setId("cellPointsList");
    VBox.setVgrow(grid, Priority.ALWAYS);
    VBox.setVgrow(points, Priority.ALWAYS);
    VBox right = new VBox(6, cell, cellHint, grid, points);
    right.setPadding(new Insets(6));
    getItems().addAll(left, right);
    setDividerPositions(0.55);

    viewModel.confusionProperty().addListener((obs, old, now) -> show(now));
    viewModel.cellSamples().addListener((ListChangeListener<CellSample>) c -> showSamples());
    show(viewModel.confusionProperty().get());
    showSamples();
  }

  /** The matrix component; tests click its cells. */
  public ConfusionMatrixView matrix() {
    return matrix;
  }

  private void show(ValidationConfusion c) {
    matrix.setMatrix(c == null ? null : new ConfusionMatrix(c.classNames(), c.counts()));
  }

  private void showSamples() {
    List<CellSample> samples = viewModel.cellSamples();
    boolean images = !samples.isEmpty() && samples.get(0).isImage();
    grid.setVisible(images || samples.isEmpty());
    grid.setManaged(grid.isVisible());
    points.setVisible(!images && !samples.isEmpty());
    points.setManaged(points.isVisible());
    if (images) {
      List<Sample> tiles = new ArrayList<>(samples.size());
      for (CellSample s : samples) {
        tiles.add(image(s));
      }
      grid.setSamples(tiles);
      points.getItems().clear();
    } else {
      grid.setSamples(List.of());
      List<String> rows = new ArrayList<>(samples.size());
      for (CellSample s : samples) {
        rows.add(Messages.get("monitor.cell.point", s.index(), values(s.features()), s.trueLabel(), s.predictedLabel()));
      }
      points.getItems().setAll(rows);
    }
  }

  /** A sample as a picture: its values stretched from their smallest to their largest, so normalised data shows as well as raw. */
  static Sample image(CellSample s) {
    int[] shape = s.shape();
    int channels = shape.length == 3 ? shape[0] : 1;
    int height = shape[shape.length - 2];
    int width = shape[shape.length - 1];
    float[] f = s.features();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : f) {
      if (Float.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    double span = max > min ? max - min : 1;
    double[] pixels = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      pixels[i] = Float.isFinite(f[i]) ? (f[i] - min) / span : 0;
    }
    return channels == 3
        ? Sample.rgb(width, height, pixels, s.trueLabel(), s.predictedLabel(), Double.NaN)
        : Sample.grayscale(width, height, pixels, s.trueLabel(), s.predictedLabel(), Double.NaN);
  }

  private static String values(float[] f) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < Math.min(f.length, 4); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(String.format(java.util.Locale.ROOT, "%.3f", f[i]));
    }
    if (f.length > 4) {
      b.append(", \u2026");
    }
    return b.append(')').toString();
  }

  static void relabel(Node root, String id, String text) {
    Node n = root.lookup("#" + id);
    if (n instanceof ToggleButton t) {
      t.setText(text);
    }
  }
}
