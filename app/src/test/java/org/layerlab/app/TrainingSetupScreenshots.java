package org.layerlab.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.settings.Theme;
import org.layerlab.model.project.TrainingSettings.ScheduleKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training page's settings form in both languages, both themes and classroom mode, for review. Runs only with {@code
 * -Dlayerlab.screenshots=true}.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingSetupScreenshots {

  @TempDir Path home;
  private RealWindow window;
  private WorkbenchViewModel viewModel;
  private Scene scene;

  @Start
  void start(Stage stage) {
    window = RealWindow.open(stage, home);
    viewModel = window.viewModel;
    scene = window.scene;
  }

  @AfterEach
  void close() {
    window.close();
  }

  @Test
  void trainingPageInBothLanguagesThemesAndClassroom() throws Exception {
    assumeTrue(Boolean.getBoolean("layerlab.screenshots"), "screenshots only on request");
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> viewModel.main().training().canTrain());
    robot(() -> {
      var setup = viewModel.main().setup();
      setup.trainingSamplesProperty().set(900);
      setup.epochsTextProperty().set("30");
      setup.scheduleKindProperty().set(ScheduleKind.WARMUP_COSINE);
      setup.field("schedule.warmupEpochs").textProperty().set("3");
      setup.field("schedule.minLearningRate").textProperty().set("0.0001");
    });
    for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      for (Theme theme : Theme.values()) {
        robot(() -> {
          viewModel.settings().languageProperty().set(language);
          viewModel.settings().themeProperty().set(theme);
        });
        shoot("training-setup-" + language.getLanguage() + "-" + theme.name().toLowerCase());
      }
      robot(() -> {
        viewModel.settings().themeProperty().set(Theme.LIGHT);
        viewModel.settings().classroomProperty().set(true);
      });
      shoot("training-setup-" + language.getLanguage() + "-classroom");
      robot(() -> viewModel.settings().classroomProperty().set(false));
    }
    robot(() -> {
      viewModel.settings().languageProperty().set(Locale.ENGLISH);
      var setup = viewModel.main().setup();
      setup.optimizerProperty().set(org.layerlab.model.project.OptimizerKind.SGD);
      setup.nesterovProperty().set(true);
      setup.field("momentum").textProperty().set("0");
      setup.scheduleKindProperty().set(ScheduleKind.STEP);
      setup.field("schedule.gamma").textProperty().set("0.5");
      setup.field("schedule.everyEpochs").textProperty().set("10");
      setup.batchSizeTextProperty().set("0");
    });
    shoot("training-setup-en-problems");
  }

  private void robot(Runnable r) {
    new FxRobot().interact(r);
  }

  private void shoot(String name) throws Exception {
    robot(() -> ((MainView) scene.lookup("#mainView")).showPage("trainingTab"));
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(500);
    WaitForAsyncUtils.waitForFxEvents();
    robot(() -> Screenshots.save(scene, name));
    robot(() -> saveNode(scene.lookup("#trainingSetupView"), name + "-form"));
  }

  /** The whole form, also the part scrolled out of sight, as a PNG beside the window's screenshots. */
  static void saveNode(javafx.scene.Node node, String name) {
    javafx.scene.image.WritableImage image = node.snapshot(null, null);
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] pixels = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, w);
    java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, pixels, 0, w);
    try {
      java.nio.file.Files.createDirectories(Screenshots.DIR);
      javax.imageio.ImageIO.write(out, "png", Screenshots.DIR.resolve(name + ".png").toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
