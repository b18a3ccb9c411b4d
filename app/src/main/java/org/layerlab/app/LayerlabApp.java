package org.layerlab.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.layerlab.app.concurrent.FxTaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.project.FxFileChooserService;
import org.layerlab.app.project.ProjectViewModel;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.workspace.Workspace;

/**
 * The JavaFX application. {@link #init()} (off the JavaFX thread) reads the project and sample datasets; {@link #start} shows the
 * window, offers to restore an autosave left by a crash, and starts autosaving; {@link #stop()} stops a running run and closes the run
 * store. Start it through {@link Launcher}.
 */
public final class LayerlabApp extends Application {

  static final double WIDTH = 1400;
  static final double HEIGHT = 860;

  private final FxTaskExecutor executor = new FxTaskExecutor();
  private Workspace workspace;
  private AppContext context;
  private Path projectFile;
  private WorkbenchViewModel viewModel;
  private Stage stage;

  @Override
  public void init() {
    StartupOptions options = StartupOptions.parse(getParameters().getRaw());
    workspace = Workspace.openDefault();
    context = AppContext.create(options, StartupOptions.samplesDir(), workspace, executor);
    Path asked = options.projectOrSpiral(StartupOptions.samplesDir());
    projectFile = context.opened().warning().isEmpty() ? ProjectFiles.resolve(asked).toAbsolutePath().normalize() : null;
  }

  @Override
  public void start(Stage primary) {
    this.stage = primary;
    viewModel =
        new WorkbenchViewModel(
            context, projectFile, StartupOptions.samplesDir(), workspace.home(), new FxFileChooserService(() -> stage));
    show(stage, viewModel);
    ProjectViewModel project = viewModel.project();
    // Looked for on a worker; autosaving starts after the answer, so this session cannot overwrite the crashed one's autosave first.
    project.checkAutosave(
        found -> {
          if (found) {
            offerRestore(project);
          }
          project.startAutosave(executor);
        });
    stage.setOnCloseRequest(
        e -> {
          if (project.isDirty() && !confirmClose(project)) {
            e.consume();
          }
        });
  }

  /**
   * Puts the workbench into {@code stage} and shows it, no larger than the screen, with the project's title; shared with the UI
   * tests.
   */
  static Scene show(Stage stage, WorkbenchViewModel viewModel) {
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    Scene scene =
        new WorkbenchView(viewModel).createScene(Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
    stage.setScene(scene);
    stage.titleProperty().bind(viewModel.project().titleProperty());
    stage.setMinWidth(Math.min(1000, screen.getWidth()));
    stage.setMinHeight(Math.min(640, screen.getHeight()));
    stage.show();
    return scene;
  }

  private void offerRestore(ProjectViewModel project) {
    Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("restore.text"));
    ask.initOwner(stage);
    ask.setTitle(Messages.get("restore.title"));
    ask.setHeaderText(Messages.get("restore.header"));
    ButtonType restore = new ButtonType(Messages.get("restore.restore"), ButtonBar.ButtonData.OK_DONE);
    ButtonType discard = new ButtonType(Messages.get("restore.discard"), ButtonBar.ButtonData.NO);
    ask.getButtonTypes().setAll(restore, discard);
    Optional<ButtonType> answer = ask.showAndWait();
    if (answer.isPresent() && answer.get() == restore) {
      project.restoreAutosave();
    } else {
      project.discardAutosave();
    }
  }

  /** Asks whether to save unsaved changes; returns whether the window may close now (after a save it closes itself). */
  private boolean confirmClose(ProjectViewModel project) {
    Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("close.text"));
    ask.initOwner(stage);
    ask.setTitle(Messages.get("close.title"));
    ask.setHeaderText(Messages.get("close.header"));
    ButtonType save = new ButtonType(Messages.get("close.save"), ButtonBar.ButtonData.YES);
    ButtonType discard = new ButtonType(Messages.get("close.discard"), ButtonBar.ButtonData.NO);
    ButtonType cancel = new ButtonType(Messages.get("close.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    ask.getButtonTypes().setAll(save, discard, cancel);
    ButtonType answer = ask.showAndWait().orElse(cancel);
    if (answer == save) {
      // The write runs on a worker; the window closes once it succeeded, and stays open (saying why) when it failed.
      project.save(stage::close);
      return false;
    }
    if (answer == discard) {
      project.discardAutosave();
      return true;
    }
    return false;
  }

  @Override
  public void stop() {
    if (viewModel != null) {
      if (!viewModel.project().isDirty()) {
        viewModel.project().discardAutosave(); // a clean exit leaves nothing to restore
      }
      viewModel.shutdown();
    }
    // A run stops after its current batch and records its end; give it a moment before the store closes.
    executor.closeAndWait(Duration.ofSeconds(3));
    if (workspace != null) {
      workspace.close();
    }
  }
}
