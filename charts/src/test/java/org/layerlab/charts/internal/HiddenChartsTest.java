package org.layerlab.charts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.Fx;
import org.layerlab.charts.scalar.ScalarChart;
import org.layerlab.charts.scalar.ScalarRun;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Charts on a tab that is not selected hold their redraws until the tab is shown, and then show everything that came meanwhile. */
@ExtendWith(ApplicationExtension.class)
class HiddenChartsTest {

  private ScalarChart chart;
  private Tab chartTab;
  private Tab otherTab;
  private TabPane tabs;
  private Scene scene;

  @Start
  void start(Stage stage) {
    chart = new ScalarChart("loss");
    chartTab = new Tab("curves", chart);
    otherTab = new Tab("other", new Label("something else"));
    tabs = new TabPane(chartTab, otherTab);
    scene = new Scene(tabs, 800, 500);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void shownOnlyWhenNoParentIsHidden() throws Exception {
    assertTrue(Fx.call(() -> Visibility.shown(chart)));
    Fx.run(() -> tabs.getSelectionModel().select(otherTab));
    Fx.awaitPulses(scene);
    assertFalse(Fx.call(() -> Visibility.shown(chart)), "the tab pane hides the content of a tab not selected");
    assertFalse(Fx.call(() -> Visibility.shown(new Label("in no scene"))));
  }

  @Test
  void aHiddenScalarChartDrawsNothingUntilShownThenEverything() throws Exception {
    ScalarRun run = Fx.call(() -> chart.addRun("run"));
    for (int i = 0; i < 50; i++) {
      run.append(i, 1.0 / (i + 1));
    }
    Fx.awaitPulses(scene);
    long framesShown = Fx.call(chart::renderedFrames);
    assertTrue(framesShown > 0, "a shown chart draws");

    Fx.run(() -> tabs.getSelectionModel().select(otherTab));
    Fx.awaitPulses(scene);
    long framesBefore = Fx.call(chart::renderedFrames);
    for (int i = 50; i < 400; i++) {
      run.append(i, 1.0 / (i + 1));
      if (i % 50 == 0) {
        Fx.awaitPulses(scene);
      }
    }
    Fx.awaitPulses(scene);
    assertEquals(framesBefore, Fx.call(chart::renderedFrames), "a chart on a hidden tab does not draw");

    Fx.run(() -> tabs.getSelectionModel().select(chartTab));
    Fx.awaitPulses(scene);
    assertTrue(Fx.call(chart::renderedFrames) > framesBefore, "shown again, it draws");
    assertTrue(Fx.call(() -> chart.chart().getXAxis().getMax()) >= 399, "with the points that came while it was hidden");
  }

  @Test
  void aHiddenConfusionMatrixIsDrawnWhenShown() throws Exception {
    org.layerlab.charts.confusion.ConfusionMatrixView matrix = Fx.call(org.layerlab.charts.confusion.ConfusionMatrixView::new);
    Tab matrixTab = new Tab("matrix", matrix);
    Fx.run(() -> tabs.getTabs().add(matrixTab));
    Fx.awaitPulses(scene);
    long before = Fx.call(() -> org.layerlab.charts.confusion.ConfusionAccess.redraws(matrix));
    var m = org.layerlab.charts.confusion.ConfusionMatrix.of(List.of("a", "b"), new int[] {0, 1, 1}, new int[] {0, 1, 0});
    Fx.run(() -> matrix.setMatrix(m));
    Fx.awaitPulses(scene);
    assertEquals(before, Fx.call(() -> org.layerlab.charts.confusion.ConfusionAccess.redraws(matrix)), "not drawn while its tab is hidden");

    Fx.run(() -> tabs.getSelectionModel().select(matrixTab));
    Fx.awaitPulses(scene);
    assertTrue(Fx.call(() -> org.layerlab.charts.confusion.ConfusionAccess.redraws(matrix)) > before, "drawn once its tab is shown");
  }
}
