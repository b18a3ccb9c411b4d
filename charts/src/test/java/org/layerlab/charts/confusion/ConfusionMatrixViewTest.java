package org.layerlab.charts.confusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.Fx;
import org.layerlab.charts.internal.ColorMap;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ConfusionMatrixViewTest {

  private ConfusionMatrixView view;
  private Scene scene;

  @Start
  void start(Stage stage) {
    ChartTexts.setLocale(Locale.ENGLISH); // the tests below read the English texts
    view = new ConfusionMatrixView();
    view.setMatrix(
        new ConfusionMatrix(
            List.of("cat", "dog", "bird"), new long[][] {{50, 3, 0}, {10, 40, 1}, {0, 0, 0}}));
    scene = new Scene(view, 600, 500);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void clickingACellSelectsAndReportsIt() throws Exception {
    List<MatrixCell> reported = new ArrayList<>();
    Fx.run(() -> view.setOnCellClicked(reported::add));
    Fx.awaitPulses(scene);
    assertNull(Fx.call(view::getSelectedCell));

    click(1, 0);

    MatrixCell cell = Fx.call(view::getSelectedCell);
    assertEquals(new MatrixCell(1, 0, "dog", "cat", 10, 10.0 / 51), cell);
    assertEquals(List.of(cell), reported);
    click(0, 0);
    assertTrue(Fx.call(view::getSelectedCell).isDiagonal());
    assertEquals(2, reported.size());
  }

  @Test
  void clickingOutsideTheCellsSelectsNothing() throws Exception {
    Fx.awaitPulses(scene);
    Fx.run(
        () -> {
          Node target = matrixCanvas();
          Event.fireEvent(target, clickAt(target.localToScene(2, 2).getX(), target.localToScene(2, 2).getY()));
        });
    assertNull(Fx.call(view::getSelectedCell));
    assertTrue(Fx.call(() -> view.cellAt(1, 1)).isEmpty());
  }

  @Test
  void theRowNormalisedModeShowsEachRowsSharesAndADashForAnEmptyRow() throws Exception {
    assertEquals("10", Fx.call(() -> view.cellText(1, 0)));
    Fx.run(() -> ((ToggleButton) view.lookup("#" + ConfusionMatrixView.ROW_ID)).fire());

    assertEquals(ConfusionMatrixView.Normalisation.ROW, Fx.call(view::getNormalisation));
    assertEquals("94%", Fx.call(() -> view.cellText(0, 0))); // 50 of 53
    assertEquals("6%", Fx.call(() -> view.cellText(0, 1)));
    assertEquals("0%", Fx.call(() -> view.cellText(0, 2)));
    assertEquals("20%", Fx.call(() -> view.cellText(1, 0)));
    assertEquals("2%", Fx.call(() -> view.cellText(1, 2)));
    assertEquals("–", Fx.call(() -> view.cellText(2, 2)));
  }

  @Test
  void aFewSamplesAreNeverRoundedToZeroPercent() throws Exception {
    Fx.run(
        () -> {
          view.setMatrix(new ConfusionMatrix(List.of("a", "b"), new long[][] {{999, 1}, {0, 5}}));
          view.setNormalisation(ConfusionMatrixView.Normalisation.ROW);
        });
    assertEquals("<1%", Fx.call(() -> view.cellText(0, 1)));
    assertEquals(">99%", Fx.call(() -> view.cellText(0, 0)));
  }

  @Test
  void cellsAreFilledWithTheirColourFromTheColourMap() throws Exception {
    Fx.run(() -> view.setNormalisation(ConfusionMatrixView.Normalisation.ROW));
    Fx.awaitPulses(scene);

    Fx.run(
        () -> {
          WritableImage image = scene.snapshot(null);
          Bounds cell = view.localToScene(view.cellBounds(1, 0));
          // a corner of the cell, away from its text
          var colour = image.getPixelReader().getColor((int) cell.getMinX() + 3, (int) cell.getMinY() + 3);
          var expected = ColorMap.viridis(10.0 / 51);
          assertEquals(expected.getRed(), colour.getRed(), 0.02);
          assertEquals(expected.getGreen(), colour.getGreen(), 0.02);
          assertEquals(expected.getBlue(), colour.getBlue(), 0.02);
        });
  }

  @Test
  void theSummaryGivesSamplesAndAccuracy() throws Exception {
    assertEquals(
        "104 samples, accuracy 86.5%",
        Fx.call(() -> ((javafx.scene.control.Label) view.lookup("#" + ConfusionMatrixView.SUMMARY_ID)).getText()));
  }

  private void click(int trueClass, int predictedClass) throws Exception {
    Fx.awaitPulses(scene);
    Fx.run(
        () -> {
          Bounds b = view.localToScene(view.cellBounds(trueClass, predictedClass));
          Event.fireEvent(matrixCanvas(), clickAt(b.getCenterX(), b.getCenterY()));
        });
  }

  private Node matrixCanvas() {
    return ((javafx.scene.layout.Pane) view.lookup("#" + ConfusionMatrixView.MATRIX_ID)).getChildren().get(0);
  }

  private static MouseEvent clickAt(double sceneX, double sceneY) {
    return new MouseEvent(
        MouseEvent.MOUSE_CLICKED, sceneX, sceneY, sceneX, sceneY, MouseButton.PRIMARY, 1, false, false, false, false,
        false, false, false, false, false, true, null);
  }

  @Test
  void builtInChineseTheTogglesAndSummarySpeakChinese() throws Exception {
    List<String> texts =
        Fx.call(
            () -> {
              ChartTexts.setLocale(Locale.SIMPLIFIED_CHINESE);
              try {
                ConfusionMatrixView zh = new ConfusionMatrixView();
                zh.setMatrix(view.getMatrix());
                return List.of(
                    ((javafx.scene.control.ToggleButton) zh.lookup("#" + ConfusionMatrixView.COUNTS_ID)).getText(),
                    ((javafx.scene.control.ToggleButton) zh.lookup("#" + ConfusionMatrixView.ROW_ID)).getText(),
                    ((javafx.scene.control.Label) zh.lookup("#" + ConfusionMatrixView.SUMMARY_ID)).getText());
              } finally {
                ChartTexts.setLocale(Locale.ENGLISH);
              }
            });
    assertEquals(List.of("计数", "行百分比", "104 个样本，准确率 86.5%"), texts);
    assertEquals(
        "Row %", Fx.call(() -> ((javafx.scene.control.ToggleButton) view.lookup("#" + ConfusionMatrixView.ROW_ID)).getText()));
  }
}
