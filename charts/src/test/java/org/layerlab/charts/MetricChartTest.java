package org.layerlab.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.legend.spi.DefaultLegend;
import io.fair_acc.chartfx.legend.spi.DefaultLegend.LegendItem;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MetricChartTest {

  /** Colour tolerance per channel: anti-aliased line edges blend with the background, the line's core keeps its colour. */
  private static final double TOLERANCE = 0.08;

  private MetricChart chart;
  private Scene scene;
  private final Queue<Throwable> fxErrors = new ConcurrentLinkedQueue<>();
  private Thread.UncaughtExceptionHandler previousFxHandler;

  @Start
  void start(Stage stage) {
    chart = new MetricChart("step", "loss");
    scene = new Scene(chart, 800, 500);
    stage.setScene(scene);
    stage.show();
  }

  @BeforeEach
  void recordFxThreadExceptions() throws Exception {
    // JavaFX hands exceptions thrown during a pulse (layout, ChartFX's redraw) to the FX thread's uncaught-exception handler.
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
  }

  @Test
  void appendFromWorkerThreadLandsInDataSetWithoutFxCalls() throws Exception {
    MetricSeries loss = Fx.call(() -> chart.addSeries("loss", 0, false));
    Fx.awaitPulses(scene);

    // Park the FX thread: an append that needed it (runLater and wait, or a thread check) would hang or fail.
    CountDownLatch fxParked = new CountDownLatch(1);
    CountDownLatch releaseFx = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          fxParked.countDown();
          awaitQuietly(releaseFx);
        });
    assertTrue(fxParked.await(5, TimeUnit.SECONDS));

    int n = 5_000;
    double[] batchX = new double[2_000];
    double[] batchY = new double[2_000];
    for (int i = 0; i < batchX.length; i++) {
      batchX[i] = 3_000 + i;
      batchY[i] = curve(3_000 + i);
    }
    Thread worker =
        new Thread(
            () -> {
              for (int i = 0; i < 3_000; i++) {
                loss.append(i, curve(i));
              }
              loss.appendAll(batchX, batchY);
            },
            "training-worker");
    try {
      worker.start();
      worker.join(10_000);
      assertFalse(worker.isAlive(), "appending from a worker waited for the parked FX thread");
      assertEquals(n, loss.size());
      assertEquals(curve(n - 1), loss.lastY());
    } finally {
      releaseFx.countDown();
    }

    Fx.awaitPulses(scene);
    double[] expectedX = new double[n];
    double[] expectedY = new double[n];
    for (int i = 0; i < n; i++) {
      expectedX[i] = i;
      expectedY[i] = curve(i);
    }
    assertArrayEquals(expectedX, MetricSeriesTest.values(loss, DataSet.DIM_X));
    assertArrayEquals(expectedY, MetricSeriesTest.values(loss, DataSet.DIM_Y));
    // The chart has picked the points up on its own: the auto-ranged x axis reaches the last step.
    assertTrue(Fx.call(() -> chart.chart().getXAxis().getMax()) >= n - 1);
    assertNoFxErrors();
  }

  @Test
  void workersAppendingWhileTheChartRedrawsEndWithExactlyTheAppendedPoints() throws Exception {
    MetricSeries train = Fx.call(() -> chart.addSeries("train loss", 0, false));
    MetricSeries validation = Fx.call(() -> chart.addSeries("validation loss", 0, true));
    AtomicInteger pulses = new AtomicInteger();
    Runnable countPulse = pulses::incrementAndGet;
    Fx.run(() -> scene.addPostLayoutPulseListener(countPulse));

    int steps = 6_000;
    Queue<Throwable> workerErrors = new ConcurrentLinkedQueue<>();
    Thread trainWorker =
        new Thread(
            () -> {
              for (int i = 0; i < steps; i++) {
                train.append(i, curve(i));
                if (i % 200 == 0) {
                  pause(5); // a training step takes time; let pulses interleave with the appends
                }
              }
            },
            "train-worker");
    Thread validationWorker =
        new Thread(
            () -> {
              for (int epoch = 0; epoch < 30; epoch++) {
                double[] xs = new double[100];
                double[] ys = new double[100];
                for (int j = 0; j < 100; j++) {
                  xs[j] = epoch * 100 + j;
                  ys[j] = curve(xs[j]) + 0.1;
                }
                validation.appendAll(xs, ys);
                pause(5);
              }
            },
            "validation-worker");
    trainWorker.setUncaughtExceptionHandler((t, e) -> workerErrors.add(e));
    validationWorker.setUncaughtExceptionHandler((t, e) -> workerErrors.add(e));
    int pulsesBefore = pulses.get();
    trainWorker.start();
    validationWorker.start();
    trainWorker.join(30_000);
    validationWorker.join(30_000);
    int pulsesDuring = pulses.get() - pulsesBefore;
    Fx.awaitPulses(scene);
    Fx.run(() -> scene.removePostLayoutPulseListener(countPulse));

    assertTrue(workerErrors.isEmpty(), () -> "worker failed: " + workerErrors.peek());
    assertNoFxErrors();
    assertTrue(pulsesDuring >= 2, "the chart should have redrawn while the workers appended, pulses: " + pulsesDuring);
    assertEquals(steps, train.size());
    assertEquals(3_000, validation.size());
    double[] xs = MetricSeriesTest.values(train, DataSet.DIM_X);
    double[] ys = MetricSeriesTest.values(train, DataSet.DIM_Y);
    for (int i = 0; i < steps; i++) {
      assertEquals(i, xs[i]);
      assertEquals(curve(i), ys[i]);
    }
    assertEquals(curve(2_999) + 0.1, validation.lastY());
  }

  @Test
  void curvesAreDrawnInTheirColoursInsideThePlotArea() throws Exception {
    MetricSeries first = Fx.call(() -> chart.addSeries("run 1", 0, false));
    MetricSeries second = Fx.call(() -> chart.addSeries("run 2", 1, false));
    Color firstColour = SeriesPalette.color(0);
    Color secondColour = SeriesPalette.color(1);
    Fx.awaitPulses(scene);
    assertEquals(0, plotPixels(firstColour), "nothing drawn yet");

    for (int i = 0; i < 200; i++) {
      first.append(i, curve(i));
      second.append(i, curve(i) + 1);
    }
    Fx.awaitPulses(scene);

    assertTrue(plotPixels(firstColour) > 200, "pixels of the first curve: " + plotPixels(firstColour));
    assertTrue(plotPixels(secondColour) > 200, "pixels of the second curve: " + plotPixels(secondColour));
    assertNoFxErrors();
  }

  @Test
  void coloursFollowThePaletteIndexAndDashedCurvesGetADashPattern() throws Exception {
    MetricSeries train = Fx.call(() -> chart.addSeries("train", 2, false));
    MetricSeries validation = Fx.call(() -> chart.addSeries("validation", 2, true));
    MetricSeries other = Fx.call(() -> chart.addSeries("other run", 3, false));
    Fx.awaitPulses(scene);

    Fx.run(
        () -> {
          DataSetNode trainNode = node(train);
          DataSetNode validationNode = node(validation);
          DataSetNode otherNode = node(other);
          assertEquals(SeriesPalette.color(2), trainNode.getLineColor());
          assertEquals(SeriesPalette.color(2), validationNode.getLineColor());
          assertEquals(SeriesPalette.color(3), otherNode.getLineColor());
          assertNotEquals(trainNode.getLineColor(), otherNode.getLineColor());
          assertNull(trainNode.getLineDashes());
          assertNotNull(validationNode.getLineDashes());
          assertTrue(validationNode.getLineDashes().length >= 2);
        });
    assertTrue(validation.dashed());
    assertEquals(3, other.colorIndex());
  }

  @Test
  void legendShowsEachSeriesNameWithItsColour() throws Exception {
    Fx.run(
        () -> {
          chart.addSeries("train loss", 0, false);
          chart.addSeries("validation loss", 1, true);
        });
    Fx.awaitPulses(scene);

    Fx.run(
        () -> {
          List<LegendItem> items = legendItems();
          assertEquals(List.of("train loss", "validation loss"), items.stream().map(LegendItem::getText).toList());
          for (int i = 0; i < items.size(); i++) {
            Canvas symbol = (Canvas) items.get(i).getGraphic();
            // On a transparent background an anti-aliased pixel keeps the line's colour and carries its coverage as opacity.
            SnapshotParameters transparent = new SnapshotParameters();
            transparent.setFill(Color.TRANSPARENT);
            WritableImage image = symbol.snapshot(transparent, null);
            Bounds all = new BoundingBox(0, 0, image.getWidth(), image.getHeight());
            assertTrue(
                Fx.countPixels(image, all, SeriesPalette.color(i), TOLERANCE) > 0,
                "legend symbol of " + items.get(i).getText() + " lacks its colour");
          }
        });
  }

  @Test
  void removeSeriesRemovesItFromRendererAndLegend() throws Exception {
    MetricSeries a = Fx.call(() -> chart.addSeries("a", 0, false));
    MetricSeries b = Fx.call(() -> chart.addSeries("b", 1, false));
    a.append(0, 1);
    b.append(0, 2);
    Fx.awaitPulses(scene);

    Fx.run(() -> chart.removeSeries(a));
    Fx.awaitPulses(scene);

    Fx.run(
        () -> {
          assertEquals(List.of(b), chart.series());
          assertEquals(1, chart.renderer().getDatasets().size());
          assertSame(b.dataSet(), chart.renderer().getDatasets().get(0));
          assertEquals(List.of("b"), legendItems().stream().map(LegendItem::getText).toList());
          chart.removeSeries(a); // a second removal changes nothing
          assertEquals(List.of(b), chart.series());
        });
  }

  @Test
  void removeSeriesRemovesTheGivenCurveEvenWhenAnotherHasEqualData() throws Exception {
    // Two runs' curves with the same name and points: ChartFX data sets compare equal by content.
    MetricSeries first = Fx.call(() -> chart.addSeries("loss", 0, false));
    MetricSeries second = Fx.call(() -> chart.addSeries("loss", 1, false));
    first.append(0, 1);
    second.append(0, 1);

    Fx.run(() -> chart.removeSeries(second));

    Fx.run(
        () -> {
          List<DataSet> left = chart.renderer().getDatasets();
          assertEquals(1, left.size());
          assertSame(first.dataSet(), left.get(0));
        });
  }

  @Test
  void appendOnTheFxThreadRightAfterTheChartJoinsAWindowDoesNotFreezeIt() throws Exception {
    // The app's overlay case: build a chart for finished runs, show it, fill it from the run store, all in one FX action.
    // ChartFX read-locks the data sets as soon as the chart joins a scene and keeps the lock until the next pulse.
    MetricChart overlay = Fx.call(() -> new MetricChart("epoch", "accuracy"));
    MetricSeries run = Fx.call(() -> overlay.addSeries("run 7", 4, false));
    Fx.run(
        () -> {
          scene.setRoot(overlay);
          run.appendAll(new double[] {0, 1, 2, 3}, new double[] {0.2, 0.5, 0.7, 0.8});
          run.append(4, 0.85);
        });
    Fx.awaitPulses(scene);

    assertEquals(5, run.size());
    Bounds plot = Fx.call(() -> Fx.sceneBounds(overlay.chart().getCanvas()));
    WritableImage image = Fx.call(() -> scene.snapshot(null));
    assertTrue(Fx.countPixels(image, plot, SeriesPalette.color(4), TOLERANCE) > 100);
    assertNoFxErrors();
  }

  @Test
  void clearSeriesRemovesEveryCurveAndLegendEntry() throws Exception {
    Fx.run(
        () -> {
          chart.addSeries("a", 0, false).append(0, 1);
          chart.addSeries("b", 1, true).append(0, 2);
        });
    Fx.awaitPulses(scene);

    Fx.run(chart::clearSeries);
    Fx.awaitPulses(scene);

    Fx.run(
        () -> {
          assertEquals(List.of(), chart.series());
          assertTrue(chart.renderer().getDatasets().isEmpty());
          assertTrue(legendItems().isEmpty());
        });
    assertEquals(0, plotPixels(SeriesPalette.color(0)));
  }

  @Test
  void seriesIsAnUnmodifiableSnapshotInAdditionOrder() throws Exception {
    MetricSeries a = Fx.call(() -> chart.addSeries("a", 0, false));
    MetricSeries b = Fx.call(() -> chart.addSeries("b", 1, false));
    List<MetricSeries> before = Fx.call(chart::series);
    Fx.run(() -> chart.addSeries("c", 2, false));

    assertEquals(List.of(a, b), before);
    assertThrows(UnsupportedOperationException.class, before::clear);
  }

  @Test
  void nonFiniteValuesNeitherBreakTheChartNorStretchItsAxes() throws Exception {
    MetricSeries loss = Fx.call(() -> chart.addSeries("diverging loss", 1, false));
    for (int i = 0; i < 50; i++) {
      loss.append(i, 1.0 - i / 100.0);
    }
    loss.append(50, Double.NaN);
    loss.append(51, Double.POSITIVE_INFINITY);
    loss.appendAll(new double[] {52, 53}, new double[] {Double.NaN, 0.4});
    Fx.awaitPulses(scene);

    assertEquals(51, loss.size());
    assertEquals(0.4, loss.lastY());
    Fx.run(
        () -> {
          var y = chart.chart().getYAxis();
          assertTrue(Double.isFinite(y.getMin()) && Double.isFinite(y.getMax()));
          assertTrue(y.getMax() < 2, "y axis stretched to " + y.getMax());
        });
    assertTrue(plotPixels(SeriesPalette.color(1)) > 50);
    assertNoFxErrors();
  }

  @Test
  void resetZoomReturnsToAutoRangeOverAllData() throws Exception {
    MetricSeries loss = Fx.call(() -> chart.addSeries("loss", 0, false));
    for (int i = 0; i <= 100; i++) {
      loss.append(i, curve(i));
    }
    Fx.awaitPulses(scene);
    // What a zoom leaves behind: fixed ranges over a corner of the data.
    Fx.run(
        () -> {
          for (var axis : chart.chart().getAxes()) {
            axis.setAutoRanging(false);
          }
          chart.chart().getXAxis().set(10, 20);
          chart.chart().getYAxis().set(0.5, 0.6);
        });
    Fx.awaitPulses(scene);
    assertEquals(20, Fx.call(() -> chart.chart().getXAxis().getMax()));

    Fx.run(chart::resetZoom);
    Fx.awaitPulses(scene);

    Fx.run(
        () -> {
          var x = chart.chart().getXAxis();
          var y = chart.chart().getYAxis();
          assertTrue(x.isAutoRanging() && y.isAutoRanging());
          assertTrue(x.getMin() <= 0 && x.getMax() >= 100, "x range " + x.getMin() + ".." + x.getMax());
          assertTrue(y.getMin() <= curve(100) && y.getMax() >= curve(0), "y range " + y.getMin() + ".." + y.getMax());
        });
  }

  @Test
  void chartAndAxesAreFoundByIdWithLabelsZoomAndTooltip() throws Exception {
    Fx.run(
        () -> {
          chart.setId("loss-chart");
          Node inner = scene.lookup("#loss-chart").lookup("#" + MetricChart.CHART_ID);
          assertSame(chart.chart(), inner);
          XYChart xy = (XYChart) inner;
          DefaultNumericAxis x = (DefaultNumericAxis) xy.lookup("#" + MetricChart.X_AXIS_ID);
          DefaultNumericAxis y = (DefaultNumericAxis) xy.lookup("#" + MetricChart.Y_AXIS_ID);
          assertSame(xy.getXAxis(), x);
          assertSame(xy.getYAxis(), y);
          assertEquals("step", x.getName());
          assertEquals("loss", y.getName());
          assertFalse(x.isAutoRangeRounding() || y.isAutoRangeRounding());
          assertFalse(xy.isAnimated());
          assertTrue(xy.getPlugins().stream().anyMatch(p -> p instanceof Zoomer));
          assertTrue(xy.getPlugins().stream().anyMatch(p -> p instanceof DataPointTooltip));
        });
  }

  @Test
  void changingSeriesOffTheFxThreadIsRejected() throws Exception {
    MetricSeries s = Fx.call(() -> chart.addSeries("loss", 0, false));

    assertThrows(IllegalStateException.class, () -> chart.addSeries("late", 1, false));
    assertThrows(IllegalStateException.class, () -> chart.removeSeries(s));
    assertThrows(IllegalStateException.class, () -> chart.clearSeries());
    assertEquals(List.of(s), Fx.call(chart::series));
  }

  private static double curve(double step) {
    return 2.0 * Math.exp(-step / 1_000.0) + 0.1;
  }

  /** Pixels of the colour inside the chart's canvas, the plot area, in a snapshot of the whole scene. */
  private int plotPixels(Color colour) throws Exception {
    return Fx.call(
        () -> {
          WritableImage image = scene.snapshot(null);
          return Fx.countPixels(image, Fx.sceneBounds(chart.chart().getCanvas()), colour, TOLERANCE);
        });
  }

  private DataSetNode node(MetricSeries s) {
    return chart.renderer().getDatasetNodes().stream()
        .filter(n -> n.getDataSet() == s.dataSet())
        .findFirst()
        .orElseThrow();
  }

  private List<LegendItem> legendItems() {
    return ((DefaultLegend) chart.chart().getLegend()).getItems().stream().filter(Node::isVisible).toList();
  }

  private void assertNoFxErrors() {
    assertTrue(fxErrors.isEmpty(), () -> "exception on the FX thread: " + fxErrors.peek());
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
