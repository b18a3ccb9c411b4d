package org.layerlab.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.app.check.CheckView;
import org.layerlab.app.data.DataView;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.model.ModelEditorView;
import org.layerlab.app.model.inspect.CodeExportView;
import org.layerlab.app.model.inspect.LayerPropertySheet;
import org.layerlab.app.model.inspect.ModelSummaryView;
import org.layerlab.app.runs.RunsView;
import org.layerlab.app.setup.TrainingSetupView;
import org.layerlab.app.training.TrainingView;

/** The window's content: a header with the project, then one tab per page: start, model, data, training (settings and monitor), runs. */
public final class MainView extends BorderPane {

  /** The stylesheet every scene of the app uses. */
  public static final String STYLESHEET = "app.css";

  public MainView(MainViewModel viewModel) {
    this(viewModel, null);
  }

  /** The main view with {@code startPage} as the first tab on the right, or without one when it is {@code null}. */
  private final TabPane tabs;
  private final MainViewModel viewModel;

  /** The window state this view shows. */
  public MainViewModel main() {
    return viewModel;
  }

  public MainView(MainViewModel viewModel, Node startPage) {
    this.viewModel = viewModel;
    setId("mainView");
    setTop(createHeader(viewModel));

    Tab model = new Tab(Messages.get("tab.model"), createModelPage(viewModel));
    model.setId("modelTab");
    Tab data = new Tab(Messages.get("tab.data"), new DataView(viewModel.data(), viewModel.check()));
    data.setId("dataTab");
    Tab training = new Tab(Messages.get("tab.training"), createTrainingPage(viewModel));
    training.setId("trainingTab");
    RunsView runsView = new RunsView(viewModel.runs());
    Tab runs = new Tab(Messages.get("tab.runs"), runsView);
    runs.setId("runsTab");
    runs.selectedProperty().addListener((obs, was, selected) -> runsView.setShown(selected));
    tabs = new TabPane(model, data, training, runs);
    if (startPage != null) {
      Tab start = new Tab(Messages.get("tab.start"), startPage);
      start.setId("startTab");
      tabs.getTabs().add(0, start);
    }
    // A first look starts on the start page, with its getting-started steps; without one, on the model.
    tabs.getSelectionModel().select(0);
    runsView.setShown(runs.isSelected());
    tabs.setId("pageTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    setCenter(tabs);
  }

  /** The model page: palette, canvas, and on the right the selected layer's properties, the summary and the code, in tabs. */
  private static ModelEditorView createModelPage(MainViewModel viewModel) {
    ModelEditorView editor = new ModelEditorView(viewModel.modelEditor());
    Tab properties = new Tab(Messages.get("inspect.tab.properties"), new LayerPropertySheet(viewModel.layerSheet()));
    properties.setId("propertiesTab");
    Tab summary = new Tab(Messages.get("inspect.tab.summary"), new ModelSummaryView(viewModel.summary()));
    summary.setId("summaryTab");
    Tab code = new Tab(Messages.get("inspect.tab.code"), new CodeExportView(viewModel.code()));
    code.setId("codeTab");
    TabPane inspector = new TabPane(properties, summary, code);
    inspector.setId("inspectorTabs");
    inspector.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox.setVgrow(inspector, javafx.scene.layout.Priority.ALWAYS);
    editor.setInspector(inspector);
    return editor;
  }

  /** The training page: the settings on the left, the run monitor on the right. */
  private static SplitPane createTrainingPage(MainViewModel viewModel) {
    // The check before training sits under the settings too: it is the last thing to run before pressing Train.
    CheckView check = new CheckView(viewModel.check());
    check.setId("trainingCheckView");
    VBox column = new VBox(8, new TrainingSetupView(viewModel.setup()), check);
    column.setPadding(new Insets(0, 0, 10, 0));
    ScrollPane settings = new ScrollPane(column);
    settings.setFitToWidth(true);
    settings.setId("trainingSetupScroll");
    SplitPane page = new SplitPane(settings, new TrainingView(viewModel.training()));
    page.setId("trainingPage");
    page.setDividerPositions(0.3);
    return page;
  }

  /** The id of the page on show, such as {@code "trainingTab"}. */
  public String selectedPage() {
    Tab tab = tabs.getSelectionModel().getSelectedItem();
    return tab == null ? null : tab.getId();
  }

  /** Selects the page whose tab has {@code id}, such as {@code "trainingTab"}. */
  public void showPage(String id) {
    tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  /** The pages: start (when there is one), model, data, training, runs. */
  public TabPane tabs() {
    return tabs;
  }

  /** A scene of the given size showing this view, with the app's stylesheet. */
  public Scene createScene(double width, double height) {
    Scene scene = new Scene(this, width, height);
    scene.getStylesheets().add(MainView.class.getResource(STYLESHEET).toExternalForm());
    return scene;
  }

  private static VBox createHeader(MainViewModel viewModel) {
    Label app = new Label(Messages.get("app.name"));
    app.getStyleClass().add("app-name");
    Label project = new Label(viewModel.projectName());
    project.setId("projectName");
    project.getStyleClass().add("project-name");
    Label description = new Label(viewModel.projectDescription());
    description.getStyleClass().add("project-description");
    // a long description gives way (cut with an ellipsis, whole in its tooltip), never the app's or the project's name
    description.setMinWidth(0);
    description.setTooltip(new javafx.scene.control.Tooltip(viewModel.projectDescription()));
    app.setMinWidth(Region.USE_PREF_SIZE);
    project.setMinWidth(Region.USE_PREF_SIZE);
    HBox line = new HBox(14, app, project, description);
    line.setAlignment(Pos.BASELINE_LEFT);
    VBox header = new VBox(line);
    header.getStyleClass().add("header");
    header.setPadding(new Insets(8, 14, 8, 14));
    if (!viewModel.warning().isEmpty()) {
      Label warning = new Label(viewModel.warning());
      warning.setId("projectWarning");
      warning.getStyleClass().add("warning-text");
      warning.setWrapText(true);
      header.getChildren().add(warning);
    }
    return header;
  }
}
