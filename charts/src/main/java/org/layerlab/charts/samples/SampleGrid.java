package org.layerlab.charts.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.layerlab.charts.ChartTexts;

/**
 * Sample images in a grid, each with its true label and the model's prediction. A misclassified sample gets a vermillion frame
 * and a cross, and its prediction in vermillion; a right one a thin green frame. A check box narrows the grid to the
 * misclassified ones, and clicking a tile selects its sample. Images are scaled up without smoothing, so a 28 x 28 digit shows its
 * pixels. JavaFX thread throughout.
 */
public final class SampleGrid extends BorderPane {

  public static final String ONLY_WRONG_ID = "sample-grid-only-misclassified";
  public static final String SUMMARY_ID = "sample-grid-summary";

  /** Style class of every tile; misclassified tiles also carry {@link #MISCLASSIFIED_CLASS}. */
  public static final String TILE_CLASS = "sample-tile";

  public static final String MISCLASSIFIED_CLASS = "misclassified";

  /** The colours of the palette: vermillion for wrong, bluish green for right; both safe for colour blindness. */
  private static final String WRONG = "#D55E00";

  private static final String RIGHT = "#009E73";

  private final ObservableList<Sample> samples = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Sample> selected = new ReadOnlyObjectWrapper<>(this, "selectedSample");
  private final TilePane tiles = new TilePane(8, 8);
  private final CheckBox onlyWrong = new CheckBox(ChartTexts.get("samples.onlyMisclassified"));
  private final Label summary = new Label();
  private final double imageSize;

  /** A grid with images shown 84 pixels wide. */
  public SampleGrid() {
    this(84);
  }

  /** @param imageSize the width and height each image is scaled to, in pixels */
  public SampleGrid(double imageSize) {
    this.imageSize = imageSize;
    onlyWrong.setId(ONLY_WRONG_ID);
    summary.setId(SUMMARY_ID);
    onlyWrong.selectedProperty().addListener((obs, old, now) -> rebuild());
    samples.addListener((javafx.collections.ListChangeListener<Sample>) c -> rebuild());
    HBox bar = new HBox(12, onlyWrong, summary);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    tiles.setPadding(new Insets(8));
    tiles.setPrefTileWidth(imageSize + 12);
    ScrollPane scroll = new ScrollPane(tiles);
    scroll.setFitToWidth(true);
    setTop(bar);
    setCenter(scroll);
    getStyleClass().add("sample-grid");
  }

  /** The samples shown, in order; replace them with {@code setAll}. */
  public ObservableList<Sample> samples() {
    return samples;
  }

  /** Shows these samples instead of the current ones. */
  public void setSamples(List<Sample> value) {
    samples.setAll(value);
  }

  /** The sample last clicked, or null. */
  public ReadOnlyObjectProperty<Sample> selectedSampleProperty() {
    return selected.getReadOnlyProperty();
  }

  public Sample getSelectedSample() {
    return selected.get();
  }

  /** Whether only misclassified samples are shown. */
  public javafx.beans.property.BooleanProperty onlyMisclassifiedProperty() {
    return onlyWrong.selectedProperty();
  }

  /** The tiles now shown, in order; for tests and callers that style them. */
  public List<VBox> tiles() {
    List<VBox> out = new ArrayList<>();
    tiles.getChildren().forEach(n -> out.add((VBox) n));
    return out;
  }

  private void rebuild() {
    long wrong = samples.stream().filter(Sample::isMisclassified).count();
    long predicted = samples.stream().filter(s -> s.predictedLabel() != null).count();
    summary.setText(
        predicted < samples.size()
            ? ChartTexts.get("samples.summary.unpredicted", samples.size(), wrong, samples.size() - predicted)
            : ChartTexts.get("samples.summary", samples.size(), wrong));
    List<VBox> built = new ArrayList<>();
    for (Sample s : samples) {
      if (!onlyWrong.isSelected() || s.isMisclassified()) {
        built.add(tile(s));
      }
    }
    tiles.getChildren().setAll(built);
    if (selected.get() != null && !samples.contains(selected.get())) {
      selected.set(null);
    }
  }

  private VBox tile(Sample s) {
    WritableImage image = new WritableImage(s.width(), s.height());
    image.getPixelWriter().setPixels(0, 0, s.width(), s.height(), PixelFormat.getIntArgbInstance(), s.argb(), 0, s.width());
    ImageView view = new ImageView(image);
    view.setSmooth(false);
    view.setPreserveRatio(true);
    view.setFitWidth(imageSize);
    view.setFitHeight(imageSize);
    StackPane frame = new StackPane(view);
    boolean wrong = s.isMisclassified();
    String colour = s.predictedLabel() == null ? "#999999" : wrong ? WRONG : RIGHT;
    frame.setStyle("-fx-border-color: " + colour + "; -fx-border-width: " + (wrong ? 3 : 1) + ";");
    frame.setPadding(new Insets(wrong ? 1 : 3));
    if (wrong) {
      Label cross = new Label("✗");
      cross.setStyle("-fx-text-fill: white; -fx-background-color: " + WRONG + "; -fx-padding: 0 3 0 3; -fx-font-weight: bold;");
      StackPane.setAlignment(cross, Pos.TOP_RIGHT);
      frame.getChildren().add(cross);
    }
    Label truth = new Label(s.trueLabel());
    truth.setStyle("-fx-font-size: 11px;");
    String prediction =
        s.predictedLabel() == null
            ? "…"
            : (wrong ? "→ " : "✓ ")
                + s.predictedLabel()
                + (Double.isNaN(s.confidence()) ? "" : String.format(Locale.ROOT, " %.0f%%", 100 * s.confidence()));
    Label predicted = new Label(prediction);
    predicted.setStyle("-fx-font-size: 11px; -fx-text-fill: " + colour + ";" + (wrong ? " -fx-font-weight: bold;" : ""));
    VBox tile = new VBox(2, frame, truth, predicted);
    tile.setAlignment(Pos.TOP_CENTER);
    tile.getStyleClass().add(TILE_CLASS);
    if (wrong) {
      tile.getStyleClass().add(MISCLASSIFIED_CLASS);
    }
    tile.setUserData(s);
    tile.setOnMouseClicked(e -> selected.set(s));
    return tile;
  }
}
