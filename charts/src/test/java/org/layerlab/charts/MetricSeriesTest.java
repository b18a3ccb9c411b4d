package org.layerlab.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.dataset.DataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The series' data behaviour; it needs no JavaFX toolkit, since ChartFX data sets are plain Java. */
class MetricSeriesTest {

  private final MetricSeries series = new MetricSeries("loss", 0, false);

  @Test
  void appendAllAppendsInArrayOrderAfterEarlierPoints() {
    series.append(0, 5);
    series.appendAll(new double[] {1, 2, 3}, new double[] {4, 3, 2});
    series.appendAll(new double[] {4}, new double[] {1});

    assertArrayEquals(new double[] {0, 1, 2, 3, 4}, values(series, DataSet.DIM_X));
    assertArrayEquals(new double[] {5, 4, 3, 2, 1}, values(series, DataSet.DIM_Y));
  }

  @Test
  void appendAllCopiesTheCallersArrays() {
    double[] xs = {1, 2};
    double[] ys = {10, 20};
    series.appendAll(xs, ys);
    xs[0] = 99;
    ys[0] = 99;

    assertArrayEquals(new double[] {1, 2}, values(series, DataSet.DIM_X));
    assertArrayEquals(new double[] {10, 20}, values(series, DataSet.DIM_Y));
  }

  @Test
  void appendAllRejectsArraysOfDifferentLengthAndAddsNothing() {
    assertThrows(IllegalArgumentException.class, () -> series.appendAll(new double[] {1, 2}, new double[] {1}));
    assertEquals(0, series.size());
  }

  @Test
  void lastYReflectsTheLastAppendAndIsNaNWhenEmpty() {
    assertTrue(Double.isNaN(series.lastY()));
    series.append(1, 0.9);
    assertEquals(0.9, series.lastY());
    series.appendAll(new double[] {2, 3}, new double[] {0.7, 0.4});
    assertEquals(0.4, series.lastY());
    series.append(4, 0.35);
    assertEquals(0.35, series.lastY());
  }

  @Test
  void clearEmptiesTheSeriesAndItFillsAgainFromScratch() {
    series.appendAll(new double[] {1, 2, 3}, new double[] {3, 2, 1});
    series.clear();

    assertEquals(0, series.size());
    assertTrue(Double.isNaN(series.lastY()));

    series.append(7, 0.5);
    assertArrayEquals(new double[] {7}, values(series, DataSet.DIM_X));
  }

  @Test
  void pointsWithNonFiniteValuesAreSkippedNotStored() {
    series.append(1, 2.0);
    series.append(2, Double.NaN);
    series.append(3, Double.POSITIVE_INFINITY);
    series.append(Double.NaN, 1.0);
    series.appendAll(new double[] {4, 5, 6, 7}, new double[] {1.5, Double.NaN, Double.NEGATIVE_INFINITY, 1.0});
    series.appendAll(new double[] {8}, new double[] {Double.NaN});

    assertArrayEquals(new double[] {1, 4, 7}, values(series, DataSet.DIM_X));
    assertArrayEquals(new double[] {2.0, 1.5, 1.0}, values(series, DataSet.DIM_Y));
    assertEquals(1.0, series.lastY());
  }

  @Test
  void writersOnTwoThreadsLoseNoPointAndKeepEachOwnOrder() throws Exception {
    int perWriter = 20_000;
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int writer = w;
        done.add(
            writers.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perWriter; i++) {
                    // x counts up per writer; y names the writer, so each writer's points can be picked out again
                    series.append(i, writer);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      writers.shutdownNow();
    }

    double[] xs = values(series, DataSet.DIM_X);
    double[] ys = values(series, DataSet.DIM_Y);
    assertEquals(2 * perWriter, xs.length);
    int[] next = new int[2];
    for (int i = 0; i < xs.length; i++) {
      int writer = (int) ys[i];
      assertEquals(next[writer]++, xs[i], "point " + i + " of writer " + writer + " out of order");
    }
  }

  @Test
  void styleSetsPaletteColourAndDashesOnlyForDashedSeries() {
    String solid = MetricSeries.style(1, false);
    String dashed = MetricSeries.style(1, true);

    assertTrue(solid.contains("-fx-line-color: " + SeriesPalette.hex(1)), solid);
    assertTrue(!solid.contains("-fx-line-dash-array"), solid);
    assertTrue(dashed.contains("-fx-line-dash-array"), dashed);
  }

  /** A copy of one dimension of the series' data set, read under its read lock. */
  static double[] values(MetricSeries series, int dim) {
    DataSet ds = series.dataSet();
    return ds.lock()
        .readLockGuard(
            () -> {
              double[] out = new double[ds.getDataCount()];
              for (int i = 0; i < out.length; i++) {
                out[i] = ds.get(dim, i);
              }
              return out;
            });
  }
}
