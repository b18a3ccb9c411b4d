package org.layerlab.app.project;

import java.nio.file.Path;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.app.i18n.Messages;

/**
 * The start page: the sample projects as a gallery of cards, each with a thumbnail of its layer stack, and the recent projects. A click
 * opens the project.
 */
public final class StartPageView extends ScrollPane {

  static final double THUMB_WIDTH = 200;
  static final double THUMB_HEIGHT = 120;

  /** Layer types that share a family but do different jobs get their own colour, so a thumbnail shows the model's rhythm. */
  private static final Map<String, Color> TYPE_COLOURS =
      Map.of(
          "Input", Color.web("#64748b"),
          "Flatten", Color.web("#14b8a6"),
          "Dropout", Color.web("#f43f5e"));

  private static final Map<String, Color> FAMILY_COLOURS =
      Map.of(
          "CORE", Color.web("#3b82f6"),
          "CONVOLUTION", Color.web("#f59e0b"),
          "POOLING", Color.web("#10b981"),
          "ACTIVATION", Color.web("#a855f7"));

  private final ProjectViewModel viewModel;
  private final VBox recent = new VBox(2);
  private final ListChangeListener<Path> refill = c -> fillRecent();

  public StartPageView(ProjectViewModel viewModel) {
    this.viewModel = viewModel;
    setId("startPage");
    setFitToWidth(true);
    getStyleClass().add("start-page");

    Label samplesTitle = new Label(Messages.get("start.samples"));
    samplesTitle.getStyleClass().add("section-title");
    FlowPane gallery = new FlowPane(12, 12);
    gallery.setId("sampleGallery");
    gallery.getChildren().add(newProjectCard());
    // The samples are read on a worker; until then a line says so, so the page shows at once.
    Label reading = new Label(Messages.get("project.readingSamples"));
    reading.setId("readingSamples");
    reading.getStyleClass().add("hint-text");
    gallery.getChildren().add(reading);
    viewModel.loadSampleCards(
        cards -> {
          gallery.getChildren().remove(reading);
          for (SampleCard card : cards) {
            gallery.getChildren().add(card(card));
          }
        });

    Label recentTitle = new Label(Messages.get("start.recent"));
    recentTitle.getStyleClass().add("section-title");
    recent.setId("recentProjects");
    // Weak: the page is rebuilt on a language switch, and the old one must not stay listening.
    viewModel.recentProjects().addListener(new WeakListChangeListener<>(refill));
    fillRecent();

    Button open = new Button(Messages.get("menu.file.open"));
    open.setId("startOpenButton");
    open.setOnAction(e -> viewModel.open());

    VBox content = new VBox(10, gettingStarted(), samplesTitle, gallery, recentTitle, recent, open);
    content.setPadding(new Insets(14));
    setContent(content);
  }

  private VBox card(SampleCard sample) {
    Canvas thumb = thumbnail(sample);
    Label name = new Label(sample.name());
    name.getStyleClass().add("sample-name");
    Label description = new Label(sample.description());
    description.getStyleClass().add("sample-description");
    description.setWrapText(true);
    description.setMaxHeight(Region.USE_PREF_SIZE);
    Label layers = new Label(Messages.get("start.layers", sample.layers().size()));
    layers.getStyleClass().add("hint-text");
    VBox box = new VBox(6, thumb, name, description, layers);
    box.setId("sample-" + sample.path().getFileName());
    box.getStyleClass().add("sample-card");
    box.setAlignment(Pos.TOP_LEFT);
    box.setPrefWidth(THUMB_WIDTH + 20);
    Tooltip.install(box, new Tooltip(sample.description()));
    box.setOnMouseClicked(e -> viewModel.open(sample.path()));
    return box;
  }

  /** The steps from here to two compared runs, for a user who opens the app for the first time. */
  private static VBox gettingStarted() {
    Label title = new Label(Messages.get("start.steps"));
    title.getStyleClass().add("section-title");
    VBox steps = new VBox(4, title);
    for (int i = 1; i <= 4; i++) {
      Label step = new Label(Messages.get("start.step" + i));
      step.setWrapText(true);
      steps.getChildren().add(step);
    }
    steps.setId("gettingStarted");
    steps.getStyleClass().add("getting-started");
    return steps;
  }

  /** A card that starts a new, empty project. */
  private VBox newProjectCard() {
    Label plus = new Label("+");
    plus.getStyleClass().add("new-project-plus");
    StackPane thumb = new StackPane(plus);
    thumb.setPrefSize(THUMB_WIDTH, THUMB_HEIGHT);
    thumb.getStyleClass().add("new-project-thumb");
    Label name = new Label(Messages.get("start.new"));
    name.getStyleClass().add("sample-name");
    Label hint = new Label(Messages.get("start.newHint"));
    hint.getStyleClass().add("sample-description");
    hint.setWrapText(true);
    VBox box = new VBox(6, thumb, name, hint);
    box.setId("newProjectCard");
    box.getStyleClass().add("sample-card");
    box.setPrefWidth(THUMB_WIDTH + 20);
    box.setOnMouseClicked(e -> viewModel.newProject());
    return box;
  }

  /** The model's layers as a stack of bars, input at the top, coloured by family, as wide as they are big. */
  static Canvas thumbnail(SampleCard sample) {
    Canvas canvas = new Canvas(THUMB_WIDTH, THUMB_HEIGHT);
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.web("#f8fafc"));
    g.fillRoundRect(0, 0, THUMB_WIDTH, THUMB_HEIGHT, 10, 10);
    int n = Math.max(1, sample.layers().size());
    double gap = 4;
    double h = Math.min(18, (THUMB_HEIGHT - 12 - gap * (n - 1)) / n);
    double y = (THUMB_HEIGHT - (h * n + gap * (n - 1))) / 2;
    g.setFont(Font.font(10));
    for (SampleCard.Layer layer : sample.layers()) {
      double w = (THUMB_WIDTH - 20) * layer.width();
      double x = (THUMB_WIDTH - w) / 2;
      g.setFill(TYPE_COLOURS.getOrDefault(layer.type(), FAMILY_COLOURS.getOrDefault(layer.family(), Color.GRAY)));
      g.fillRoundRect(x, y, w, h, 4, 4);
      if (h >= 10) {
        g.setFill(Color.WHITE);
        g.fillText(layer.type(), x + 4, y + h - 3);
      }
      y += h + gap;
    }
    return canvas;
  }

  private void fillRecent() {
    recent.getChildren().clear();
    if (viewModel.recentProjects().isEmpty()) {
      Label none = new Label(Messages.get("start.noRecent"));
      none.getStyleClass().add("hint-text");
      recent.getChildren().add(none);
    }
    for (Path p : viewModel.recentProjects()) {
      Hyperlink link = new Hyperlink(p.toString());
      link.setOnAction(e -> viewModel.open(p));
      recent.getChildren().add(link);
    }
  }
}
