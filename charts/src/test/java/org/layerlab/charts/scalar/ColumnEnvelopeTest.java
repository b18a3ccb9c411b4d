package org.layerlab.charts.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnEnvelopeTest {

  @Test
  void aOneStepSpikeAmong100000PointsSurvivesReductionTo500Columns() {
    int n = 100_000;
    double[] xs = new double[n];
    double[] ys = new double[n];
    Random random = new Random(1);
    for (int i = 0; i < n; i++) {
      xs[i] = i;
      ys[i] = 0.5 + 0.05 * random.nextGaussian();
    }
    ys[54_321] = 10.0;
    ys[77_777] = -3.0;
    ColumnEnvelope.Points out = new ColumnEnvelope.Points();

    int drawable = ColumnEnvelope.reduce(xs, ys, 0, n, 500.0 / n, 0, false, out);

    assertEquals(n, drawable);
    assertTrue(out.size <= 4 * 500, "points kept: " + out.size);
    double[] kept = Arrays.copyOf(out.y, out.size);
    assertEquals(10.0, Arrays.stream(kept).max().orElseThrow());
    assertEquals(-3.0, Arrays.stream(kept).min().orElseThrow());
    // ... and at the spike's own pixel column
    int spikeAt = indexOf(kept, 10.0);
    assertEquals(Math.floor(54_321 * 500.0 / n), Math.floor(out.x[spikeAt]));
  }

  @Test
  void everyColumnKeepsItsOwnMinimumAndMaximum() {
    int n = 20_000;
    double[] xs = new double[n];
    double[] ys = new double[n];
    Random random = new Random(2);
    for (int i = 0; i < n; i++) {
      xs[i] = i;
      ys[i] = random.nextDouble();
    }
    int columns = 137;
    double scale = columns / (double) n;
    ColumnEnvelope.Points out = new ColumnEnvelope.Points();
    ColumnEnvelope.reduce(xs, ys, 0, n, scale, 0, false, out);

    double[] min = new double[columns + 1];
    double[] max = new double[columns + 1];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      int c = (int) Math.floor(xs[i] * scale);
      min[c] = Math.min(min[c], ys[i]);
      max[c] = Math.max(max[c], ys[i]);
    }
    double[] keptMin = new double[columns + 1];
    double[] keptMax = new double[columns + 1];
    Arrays.fill(keptMin, Double.POSITIVE_INFINITY);
    Arrays.fill(keptMax, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < out.size; i++) {
      int c = (int) Math.floor(out.x[i]);
      keptMin[c] = Math.min(keptMin[c], out.y[i]);
      keptMax[c] = Math.max(keptMax[c], out.y[i]);
    }
    assertArrayEquals(min, keptMin);
    assertArrayEquals(max, keptMax);
  }

  @Test
  void fewerPointsThanColumnsAreKeptAsTheyAre() {
    double[] xs = {0, 1, 2, 3};
    double[] ys = {4, 3, 5, 1};
    ColumnEnvelope.Points out = new ColumnEnvelope.Points();
    ColumnEnvelope.reduce(xs, ys, 0, 4, 100, 10, false, out);

    assertEquals(4, out.size);
    assertArrayEquals(new double[] {10, 110, 210, 310}, Arrays.copyOf(out.x, 4));
    assertArrayEquals(ys, Arrays.copyOf(out.y, 4));
  }

  @Test
  void nonFiniteValuesAndOnALogScaleNonPositiveOnesAreLeftOutOfTheLine() {
    double[] xs = {0, 1, 2, 3, 4};
    double[] ys = {1, Double.NaN, -2, 0, 3};
    ColumnEnvelope.Points linear = new ColumnEnvelope.Points();
    ColumnEnvelope.Points log = new ColumnEnvelope.Points();

    assertEquals(4, ColumnEnvelope.reduce(xs, ys, 0, 5, 10, 0, false, linear));
    assertEquals(2, ColumnEnvelope.reduce(xs, ys, 0, 5, 10, 0, true, log));
    assertArrayEquals(new double[] {1, -2, 0, 3}, Arrays.copyOf(linear.y, linear.size));
    assertArrayEquals(new double[] {1, 3}, Arrays.copyOf(log.y, log.size));
  }

  private static int indexOf(double[] values, double v) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
