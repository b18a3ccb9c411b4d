package org.layerlab.charts.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.Fx;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SmoothingControlTest {

  private SmoothingControl control;

  @Start
  void start(Stage stage) {
    ChartTexts.setLocale(Locale.ENGLISH); // the tests below read the English texts
    control = new SmoothingControl();
    stage.setScene(new Scene(control, 500, 60));
    stage.show();
  }

  @Test
  void startsAtTensorBoardsDefaultWeight() throws Exception {
    assertEquals(Smoothing.exponential(0.6), Fx.call(control::getSmoothing));
    assertEquals("0.6", Fx.call(() -> value().getText()));
  }

  @Test
  void movingTheSliderSetsTheWeightInHundredths() throws Exception {
    Fx.run(() -> slider().setValue(0.873));

    assertEquals(Smoothing.exponential(0.87), Fx.call(control::getSmoothing));
    assertEquals("0.87", Fx.call(() -> value().getText()));
  }

  @Test
  void choosingMovingAverageTurnsTheSliderIntoAWindowOfPoints() throws Exception {
    Fx.run(() -> kind().setValue(Smoothing.Kind.MOVING_AVERAGE));
    assertEquals(Smoothing.movingAverage(10), Fx.call(control::getSmoothing));

    Fx.run(() -> slider().setValue(42.4));

    assertEquals(Smoothing.movingAverage(42), Fx.call(control::getSmoothing));
    assertEquals(SmoothingControl.MAX_WINDOW, Fx.call(() -> slider().getMax()));
    assertEquals("42 pts", Fx.call(() -> value().getText()));
  }

  @Test
  void choosingNoneDisablesTheSlider() throws Exception {
    Fx.run(() -> kind().setValue(Smoothing.Kind.NONE));

    assertFalse(Fx.call(control::getSmoothing).isActive());
    assertTrue(Fx.call(() -> slider().isDisabled()));
  }

  @Test
  void settingThePropertyMovesTheControls() throws Exception {
    Fx.run(() -> control.setSmoothing(Smoothing.movingAverage(25)));

    assertEquals(Smoothing.Kind.MOVING_AVERAGE, Fx.call(() -> kind().getValue()));
    assertEquals(25.0, Fx.call(() -> slider().getValue()));
  }

  @SuppressWarnings("unchecked")
  private ChoiceBox<Smoothing.Kind> kind() {
    return (ChoiceBox<Smoothing.Kind>) control.lookup("#" + SmoothingControl.KIND_ID);
  }

  private Slider slider() {
    return (Slider) control.lookup("#" + SmoothingControl.SLIDER_ID);
  }

  private Label value() {
    return (Label) control.lookup("#" + SmoothingControl.VALUE_ID);
  }

  @Test
  void builtInChineseTheTitleAndWindowSpeakChinese() throws Exception {
    List<String> texts =
        Fx.call(
            () -> {
              ChartTexts.setLocale(Locale.SIMPLIFIED_CHINESE);
              try {
                SmoothingControl zh = new SmoothingControl();
                zh.setSmoothing(Smoothing.movingAverage(42));
                String title = ((javafx.scene.control.Label) zh.getChildren().get(0)).getText();
                String kind = ((ChoiceBox<?>) zh.lookup("#" + SmoothingControl.KIND_ID)).getValue().toString();
                String value = ((javafx.scene.control.Label) zh.lookup("#" + SmoothingControl.VALUE_ID)).getText();
                zh.setSmoothing(Smoothing.none());
                String off = ((javafx.scene.control.Label) zh.lookup("#" + SmoothingControl.VALUE_ID)).getText();
                return List.of(title, kind, value, off, Smoothing.movingAverage(42).describe());
              } finally {
                ChartTexts.setLocale(Locale.ENGLISH);
              }
            });
    assertEquals(List.of("平滑", "移动平均", "42 个点", "关闭", "42 点移动平均"), texts);
    assertEquals("moving average of 42", Smoothing.movingAverage(42).describe());
    assertEquals("moving average of 42", Smoothing.movingAverage(42).toString(), "toString stays English for logs");
  }
}
