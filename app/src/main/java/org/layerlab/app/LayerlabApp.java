package org.layerlab.app;

import java.time.Duration;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.layerlab.app.concurrent.FxTaskExecutor;
import org.layerlab.runtime.workspace.Workspace;

/**
 * The JavaFX application. {@link #init()} (off the JavaFX thread) reads the project and sample datasets; {@link #start} shows the
 * window; {@link #stop()} stops a running run and closes the run store. Start it through {@link Launcher}.
 */
public final class LayerlabApp extends Application {

  static final double WIDTH = 1400;
  static final double HEIGHT = 860;

  private final FxTaskExecutor executor = new FxTaskExecutor();
  private Workspace workspace;
  private AppContext context;
  private MainViewModel viewModel;

  @Override
  public void init() {
    StartupOptions options = StartupOptions.parse(getParameters().getRaw());
    workspace = Workspace.openDefault();
    context = AppContext.create(options, StartupOptions.samplesDir(), workspace, executor);
  }

  @Override
  public void start(Stage stage) {
    viewModel = new MainViewModel(context);
    show(stage, viewModel);
    viewModel.start();
  }

  /**
   * Puts the main view of {@code viewModel} into {@code stage} and shows it, no larger than the screen; shared with the UI tests.
   */
  static Scene show(Stage stage, MainViewModel viewModel) {
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    Scene scene =
        new MainView(viewModel).createScene(Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
    stage.setScene(scene);
    stage.setTitle(viewModel.title());
    stage.setMinWidth(Math.min(1000, screen.getWidth()));
    stage.setMinHeight(Math.min(640, screen.getHeight()));
    stage.show();
    return scene;
  }

  @Override
  public void stop() {
    if (viewModel != null) {
      viewModel.shutdown();
    }
    // A run stops after its current batch and records its end; give it a moment before the store closes.
    executor.closeAndWait(Duration.ofSeconds(3));
    if (workspace != null) {
      workspace.close();
    }
  }
}
