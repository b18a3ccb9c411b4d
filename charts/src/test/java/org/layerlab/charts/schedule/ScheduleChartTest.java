package org.layerlab.charts.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.Fx;
import org.layerlab.charts.MetricSeries;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ScheduleChartTest {

  private ScheduleChart chart;
  private Scene scene;

  @Start
  void start(Stage stage) {
    ChartTexts.setLocale(Locale.ENGLISH); // the tests below read the English texts
    chart = new ScheduleChart();
    scene = new Scene(chart, 800, 500);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void aShortScheduleIsDrawnStepByStepAndSummarised() throws Exception {
    MetricSeries s = Fx.call(() -> chart.setSchedule("one-cycle", Schedules.oneCycle(0.1, 100), 100));
    Fx.awaitPulses(scene);

    assertEquals(100, s.size());
    assertEquals(Schedules.oneCycle(0.1, 100).rate(99), s.lastY());
    assertEquals(
        "one-cycle: starts at 0.00400, peaks at 0.100 at step 29, ends at 4.00e-07 after 100 steps",
        Fx.call(chart::summaryText));
    assertTrue(Fx.call(() -> chart.chart().chart().getYAxis().getMax()) >= 0.1);
  }

  @Test
  void aLongStepDecayIsSampledWithItsDropsOnTheirExactSteps() {
    LearningRateSchedule decay = Schedules.stepDecay(0.1, 0.1, 30_000);
    double[][] xy = ScheduleChart.sample(decay, 100_000, ScheduleChart.MAX_POINTS);

    assertTrue(xy[0].length <= ScheduleChart.MAX_POINTS, "points: " + xy[0].length);
    for (long drop : new long[] {30_000, 60_000, 90_000}) {
      int at = indexOf(xy[0], drop);
      assertTrue(at > 0, "the drop at step " + drop + " is drawn");
      assertEquals(decay.rate(drop), xy[1][at], 1e-15);
      assertEquals(decay.rate(drop - 1), xy[1][at - 1], 1e-15, "and the step before it");
      assertEquals(drop - 1, xy[0][at - 1]);
    }
    assertEquals(99_999, xy[0][xy[0].length - 1]);
  }

  @Test
  void theLogSwitchMakesTheRateAxisLogarithmic() throws Exception {
    Fx.run(() -> chart.setSchedule("exponential", Schedules.exponential(0.1, 0.99), 1_000));
    Fx.run(() -> ((CheckBox) chart.lookup("#" + ScheduleChart.LOG_ID)).fire());
    Fx.awaitPulses(scene);

    assertTrue(Fx.call(() -> ((DefaultNumericAxis) chart.chart().chart().getYAxis()).isLogAxis()));
  }

  @Test
  void schedulesCanBeComparedInTheirOwnColours() throws Exception {
    Fx.run(
        () -> {
          chart.addSchedule("cosine", Schedules.cosine(0.1, 0, 1_000), 1_000);
          chart.addSchedule("warm-up + cosine", Schedules.warmupCosine(0.1, 0, 100, 1_000), 1_000);
        });
    assertEquals(2, Fx.call(() -> chart.chart().series().size()));
    assertEquals(1, Fx.call(() -> chart.chart().series().get(1).colorIndex()));
  }

  private static int indexOf(double[] xs, double x) {
    for (int i = 0; i < xs.length; i++) {
      if (xs[i] == x) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void builtInChineseTheCheckBoxAxesAndSummarySpeakChinese() throws Exception {
    List<String> texts =
        Fx.call(
            () -> {
              ChartTexts.setLocale(Locale.SIMPLIFIED_CHINESE);
              try {
                ScheduleChart zh = new ScheduleChart();
                zh.setSchedule("one-cycle", Schedules.oneCycle(0.1, 100), 100);
                return List.of(
                    ((javafx.scene.control.CheckBox) zh.lookup("#" + ScheduleChart.LOG_ID)).getText(),
                    zh.chart().chart().getXAxis().getName(),
                    zh.chart().chart().getYAxis().getName(),
                    zh.summaryText());
              } finally {
                ChartTexts.setLocale(Locale.ENGLISH);
              }
            });
    assertEquals(
        List.of("对数刻度", "步", "学习率", "one-cycle：起始 0.00400，在第 29 步达到峰值 0.100，经过 100 步后结束于 4.00e-07"), texts);
  }
}
