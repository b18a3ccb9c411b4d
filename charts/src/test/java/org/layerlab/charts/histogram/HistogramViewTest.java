package org.layerlab.charts.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.Fx;
import org.layerlab.charts.internal.ColorMap;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HistogramViewTest {

  private HistogramView view;
  private Scene scene;

  @Start
  void start(Stage stage) {
    ChartTexts.setLocale(Locale.ENGLISH); // the tests below read the English texts
    view = new HistogramView("dense1 weights");
    scene = new Scene(view, 800, 500);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void snapshotsAddedOnAWorkerThreadAreDrawnAsRidgesOverTheirValueRange() throws Exception {
    Thread worker = new Thread(() -> addSpreadingSnapshots(10));
    worker.start();
    worker.join(5_000);
    Fx.awaitPulses(scene);
    Fx.awaitPulses(scene);

    Fx.run(
        () -> {
          var x = view.chart().getXAxis();
          var y = view.chart().getYAxis();
          assertTrue(x.getMin() <= -1.9 && x.getMax() >= 1.9, "values " + x.getMin() + ".." + x.getMax());
          assertTrue(y.getMax() >= 900, "steps up to " + y.getMax());
        });
    assertEquals(10, view.snapshots().size());
    assertTrue(Fx.call(view::noteText).startsWith("10 snapshots"), Fx.call(view::noteText));
    assertTrue(plotPixelsNear(ColorMap.viridis(0.85), 0.12) > 50, "the latest ridge's line");
  }

  @Test
  void moreSnapshotsThanRidgesFitAreSampledAndTheNoteSaysSo() throws Exception {
    addSpreadingSnapshots(100);
    Fx.awaitPulses(scene);
    Fx.awaitPulses(scene);

    assertTrue(Fx.call(view::noteText).startsWith("showing 34 of 100 snapshots"), Fx.call(view::noteText));
    List<HistogramSnapshot> sorted = new ArrayList<>(view.snapshots());
    List<HistogramSnapshot> shown = HistogramView.ridgesShown(sorted);
    assertEquals(34, shown.size()); // every third, counted back from the latest
    assertEquals(sorted.get(0), shown.get(0));
    assertEquals(sorted.get(99), shown.get(shown.size() - 1));
  }

  @Test
  void theHeatMapPutsStepsAlongXAndColoursEachColumnsPeakBright() throws Exception {
    addSpreadingSnapshots(10);
    Fx.run(() -> ((ToggleButton) view.lookup("#" + HistogramView.HEAT_MAP_ID)).fire());
    Fx.awaitPulses(scene);
    Fx.awaitPulses(scene);

    assertEquals(HistogramView.Mode.HEAT_MAP, Fx.call(view::getMode));
    Fx.run(
        () -> {
          var x = view.chart().getXAxis();
          assertEquals("step", x.getName());
          assertTrue(x.getMin() < 0 && x.getMax() > 900);
        });
    assertTrue(plotPixelsNear(ColorMap.viridis(1), 0.08) > 100, "peaks in bright yellow");
    assertTrue(plotPixelsNear(Color.WHITE, 0.02) > 50, "the median line");
  }

  /** Snapshots at steps 0, 100, ... of a normal distribution whose spread grows from 0.2 to 1. */
  private void addSpreadingSnapshots(int n) {
    Random random = new Random(1);
    for (int k = 0; k < n; k++) {
      double[] values = new double[2_000];
      double sd = 0.2 + 0.8 * k / Math.max(1, n - 1);
      for (int i = 0; i < values.length; i++) {
        values[i] = Math.max(-2, Math.min(2, random.nextGaussian() * sd));
      }
      view.add(HistogramSnapshot.of(k * 100, values, 40));
    }
  }

  private int plotPixelsNear(Color colour, double tolerance) throws Exception {
    return Fx.call(
        () -> {
          WritableImage image = scene.snapshot(null);
          Bounds plot = Fx.sceneBounds(view.chart().getCanvas());
          return Fx.countPixels(image, plot, colour, tolerance);
        });
  }

  @Test
  void builtInChineseTheButtonsAxisAndNotesSpeakChinese() throws Exception {
    HistogramView[] zh = new HistogramView[1];
    Fx.run(
        () -> {
          ChartTexts.setLocale(Locale.SIMPLIFIED_CHINESE);
          zh[0] = new HistogramView("dense1 权重");
          scene.setRoot(zh[0]);
        });
    try {
      Fx.awaitPulses(scene);
      Fx.awaitPulses(scene);
      assertEquals("还没有快照", Fx.call(zh[0]::noteText));
      assertEquals("直方图", Fx.call(() -> ((ToggleButton) zh[0].lookup("#" + HistogramView.RIDGES_ID)).getText()));
      assertEquals("分布热图", Fx.call(() -> ((ToggleButton) zh[0].lookup("#" + HistogramView.HEAT_MAP_ID)).getText()));
      assertEquals("步", Fx.call(() -> zh[0].chart().getYAxis().getName()));
      HistogramView english = view;
      view = zh[0];
      try {
        addSpreadingSnapshots(10);
      } finally {
        view = english;
      }
      Fx.awaitPulses(scene);
      Fx.awaitPulses(scene);
      assertTrue(Fx.call(zh[0]::noteText).startsWith("10 个快照"), Fx.call(zh[0]::noteText));
    } finally {
      Fx.run(() -> ChartTexts.setLocale(Locale.ENGLISH));
    }
  }
}
