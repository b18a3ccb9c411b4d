package org.layerlab.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.model.ModelEditorViewModel;
import org.layerlab.app.settings.Theme;
import org.layerlab.model.layer.LayerType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of the model canvas in both languages and both themes: the spiral MLP turned into a residual network by hand (an Add
 * joining two paths) with a Dropout whose rate is out of range, selected, showing its red badge. Runs only with
 * {@code -Dlayerlab.screenshots=true}; the pictures land in {@code target/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class ModelCanvasScreenshots {

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
  void modelCanvasInBothLanguagesAndThemes(FxRobot robot) throws Exception {
    assumeTrue(Boolean.getBoolean("layerlab.screenshots"), "screenshots only on request");
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> viewModel.main().training().canTrain());
    robot.interact(
        () -> {
          ModelEditorViewModel m = viewModel.main().modelEditor();
          m.addLayerAt(LayerType.ADD, 0, 0);
          m.connect("dense2", "add1", 0);
          m.connect("dense1", "add1", 1);
          m.connect("add1", "output", 0);
          m.relayout();
          m.select(1);
          m.addLayer(LayerType.DROPOUT);
          m.selectedLayerProperty().get().field("rate").setText("1.5");
        });
    for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      for (Theme theme : Theme.values()) {
        robot.interact(
            () -> {
              viewModel.settings().languageProperty().set(language);
              viewModel.settings().themeProperty().set(theme);
            });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        String name = "model-canvas-" + language.getLanguage() + "-" + theme.name().toLowerCase();
        robot.interact(() -> save(robot.lookup("#modelEditor").query(), name));
        robot.interact(() -> Screenshots.save(scene, name + "-window"));
      }
    }
  }

  private static void save(Node node, String name) {
    WritableImage image = node.snapshot(null, null);
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] pixels = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, pixels, 0, w);
    try {
      Files.createDirectories(Screenshots.DIR);
      ImageIO.write(out, "png", Screenshots.DIR.resolve(name + ".png").toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
