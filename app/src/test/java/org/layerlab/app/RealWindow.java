package org.layerlab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.layerlab.app.concurrent.FxTaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.project.FileChooserService;
import org.layerlab.runtime.workspace.Workspace;

/**
 * The real window for robot tests: the spiral sample, the real runtime and a fresh workspace in {@code home}, in English, on the
 * model page. Open it in
 * a test's {@code @Start} and close it in its {@code @AfterEach}.
 */
final class RealWindow implements AutoCloseable {

  final FxTaskExecutor executor;
  final Workspace workspace;
  final WorkbenchViewModel viewModel;
  final Scene scene;
  /** The page the window showed first, before this fixture turned to the model page. */
  final String firstPage;

  private RealWindow(Stage stage, Path home, FileChooserService chooser) {
    Messages.setLocale(Locale.ENGLISH);
    executor = new FxTaskExecutor();
    workspace = Workspace.open(home);
    AppContext context = AppContext.create(StartupOptions.parse(List.of()), StartupOptions.samplesDir(), workspace, executor);
    viewModel = new WorkbenchViewModel(context, null, StartupOptions.samplesDir(), home, chooser);
    viewModel.settings().languageProperty().set(Locale.ENGLISH);
    scene = LayerlabApp.show(stage, viewModel);
    MainView main = (MainView) scene.lookup("#mainView");
    firstPage = main.selectedPage();
    // Most robot tests begin by working on the model, so the fixture opens that page; tests turn to others themselves.
    main.showPage("modelTab");
  }

  /** The window on {@code stage}, whose file choosers cancel. */
  static RealWindow open(Stage stage, Path home) {
    return new RealWindow(stage, home, TestChooser.cancelling());
  }

  /** The window on {@code stage}, whose file choosers answer as {@code chooser} says. */
  static RealWindow open(Stage stage, Path home, FileChooserService chooser) {
    return new RealWindow(stage, home, chooser);
  }

  /** Stops a run, the executor and the workspace, and leaves the texts in English for the next test. */
  @Override
  public void close() {
    viewModel.shutdown();
    executor.close();
    workspace.close();
    Messages.setLocale(Locale.ENGLISH);
  }
}
