package org.layerlab.charts.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.Fx;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SampleGridTest {

  private SampleGrid grid;

  private final List<Sample> samples =
      List.of(
          digit("7", "7", 0.99),
          digit("2", "7", 0.61),
          digit("1", "1", 0.97),
          digit("5", "3", 0.52),
          digit("9", null, Double.NaN));

  @Start
  void start(Stage stage) {
    ChartTexts.setLocale(Locale.ENGLISH); // the tests below read the English texts
    grid = new SampleGrid(56);
    stage.setScene(new Scene(grid, 600, 400));
    stage.show();
  }

  /** A 4 x 4 grey image whose top-left pixel is white and the rest black. */
  private static Sample digit(String truth, String predicted, double confidence) {
    double[] pixels = new double[16];
    pixels[0] = 1;
    return Sample.grayscale(4, 4, pixels, truth, predicted, confidence);
  }

  @Test
  void misclassifiedSamplesAreMarkedAndCounted() throws Exception {
    Fx.run(() -> grid.setSamples(samples));

    List<Boolean> marked =
        Fx.call(() -> grid.tiles().stream().map(t -> t.getStyleClass().contains(SampleGrid.MISCLASSIFIED_CLASS)).toList());
    assertEquals(List.of(false, true, false, true, false), marked);
    assertEquals(
        "5 samples, 2 misclassified, 1 not predicted yet",
        Fx.call(() -> ((javafx.scene.control.Label) grid.lookup("#" + SampleGrid.SUMMARY_ID)).getText()));
    String predicted = Fx.call(() -> ((javafx.scene.control.Label) grid.tiles().get(1).getChildren().get(2)).getText());
    assertEquals("→ 7 61%", predicted);
  }

  @Test
  void theCheckBoxNarrowsTheGridToTheMisclassifiedSamples() throws Exception {
    Fx.run(() -> grid.setSamples(samples));
    Fx.run(() -> ((javafx.scene.control.CheckBox) grid.lookup("#" + SampleGrid.ONLY_WRONG_ID)).fire());

    List<Sample> shown = Fx.call(() -> grid.tiles().stream().map(t -> (Sample) t.getUserData()).toList());
    assertEquals(List.of(samples.get(1), samples.get(3)), shown);
  }

  @Test
  void clickingATileSelectsItsSample() throws Exception {
    Fx.run(() -> grid.setSamples(samples));
    Fx.run(
        () -> {
          var tile = grid.tiles().get(3);
          var centre = tile.localToScene(tile.getWidth() / 2, tile.getHeight() / 2);
          Event.fireEvent(
              tile,
              new MouseEvent(
                  MouseEvent.MOUSE_CLICKED, centre.getX(), centre.getY(), centre.getX(), centre.getY(),
                  MouseButton.PRIMARY, 1, false, false, false, false, false, false, false, false, false, true, null));
        });
    assertEquals(samples.get(3), Fx.call(grid::getSelectedSample));
  }

  @Test
  void imagesKeepTheirPixelsAndAreScaledWithoutSmoothing() throws Exception {
    Fx.run(() -> grid.setSamples(samples));
    Fx.run(
        () -> {
          ImageView view = (ImageView) grid.tiles().get(0).lookup(".image-view");
          assertFalse(view.isSmooth());
          assertEquals(56, view.getFitWidth());
          assertEquals(0xffffffff, view.getImage().getPixelReader().getArgb(0, 0));
          assertEquals(0xff000000, view.getImage().getPixelReader().getArgb(1, 0));
        });
  }

  @Test
  void colourImagesAreReadChannelsFirst() {
    // 1 x 2 pixels: red plane {1, 0}, green plane {0, 1}, blue plane {0, 0}
    Sample s = Sample.rgb(2, 1, new double[] {1, 0, 0, 1, 0, 0}, "a", "a", 1);
    assertEquals(0xffff0000, s.argb()[0]);
    assertEquals(0xff00ff00, s.argb()[1]);
    assertThrows(IllegalArgumentException.class, () -> Sample.rgb(2, 1, new double[5], "a", "a", 1));
    assertTrue(digit("1", "2", 0.5).isMisclassified());
    assertFalse(digit("1", null, Double.NaN).isMisclassified());
  }

  @Test
  void builtInChineseTheCheckBoxAndSummarySpeakChinese() throws Exception {
    List<String> texts =
        Fx.call(
            () -> {
              ChartTexts.setLocale(Locale.SIMPLIFIED_CHINESE);
              try {
                SampleGrid zh = new SampleGrid(56);
                zh.setSamples(samples);
                return List.of(
                    ((javafx.scene.control.CheckBox) zh.lookup("#" + SampleGrid.ONLY_WRONG_ID)).getText(),
                    ((javafx.scene.control.Label) zh.lookup("#" + SampleGrid.SUMMARY_ID)).getText());
              } finally {
                ChartTexts.setLocale(Locale.ENGLISH);
              }
            });
    assertEquals(List.of("只看分错的", "5 个样本，2 个分错，1 个尚未预测"), texts);
    assertEquals(
        "only misclassified",
        Fx.call(() -> ((javafx.scene.control.CheckBox) grid.lookup("#" + SampleGrid.ONLY_WRONG_ID)).getText()));
  }
}
