package org.layerlab.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.model.ModelEditorView;
import org.layerlab.app.runs.RunsView;
import org.layerlab.app.training.TrainingView;

/** The window's content: a header with the project, the model editor on the left, training and runs in tabs on the right. */
public final class MainView extends BorderPane {

  /** The stylesheet every scene of the app uses. */
  public static final String STYLESHEET = "app.css";

  public MainView(MainViewModel viewModel) {
    this(viewModel, null);
  }

  /** The main view with {@code startPage} as the first tab on the right, or without one when it is {@code null}. */
  private final TabPane tabs;

  public MainView(MainViewModel viewModel, Node startPage) {
    setId("mainView");
    setTop(createHeader(viewModel));

    Tab training = new Tab(Messages.get("tab.training"), new TrainingView(viewModel.training()));
    training.setId("trainingTab");
    Tab runs = new Tab(Messages.get("tab.runs"), new RunsView(viewModel.runs()));
    runs.setId("runsTab");
    tabs = new TabPane(training, runs);
    if (startPage != null) {
      Tab start = new Tab(Messages.get("tab.start"), startPage);
      start.setId("startTab");
      tabs.getTabs().add(0, start);
      tabs.getSelectionModel().select(training);
    }
    tabs.setId("rightTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

    SplitPane split = new SplitPane(new ModelEditorView(viewModel.modelEditor()), tabs);
    split.setId("mainSplit");
    split.setDividerPositions(0.53);
    setCenter(split);
  }

  /** The tabs on the right: start page (when there is one), training, runs. */
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
    description.setMinWidth(0);
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
