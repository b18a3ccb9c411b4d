package org.layerlab.charts.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.ChartTexts;
import org.layerlab.charts.Fx;
import org.layerlab.charts.SeriesPalette;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ScalarChartTest {

  private static final double TOLERANCE = 0.08;

  private ScalarChart chart;
  private Scene scene;
  private final Queue<Throwable> fxErrors = new ConcurrentLinkedQueue<>();
  private Thread.UncaughtExceptionHandler previousFxHandler;

  @Start
  void start(Stage stage) {
    ChartTexts.setLocale(Locale.ENGLISH); // the tests below read the English texts
    chart = new ScalarChart("loss");
    scene = new Scene(chart, 1000, 600);
    stage.setScene(scene);
    stage.show();
  }

  @BeforeEach
  void recordFxThreadExceptions() throws Exception {
    Fx.run(
        () -> {
          Thread fx = Thread.currentThread();
          previousFxHandler = fx.getUncaughtExceptionHandler();
          fx.setUncaughtExceptionHandler((t, e) -> fxErrors.add(e));
        });
  }

  @AfterEach
  void restoreFxHandler() throws Exception {
    Fx.run(() -> Thread.currentThread().setUncaughtExceptionHandler(previousFxHandler));
    assertTrue(fxErrors.isEmpty(), () -> "exception on the FX thread: " + fxErrors.peek());
  }

  @Test
  void pointsAppendedOnAWorkerWhileTheFxThreadIsBusyAppearOnTheNextPulse() throws Exception {
    ScalarRun run = Fx.call(() -> chart.addRun("run 1"));
    Fx.awaitPulses(scene);
    CountDownLatch fxParked = new CountDownLatch(1);
    CountDownLatch releaseFx = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          fxParked.countDown();
          await(releaseFx);
        });
    assertTrue(fxParked.await(5, TimeUnit.SECONDS));
    Thread worker =
        new Thread(
            () -> {
              for (int i = 0; i < 5_000; i++) {
                run.append(i, i / 500.0, 1_000_000L + i, curve(i));
              }
            });
    try {
      worker.start();
      worker.join(10_000);
      assertFalse(worker.isAlive(), "appending waited for the FX thread");
      assertEquals(5_000, run.size());
    } finally {
      releaseFx.countDown();
    }
    Fx.awaitPulses(scene);

    assertTrue(Fx.call(() -> chart.chart().getXAxis().getMax()) >= 4_999);
    assertTrue(plotPixels(SeriesPalette.color(0)) > 300);
  }

  @Test
  void theChartRedrawsAtMostOncePerPulseWhileWorkersAppend() throws Exception {
    ScalarRun a = Fx.call(() -> chart.addRun("a"));
    ScalarRun b = Fx.call(() -> chart.addRun("b"));
    AtomicInteger pulses = new AtomicInteger();
    Runnable count = pulses::incrementAndGet;
    Fx.run(() -> scene.addPostLayoutPulseListener(count));
    long framesBefore = Fx.call(chart::renderedFrames);
    int pulsesBefore = pulses.get();
    Thread[] workers = new Thread[2];
    ScalarRun[] runs = {a, b};
    for (int w = 0; w < 2; w++) {
      ScalarRun run = runs[w];
      workers[w] =
          new Thread(
              () -> {
                for (int i = 0; i < 20_000; i++) {
                  run.append(i, curve(i));
                  if (i % 1_000 == 0) {
                    sleep(10);
                  }
                }
              });
      workers[w].start();
    }
    for (Thread w : workers) {
      w.join(30_000);
    }
    Fx.awaitPulses(scene);
    Fx.run(() -> scene.removePostLayoutPulseListener(count));
    long frames = Fx.call(chart::renderedFrames) - framesBefore;
    int pulsed = pulses.get() - pulsesBefore;

    assertTrue(frames >= 2, "the chart should redraw while the workers append; frames " + frames);
    assertTrue(frames <= pulsed, frames + " frames in " + pulsed + " pulses");
    assertEquals(20_000, a.size());
    assertEquals(20_000, b.size());
  }

  @Test
  void aSpikeAmong100000PointsStaysVisibleAsTheColumnsEnvelope() throws Exception {
    int n = 100_000;
    double[] steps = new double[n];
    double[] epochs = new double[n];
    long[] wall = new long[n];
    double[] values = new double[n];
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < n; i++) {
      steps[i] = i;
      epochs[i] = i / 10_000.0;
      wall[i] = 1_000L * i;
      values[i] = 0.5 + 0.02 * random.nextGaussian();
    }
    values[54_321] = 10.0;
    ScalarRun run =
        Fx.call(
            () -> {
              chart.setSmoothing(Smoothing.none());
              return chart.addRun("spiky");
            });
    run.appendAll(steps, epochs, wall, values);
    Fx.awaitPulses(scene);

    Color color = SeriesPalette.color(0);
    double[] spike = Fx.call(() -> canvasPoint(54_321, 10.0));
    double[] elsewhere = Fx.call(() -> canvasPoint(20_000, 10.0));
    // The top fifth of the plot holds nothing but the spike.
    assertTrue(canvasPixels(color, spike[0] - 2, 0, 5, spike[1] + 40) > 10, "the spike is not drawn");
    assertEquals(0, canvasPixels(color, elsewhere[0] - 2, 0, 5, spike[1] + 40));
    ScalarRenderer.FrameFacts facts = Fx.call(() -> chart.renderer().lastFrame());
    assertEquals(n, facts.pointsInView()[0]);
    assertTrue(facts.drawnPoints()[0] < 5_000, "reduced to " + facts.drawnPoints()[0] + " points");
  }

  @Test
  void appendedPointsDrawnWithoutChartFxLookTheSameAsAFullRedraw() throws Exception {
    // 0..979 first: the x axis then reaches 1,000 (rounded up to a twentieth of the span) and appends up to 999 keep it.
    ScalarRun a = Fx.call(() -> chart.addRun("a", 0));
    ScalarRun b = Fx.call(() -> chart.addRun("b", 1));
    for (int i = 0; i < 980; i++) {
      a.append(i, Math.sin(i / 30.0));
      b.append(i, Math.cos(i / 7.0) * 0.5);
    }
    Fx.run(() -> chart.setSmoothing(Smoothing.exponential(0.8)));
    Fx.awaitPulses(scene);
    long partialBefore = Fx.call(() -> chart.renderer().appendFrames);
    for (int i = 980; i < 1_000; i += 4) {
      for (int j = i; j < i + 4; j++) {
        a.append(j, Math.sin(j / 30.0));
        b.append(j, Math.cos(j / 7.0) * 0.5);
      }
      Fx.awaitPulses(scene);
    }
    assertTrue(Fx.call(() -> chart.renderer().appendFrames) - partialBefore >= 4, "appends drawn without ChartFX");
    WritableImage partial = Fx.call(() -> scene.snapshot(null));

    Fx.run(chart::invalidate);
    Fx.awaitPulses(scene);
    WritableImage full = Fx.call(() -> scene.snapshot(null));

    Bounds plot = Fx.call(() -> Fx.sceneBounds(chart.chart().getCanvas()));
    int differing = 0;
    for (int y = (int) plot.getMinY(); y < (int) plot.getMaxY(); y++) {
      for (int x = (int) plot.getMinX(); x < (int) plot.getMaxX(); x++) {
        if (partial.getPixelReader().getArgb(x, y) != full.getPixelReader().getArgb(x, y)) {
          differing++;
        }
      }
    }
    assertEquals(0, differing, "pixels that differ between the partial and the full drawing");
  }

  @Test
  void smoothingDrawsTheRawCurveFaintBehindTheSmoothedOneAndTheReadoutGivesBoth() throws Exception {
    // Values alternate between 1 and 3: the smoothed curve runs near 2, only the raw one reaches 3.
    double[] values = new double[200];
    ScalarRun run = Fx.call(() -> chart.addRun("noisy", 1));
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 2 == 0 ? 1.0 : 3.0;
      run.append(i, values[i]);
    }
    Fx.run(() -> chart.setSmoothing(Smoothing.exponential(0.9)));
    Fx.awaitPulses(scene);

    Color full = SeriesPalette.color(1);
    Color faint = onBackground(ScalarRenderer.fade(full, ScalarRenderer.RAW_OPACITY));
    double[] peakLeft = Fx.call(() -> canvasPoint(50, 3.0));
    double[] peakRight = Fx.call(() -> canvasPoint(190, 3.0));
    double[] middle = Fx.call(() -> canvasPoint(190, 2.0));
    double width = peakRight[0] - peakLeft[0];
    assertTrue(canvasPixels(faint, peakLeft[0], peakLeft[1] - 2, width, 4) > 50, "the raw curve, faint, reaches 3");
    assertEquals(0, canvasPixels(full, peakLeft[0], peakLeft[1] - 2, width, 4), "the smoothed curve stays near 2");
    assertTrue(canvasPixels(full, peakLeft[0], middle[1] - 15, width, 30) > 100, "the smoothed curve, in full colour");
    List<Readout> readout = Fx.call(() -> chart.readoutAt(100));
    double[] expected = Smoothing.exponential(0.9).apply(values);
    assertEquals(1, readout.size());
    assertEquals(values[100], readout.get(0).value());
    assertEquals(expected[100], readout.get(0).smoothed(), 1e-12);

    Fx.run(() -> chart.setSmoothing(Smoothing.none()));
    Fx.awaitPulses(scene);
    assertTrue(
        canvasPixels(full, peakLeft[0], peakLeft[1] - 2, width, 4) > 50, "without smoothing the raw curve in full colour");
  }

  @Test
  void theLegendsCheckBoxTogglesARunOffAndOnAgain() throws Exception {
    ScalarRun first = Fx.call(() -> chart.addRun("first", 0));
    ScalarRun second = Fx.call(() -> chart.addRun("second", 1));
    for (int i = 0; i < 100; i++) {
      first.append(i, curve(i));
      second.append(i, curve(i) + 1);
    }
    Fx.run(() -> chart.setSmoothing(Smoothing.none()));
    Fx.awaitPulses(scene);
    assertTrue(plotPixels(SeriesPalette.color(1)) > 100);

    Fx.run(() -> toggles().get(1).fire());
    Fx.awaitPulses(scene);

    assertFalse(second.isVisible());
    assertEquals(0, plotPixels(SeriesPalette.color(1)));
    assertTrue(plotPixels(SeriesPalette.color(0)) > 100);
    assertEquals(List.of("first"), Fx.call(() -> names(chart.readoutAt(50))));

    Fx.run(() -> toggles().get(1).fire());
    Fx.awaitPulses(scene);
    assertTrue(second.isVisible());
    assertTrue(plotPixels(SeriesPalette.color(1)) > 100);
  }

  @Test
  void aColourChosenInTheLegendRecoloursTheRun() throws Exception {
    ScalarRun run = Fx.call(() -> chart.addRun("run", 0));
    for (int i = 0; i < 100; i++) {
      run.append(i, curve(i));
    }
    Color chosen = Color.web("#7a1fa2");
    Fx.run(
        () -> {
          chart.setSmoothing(Smoothing.none());
          ColorPicker picker = (ColorPicker) chart.legend().lookupAll("." + RunLegend.COLOR_CLASS).iterator().next();
          assertTrue(picker.getCustomColors().contains(SeriesPalette.color(0)), "palette offered first");
          picker.setValue(chosen);
        });
    Fx.awaitPulses(scene);

    assertEquals(chosen, run.color());
    assertTrue(plotPixels(chosen) > 100);
    assertEquals(0, plotPixels(SeriesPalette.color(0)));
  }

  @Test
  void eachXAxisModeRangesOverItsOwnColumnAndNamesTheAxis() throws Exception {
    long t0 = 1_700_000_000_000L;
    ScalarRun run = Fx.call(() -> chart.addRun("run"));
    for (int i = 0; i < 100; i++) {
      run.append(1_000 + i, i / 10.0, t0 + i * 2_000L, curve(i));
    }
    double[][] expected = {
      {1_000, 1_099}, {0, 9.9}, {0, 198}, {t0 / 1000.0, t0 / 1000.0 + 198},
    };
    XAxisMode[] modes = XAxisMode.values();
    for (int m = 0; m < modes.length; m++) {
      XAxisMode mode = modes[m];
      Fx.run(() -> chart.setXAxisMode(mode));
      Fx.awaitPulses(scene);
      Axis x = Fx.call(() -> chart.chart().getXAxis());
      double span = expected[m][1] - expected[m][0];
      double min = Fx.call(x::getMin);
      double max = Fx.call(x::getMax);
      assertEquals(expected[m][0], min, span * 0.03, mode + " min");
      assertEquals(expected[m][1], max, span * 0.03, mode + " max");
      assertEquals(mode.label(), Fx.call(x::getName));
      assertTrue(plotPixels(SeriesPalette.color(0)) > 100, mode + " draws the curve");
    }
    assertEquals(XAxisMode.WALL_TIME, Fx.call(chart::xAxisMode));
    assertTrue(Fx.call(() -> ((DefaultNumericAxis) chart.chart().getXAxis()).isTimeAxis()));
    assertEquals("1:05", TimeLabels.duration(65));
    assertEquals("1:01:05", TimeLabels.duration(3_665));
    assertEquals("12,500", TimeLabels.count(12_500));
  }

  @Test
  void pointsWithoutAnEpochAreCountedNotSilentlyDroppedInEpochMode() throws Exception {
    ScalarRun run = Fx.call(() -> chart.addRun("run"));
    for (int i = 0; i < 10; i++) {
      run.append(i, curve(i)); // no epoch known
    }
    Fx.run(() -> chart.setXAxisMode(XAxisMode.EPOCH));
    Fx.awaitPulses(scene);

    assertTrue(Fx.call(chart::noticeText).contains("10 points have no epoch and are not drawn"), Fx.call(chart::noticeText));
  }

  @Test
  void aLogarithmicYAxisCountsTheValuesItCannotShow() throws Exception {
    ScalarRun run = Fx.call(() -> chart.addRun("run"));
    run.append(0, 0.0);
    run.append(1, -1.0);
    for (int i = 2; i < 100; i++) {
      run.append(i, Math.pow(10, -i / 20.0));
    }
    Fx.run(() -> chart.setLogY(true));
    Fx.awaitPulses(scene);

    Fx.run(
        () -> {
          DefaultNumericAxis y = (DefaultNumericAxis) chart.chart().getYAxis();
          assertTrue(y.isLogAxis());
          assertTrue(y.getMin() > 0 && y.getMin() <= Math.pow(10, -99 / 20.0), "y min " + y.getMin());
        });
    assertTrue(Fx.call(chart::noticeText).contains("2 values ≤ 0 not drawn on the log scale"), Fx.call(chart::noticeText));
    assertTrue(plotPixels(SeriesPalette.color(0)) > 100);
  }

  @Test
  void nonFiniteValuesAreMarkedAndCounted() throws Exception {
    ScalarRun run = Fx.call(() -> chart.addRun("diverging"));
    for (int i = 0; i < 50; i++) {
      run.append(i, curve(i));
    }
    run.append(50, Double.NaN);
    run.append(51, Double.POSITIVE_INFINITY);
    Fx.awaitPulses(scene);

    assertEquals(52, run.size());
    assertTrue(Fx.call(chart::noticeText).startsWith("2 NaN or infinite values"), Fx.call(chart::noticeText));
    Fx.run(
        () -> {
          Axis y = chart.chart().getYAxis();
          assertTrue(Double.isFinite(y.getMax()) && y.getMax() < 5);
        });
  }

  @Test
  void zoomPanAndResetChangeTheVisibleRangeAndFitYToIt() throws Exception {
    ScalarRun run = Fx.call(() -> chart.addRun("run"));
    for (int i = 0; i <= 1_000; i++) {
      run.append(i, i); // y equals x: the visible y range shows what x range was fitted
    }
    Fx.awaitPulses(scene);

    Fx.run(() -> chart.zoomX(200, 300));
    Fx.awaitPulses(scene);
    Fx.run(
        () -> {
          Axis x = chart.chart().getXAxis();
          Axis y = chart.chart().getYAxis();
          assertEquals(200, x.getMin(), 1e-9);
          assertEquals(300, x.getMax(), 1e-9);
          assertTrue(y.getMin() >= 150 && y.getMax() <= 350, "y fitted to the zoom: " + y.getMin() + ".." + y.getMax());
        });

    Fx.run(() -> chart.panX(0.5));
    Fx.awaitPulses(scene);
    assertEquals(250, Fx.call(() -> chart.chart().getXAxis().getMin()), 1e-9);

    Fx.run(chart::resetZoom);
    Fx.awaitPulses(scene);
    Fx.run(
        () -> {
          Axis x = chart.chart().getXAxis();
          assertTrue(x.isAutoRanging());
          assertTrue(x.getMin() <= 0 && x.getMax() >= 1_000);
        });
  }

  @Test
  void draggingARectangleWithTheMouseZoomsIn() throws Exception {
    ScalarRun run = Fx.call(() -> chart.addRun("run"));
    for (int i = 0; i <= 1_000; i++) {
      run.append(i, curve(i));
    }
    Fx.awaitPulses(scene);
    Bounds plot = Fx.call(() -> Fx.sceneBounds(chart.chart().getCanvas()));
    double y0 = plot.getMinY() + plot.getHeight() * 0.2;
    double y1 = plot.getMinY() + plot.getHeight() * 0.8;
    double x0 = plot.getMinX() + plot.getWidth() * 0.25;
    double x1 = plot.getMinX() + plot.getWidth() * 0.5;

    Fx.run(
        () -> {
          var target = chart.chart().getCanvas();
          Event.fireEvent(target, mouse(MouseEvent.MOUSE_PRESSED, x0, y0, true));
          Event.fireEvent(target, mouse(MouseEvent.MOUSE_DRAGGED, (x0 + x1) / 2, (y0 + y1) / 2, true));
          Event.fireEvent(target, mouse(MouseEvent.MOUSE_DRAGGED, x1, y1, true));
          Event.fireEvent(target, mouse(MouseEvent.MOUSE_RELEASED, x1, y1, false));
        });
    Fx.awaitPulses(scene);

    Fx.run(
        () -> {
          Axis x = chart.chart().getXAxis();
          assertFalse(x.isAutoRanging());
          assertTrue(x.getMax() - x.getMin() < 400, "zoomed x range " + x.getMin() + ".." + x.getMax());
        });
    Fx.run(chart::resetZoom);
  }

  @Test
  void theCrosshairListsEveryVisibleRunsValueUnderTheMouse() throws Exception {
    ScalarRun a = Fx.call(() -> chart.addRun("alpha"));
    ScalarRun b = Fx.call(() -> chart.addRun("beta"));
    ScalarRun hidden = Fx.call(() -> chart.addRun("gamma"));
    for (int i = 0; i <= 100; i++) {
      a.append(i, 1.0);
      b.append(i * 2, 2.0);
      hidden.append(i, 3.0);
    }
    Fx.run(() -> hidden.setVisible(false));
    Fx.awaitPulses(scene);
    Bounds plot = Fx.call(() -> Fx.sceneBounds(chart.chart().getCanvas()));

    Fx.run(
        () ->
            Event.fireEvent(
                chart.chart().getCanvas(),
                mouse(MouseEvent.MOUSE_MOVED, plot.getMinX() + plot.getWidth() / 2, plot.getCenterY(), false)));
    Fx.awaitPulses(scene);

    List<String> lines = Fx.call(() -> crosshair().lines());
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("step "), lines.get(0));
    assertTrue(lines.get(1).startsWith("alpha  1 "), lines.get(1));
    assertTrue(lines.get(2).startsWith("beta  2 "), lines.get(2));
    Fx.run(() -> assertTrue(scene.lookup("#" + CrosshairReadout.LINE_ID) != null));
    // alpha ends at step 100: at 180 only beta has a point nearby, and alpha is not listed with its last, far-off value
    assertEquals(List.of("beta"), Fx.call(() -> names(chart.readoutAt(180))));

    Fx.run(
        () ->
            Event.fireEvent(
                chart.chart().getCanvas(), mouse(MouseEvent.MOUSE_EXITED, plot.getMinX(), plot.getMinY(), false)));
    assertEquals(List.of(), Fx.call(() -> crosshair().lines()));
  }

  @Test
  void eventMarkersAreDrawnAtTheirStep() throws Exception {
    ScalarRun run = Fx.call(() -> chart.addRun("run", 2));
    for (int i = 0; i <= 1_000; i++) {
      run.append(i, i / 1_000.0); // the curve stays out of the plot's top fifth at both places looked at
    }
    run.addEvent(new RunEvent(700, 3, 0, RunEvent.Kind.EARLY_STOP, "patience"));
    Fx.run(() -> chart.setSmoothing(Smoothing.none()));
    Fx.awaitPulses(scene);

    double[] at = Fx.call(() -> canvasPoint(700, 0.7));
    double[] away = Fx.call(() -> canvasPoint(300, 0.3));
    Color marker = SeriesPalette.color(2);
    double top = Fx.call(() -> chart.chart().getCanvas().getHeight()) / 5;
    assertTrue(canvasPixels(marker, at[0] - 3, 20, 6, top - 20) > 20, "a marker line at step 700");
    assertEquals(0, canvasPixels(marker, away[0] - 3, 20, 6, top - 20));
    assertEquals(1, run.events().size());
  }

  @Test
  void aGroupShowsItsMembersMeanAndSpread() throws Exception {
    ScalarRun[] members = new ScalarRun[3];
    for (int m = 0; m < 3; m++) {
      int k = m;
      members[m] = Fx.call(() -> chart.addRun("seed " + k));
      for (int i = 0; i <= 100; i++) {
        members[m].append(i, k + 1.0); // 1, 2 and 3: mean 2, population sd sqrt(2/3)
      }
    }
    RunGroup group =
        Fx.call(
            () -> {
              RunGroup g = chart.addGroup("three seeds", 5, List.of(members));
              for (ScalarRun r : members) {
                r.setVisible(false);
              }
              return g;
            });
    Fx.awaitPulses(scene);
    Fx.awaitPulses(scene);

    List<Readout> readout = Fx.call(() -> chart.readoutAt(50));
    assertEquals(1, readout.size());
    assertTrue(readout.get(0).group());
    assertEquals(2.0, readout.get(0).value(), 1e-12);
    assertEquals(Math.sqrt(2.0 / 3), readout.get(0).smoothed(), 1e-12);
    assertTrue(plotPixels(SeriesPalette.color(5)) > 200, "mean line");
    assertTrue(plotPixels(onBackground(ScalarRenderer.fade(SeriesPalette.color(5), 0.2))) > 2_000, "band");
    Fx.run(
        () -> {
          Axis y = chart.chart().getYAxis();
          assertTrue(y.getMin() < 2 - Math.sqrt(2.0 / 3) && y.getMax() > 2 + Math.sqrt(2.0 / 3));
          assertTrue(y.getMax() < 3, "fitted to the band, not to the hidden members: " + y.getMax());
        });
    Fx.run(() -> group.setSpread(RunGroup.Spread.MIN_MAX));
    assertEquals(1.0, Fx.call(() -> chart.readoutAt(50)).get(0).smoothed(), 1e-12);
    assertThrows(
        IllegalArgumentException.class,
        () -> Fx.run(() -> chart.addGroup("foreign", 0, List.of(new ScalarRun("x", Color.RED, () -> {})))));
  }

  @Test
  void exportWritesThePngAndTheVisibleRunsDataAsCsv() throws Exception {
    ScalarRun run = Fx.call(() -> chart.addRun("run, \"quoted\"", 0));
    ScalarRun hidden = Fx.call(() -> chart.addRun("hidden", 1));
    double[] values = {3, 1, 2};
    for (int i = 0; i < 3; i++) {
      run.append(i * 10, i, 1_000L * i, values[i]);
      hidden.append(i, 5);
    }
    Fx.run(
        () -> {
          hidden.setVisible(false);
          chart.setSmoothing(Smoothing.exponential(0.5));
        });
    Fx.awaitPulses(scene);
    Path dir = Files.createTempDirectory("scalar-export");
    Path png = dir.resolve("chart.png");
    Path csv = dir.resolve("chart.csv");

    Fx.run(
        () -> {
          try {
            chart.exportPng(png);
            chart.exportCsv(csv);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });

    var image = ImageIO.read(png.toFile());
    assertTrue(image.getWidth() >= 600 && image.getHeight() >= 400, image.getWidth() + "x" + image.getHeight());
    List<String> lines = Files.readAllLines(csv);
    double[] smoothed = Smoothing.exponential(0.5).apply(values);
    assertEquals(
        List.of(
            "run,step,epoch,wall_time_ms,value,smoothed",
            "\"run, \"\"quoted\"\"\",0,0,0,3," + org.layerlab.charts.export.CsvWriter.number(smoothed[0]),
            "\"run, \"\"quoted\"\"\",10,1,1000,1," + org.layerlab.charts.export.CsvWriter.number(smoothed[1]),
            "\"run, \"\"quoted\"\"\",20,2,2000,2," + org.layerlab.charts.export.CsvWriter.number(smoothed[2])),
        lines);
    StringWriter direct = new StringWriter();
    Fx.run(
        () -> {
          try {
            chart.writeCsv(direct);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    assertEquals(4, direct.toString().split("\r\n").length);
  }

  @Test
  void runsAreAddedAndRemovedOnTheFxThreadOnly() throws Exception {
    assertThrows(IllegalStateException.class, () -> chart.addRun("late"));
    ScalarRun run = Fx.call(() -> chart.addRun("run"));
    assertThrows(IllegalStateException.class, () -> chart.removeRun(run));
    Fx.run(() -> chart.removeRun(run));
    assertEquals(0, Fx.call(() -> chart.runs().size()));
    assertEquals(0, Fx.call(() -> chart.legend().lookupAll("." + RunLegend.ROW_CLASS).size()));
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------------------

  private CrosshairReadout crosshair() {
    return (CrosshairReadout)
        chart.chart().getPlugins().stream().filter(p -> p instanceof CrosshairReadout).findFirst().orElseThrow();
  }

  private List<CheckBox> toggles() {
    return chart.legend().lookupAll("." + RunLegend.TOGGLE_CLASS).stream().map(n -> (CheckBox) n).toList();
  }

  private static List<String> names(List<Readout> readout) {
    return readout.stream().map(Readout::name).toList();
  }

  /** A canvas position, in canvas pixels, of a data point. FX thread. */
  private double[] canvasPoint(double x, double y) {
    return new double[] {
      chart.chart().getXAxis().getDisplayPosition(x), chart.chart().getYAxis().getDisplayPosition(y)
    };
  }

  /** Pixels of the colour in a rectangle given in canvas pixels. */
  private int canvasPixels(Color color, double x, double y, double w, double h) throws Exception {
    return Fx.call(
        () -> {
          WritableImage image = scene.snapshot(null);
          Bounds canvas = Fx.sceneBounds(chart.chart().getCanvas());
          Bounds box = new BoundingBox(canvas.getMinX() + x, canvas.getMinY() + y, w, h);
          return Fx.countPixels(image, box, color, TOLERANCE);
        });
  }

  private int plotPixels(Color color) throws Exception {
    return Fx.call(
        () -> Fx.countPixels(scene.snapshot(null), Fx.sceneBounds(chart.chart().getCanvas()), color, TOLERANCE));
  }

  /** A translucent colour as it looks over the chart's white plot background. */
  private static Color onBackground(Color c) {
    double a = c.getOpacity();
    return Color.color(
        c.getRed() * a + (1 - a), c.getGreen() * a + (1 - a), c.getBlue() * a + (1 - a));
  }

  private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double sceneX, double sceneY, boolean down) {
    return new MouseEvent(
        type, sceneX, sceneY, sceneX, sceneY, down || type == MouseEvent.MOUSE_RELEASED ? MouseButton.PRIMARY
            : MouseButton.NONE, 1, false, false, false, false, down, false, false, false, false, false, null);
  }

  private static double curve(double step) {
    return 2.0 * Math.exp(-step / 300.0) + 0.1;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void builtInChineseTheToolbarLegendAndAxisSpeakChinese() throws Exception {
    List<String> texts =
        Fx.call(
            () -> {
              ChartTexts.setLocale(Locale.SIMPLIFIED_CHINESE);
              try {
                ScalarChart zh = new ScalarChart("损失");
                return List.of(
                    ((Button) zh.lookup("#" + ScalarChart.RESET_ZOOM_ID)).getText(),
                    ((CheckBox) zh.lookup("#" + ScalarChart.LOG_Y_ID)).getText(),
                    ((Label) zh.lookup("#" + ScalarChart.LEGEND_ID).lookup(".label")).getText(),
                    zh.chart().getXAxis().getName(),
                    zh.xAxisMode().toString());
              } finally {
                ChartTexts.setLocale(Locale.ENGLISH);
              }
            });
    assertEquals(List.of("重置缩放", "对数 y 轴", "运行", "步", "步"), texts);
    assertEquals("Reset zoom", Fx.call(() -> ((Button) chart.lookup("#" + ScalarChart.RESET_ZOOM_ID)).getText()));
  }

  @Test
  void noticesComputedAfterALanguageSwitchUseTheNewLanguage() throws Exception {
    ScalarRun run = Fx.call(() -> chart.addRun("diverging"));
    Fx.run(() -> ChartTexts.setLocale(Locale.SIMPLIFIED_CHINESE));
    try {
      for (int i = 0; i < 20; i++) {
        run.append(i, curve(i));
      }
      run.append(20, Double.NaN);
      Fx.awaitPulses(scene);
      assertTrue(Fx.call(chart::noticeText).startsWith("1 个 NaN 或无穷值"), Fx.call(chart::noticeText));
    } finally {
      Fx.run(() -> ChartTexts.setLocale(Locale.ENGLISH));
    }
  }
}
