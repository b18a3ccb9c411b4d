package org.layerlab.charts.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
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
class ParallelCoordinatesViewTest {

  private ParallelCoordinatesView view;
  private Scene scene;

  private final Trial a = trial("a", 0.1, 32, 0.80);
  private final Trial b = trial("b", 0.01, 64, 0.91);
  private final Trial c = trial("c", 0.001, 128, 0.88);
  private final Trial d = trial("d", 0.0001, 64, 0.70);

  private static Trial trial(String name, double lr, double batch, double accuracy) {
    return new Trial(name, Map.of("learning_rate", lr, "batch_size", batch, "accuracy", accuracy));
  }

  @Start
  void start(Stage stage) {
    ChartTexts.setLocale(Locale.ENGLISH); // the tests below read the English texts
    view = new ParallelCoordinatesView(List.of("learning_rate", "batch_size"), "accuracy");
    view.setTrials(List.of(a, b, c, d));
    scene = new Scene(view, 800, 500);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void withoutBrushesEveryTrialIsSelectedAndTheMetricIsTheLastAxis() throws Exception {
    assertEquals(List.of("learning_rate", "batch_size", "accuracy"), view.dimensions());
    assertEquals(List.of(a, b, c, d), Fx.call(() -> List.copyOf(view.selectedTrials())));
  }

  @Test
  void brushesOnSeveralAxesSelectTheTrialsInsideAllOfThem() throws Exception {
    Fx.run(() -> view.setBrush("accuracy", 0.85, 0.95));
    assertEquals(List.of(b, c), Fx.call(() -> List.copyOf(view.selectedTrials())));

    Fx.run(() -> view.setBrush("batch_size", 100, 50)); // either order
    assertEquals(List.of(b), Fx.call(() -> List.copyOf(view.selectedTrials())));
    assertTrue(Fx.call(() -> ((javafx.scene.control.Label) view.lookup("#" + ParallelCoordinatesView.STATUS_ID)).getText())
        .startsWith("1 of 4 trials selected: b"));

    Fx.run(view::clearBrushes);
    assertEquals(4, Fx.call(() -> view.selectedTrials().size()));
  }

  @Test
  void draggingAlongAnAxisBrushesTheIntervalAndAClickClearsIt() throws Exception {
    Fx.awaitPulses(scene);
    double x = Fx.call(() -> view.axisX("accuracy"));
    double top = Fx.call(() -> view.valueY("accuracy", 0.915)); // inside the axis, which ends 5% past the best trial
    double bottom = Fx.call(() -> view.valueY("accuracy", 0.85));

    mouse(MouseEvent.MOUSE_PRESSED, x + 3, top);
    mouse(MouseEvent.MOUSE_DRAGGED, x + 3, (top + bottom) / 2);
    mouse(MouseEvent.MOUSE_DRAGGED, x + 3, bottom);
    mouse(MouseEvent.MOUSE_RELEASED, x + 3, bottom);

    double[] brush = Fx.call(() -> view.brushes().get("accuracy"));
    assertEquals(0.85, brush[0], 1e-4);
    assertEquals(0.915, brush[1], 1e-4);
    assertEquals(List.of(b, c), Fx.call(() -> List.copyOf(view.selectedTrials())));

    mouse(MouseEvent.MOUSE_PRESSED, x, bottom);
    mouse(MouseEvent.MOUSE_RELEASED, x, bottom);
    assertTrue(Fx.call(() -> view.brushes().isEmpty()));
  }

  @Test
  void aLogarithmicAxisSpacesDecadesEvenly() throws Exception {
    Fx.run(() -> view.setLogScale("learning_rate", true));
    Fx.awaitPulses(scene);

    double y4 = Fx.call(() -> view.valueY("learning_rate", 1e-4));
    double y3 = Fx.call(() -> view.valueY("learning_rate", 1e-3));
    double y2 = Fx.call(() -> view.valueY("learning_rate", 1e-2));
    assertEquals(y4 - y3, y3 - y2, 1e-3);
    assertTrue(y2 < y3 && y3 < y4, "larger rates higher up");
    assertThrows(IllegalArgumentException.class, () -> view.setLogScale("momentum", true));
  }

  @Test
  void trialsMissingAValueAreNeverInsideABrushOnThatAxis() throws Exception {
    Trial partial = new Trial("partial", Map.of("learning_rate", 0.01, "accuracy", 0.9));
    Fx.run(
        () -> {
          view.setTrials(List.of(a, b, partial));
          view.setBrush("batch_size", 0, 1_000);
        });
    assertEquals(List.of(a, b), Fx.call(() -> List.copyOf(view.selectedTrials())));
    assertTrue(Fx.call(() -> ((javafx.scene.control.Label) view.lookup("#" + ParallelCoordinatesView.STATUS_ID)).getText())
        .contains("1 lack a value on some axis"));
  }

  private void mouse(EventType<MouseEvent> type, double x, double y) throws Exception {
    Fx.run(
        () -> {
          Node canvas = ((javafx.scene.layout.Pane) view.lookup("#" + ParallelCoordinatesView.PLOT_ID)).getChildren().get(0);
          Point2D s = view.localToScene(x, y);
          boolean down = type != MouseEvent.MOUSE_RELEASED;
          Event.fireEvent(
              canvas,
              new MouseEvent(
                  type, s.getX(), s.getY(), s.getX(), s.getY(), MouseButton.PRIMARY, 1, false, false, false, false, down,
                  false, false, false, false, false, null));
        });
  }

  @Test
  void builtInChineseTheButtonAndStatusSpeakChinese() throws Exception {
    List<String> texts =
        Fx.call(
            () -> {
              ChartTexts.setLocale(Locale.SIMPLIFIED_CHINESE);
              try {
                ParallelCoordinatesView zh = new ParallelCoordinatesView(List.of("learning_rate", "batch_size"), "accuracy");
                zh.setTrials(List.of(a, b, c, d));
                String clear = ((javafx.scene.control.Button) zh.lookup("#" + ParallelCoordinatesView.CLEAR_ID)).getText();
                String all = ((javafx.scene.control.Label) zh.lookup("#" + ParallelCoordinatesView.STATUS_ID)).getText();
                zh.setBrush("accuracy", 0.85, 0.95);
                String some = ((javafx.scene.control.Label) zh.lookup("#" + ParallelCoordinatesView.STATUS_ID)).getText();
                return List.of(clear, all, some);
              } finally {
                ChartTexts.setLocale(Locale.ENGLISH);
              }
            });
    assertEquals(List.of("清除刷选", "4 次试验；沿某条轴拖动即可选择", "已选中 2 / 4 次试验：b、c"), texts);
  }
}
