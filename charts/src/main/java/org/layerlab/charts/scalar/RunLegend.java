package org.layerlab.charts.scalar;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.SeriesPalette;

/**
 * The runs of a {@link ScalarChart}, one row each: a check box that shows or hides the run, a colour swatch that opens a colour
 * picker (the palette's colour-blind-safe colours first), and the name. Groups follow, marked as means. The rows follow the
 * chart's lists as runs come and go.
 */
public final class RunLegend extends VBox {

  /** Style class of each row; the row's user data is its {@link ScalarRun} or {@link RunGroup}. */
  public static final String ROW_CLASS = "run-legend-row";

  /** Style class of each row's check box. */
  public static final String TOGGLE_CLASS = "run-legend-toggle";

  /** Style class of each row's colour picker. */
  public static final String COLOR_CLASS = "run-legend-color";

  private final ObservableList<ScalarRun> runs;
  private final ObservableList<RunGroup> groups;
  private final VBox rows = new VBox(2);

  public RunLegend(ObservableList<ScalarRun> runs, ObservableList<RunGroup> groups) {
    this.runs = runs;
    this.groups = groups;
    getStyleClass().add("run-legend");
    Label title = new Label(ChartTexts.get("scalar.legend.title"));
    title.setStyle("-fx-font-weight: bold;");
    ScrollPane scroll = new ScrollPane(rows);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    // Not "-fx-background: transparent": modena derives the labels' text colour from -fx-background, which would turn them white.
    scroll.setStyle("-fx-background-color: transparent;");
    setSpacing(4);
    setPadding(new Insets(6, 8, 6, 6));
    setPrefWidth(210);
    setMinWidth(150);
    getChildren().addAll(title, scroll);
    runs.addListener((ListChangeListener<ScalarRun>) c -> rebuild());
    groups.addListener((ListChangeListener<RunGroup>) c -> rebuild());
    rebuild();
  }

  private void rebuild() {
    rows.getChildren().clear();
    for (ScalarRun run : runs) {
      rows.getChildren().add(row(run, run.name(), run.visibleProperty(), run.colorProperty()));
    }
    for (RunGroup group : groups) {
      rows.getChildren().add(row(group, ChartTexts.get("scalar.legend.groupMean", group.name()), group.visibleProperty(), group.colorProperty()));
    }
  }

  private static HBox row(Object owner, String name, BooleanProperty visible, ObjectProperty<Color> color) {
    CheckBox toggle = new CheckBox();
    toggle.getStyleClass().add(TOGGLE_CLASS);
    toggle.selectedProperty().bindBidirectional(visible);
    ColorPicker picker = new ColorPicker();
    picker.getStyleClass().addAll(ColorPicker.STYLE_CLASS_BUTTON, COLOR_CLASS);
    picker.getCustomColors().setAll(paletteColors());
    picker.valueProperty().bindBidirectional(color);
    picker.setStyle("-fx-color-label-visible: false;");
    picker.setPrefWidth(36);
    picker.setMaxWidth(36);
    Label label = new Label(name);
    label.setMaxWidth(Double.MAX_VALUE);
    label.setOnMouseClicked(e -> visible.set(!visible.get()));
    HBox row = new HBox(4, toggle, picker, label);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add(ROW_CLASS);
    row.setUserData(owner);
    return row;
  }

  private static List<Color> paletteColors() {
    Color[] colors = new Color[SeriesPalette.size()];
    for (int i = 0; i < colors.length; i++) {
      colors[i] = SeriesPalette.color(i);
    }
    return List.of(colors);
  }
}
