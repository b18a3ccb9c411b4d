package org.layerlab.charts.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnAggregateTest {

  @Test
  void foldingPointsInPiecesGivesTheSameLineAsReducingThemAllAtOnce() {
    int n = 50_000;
    double[] xs = new double[n];
    double[] ys = new double[n];
    Random random = new Random(4);
    for (int i = 0; i < n; i++) {
      xs[i] = i;
      ys[i] = random.nextGaussian() + (i == 31_337 ? 50 : 0);
    }
    int columns = 400;
    double scale = columns / 60_000.0; // the axis reaches beyond the data, as a live chart's does
    ColumnEnvelope.Points once = new ColumnEnvelope.Points();
    ColumnEnvelope.reduce(xs, ys, 0, n, scale, 0, false, once);

    ColumnAggregate aggregate = new ColumnAggregate();
    aggregate.reset(columns, scale, 0, false, "key", 0);
    for (int end = 0; end < n; end = Math.min(n, end + 1 + random.nextInt(900))) {
      aggregate.fold(xs, ys, end);
    }
    aggregate.fold(xs, ys, n);
    ColumnEnvelope.Points pieces = new ColumnEnvelope.Points();
    aggregate.emit(xs, ys, pieces);

    assertEquals(n, aggregate.drawable());
    assertArrayEquals(Arrays.copyOf(once.x, once.size), Arrays.copyOf(pieces.x, pieces.size));
    assertArrayEquals(Arrays.copyOf(once.y, once.size), Arrays.copyOf(pieces.y, pieces.size));
  }

  @Test
  void pointsBeyondTheEdgesAreSummedUpByTheNearestOnEachSide() {
    double[] xs = {-30, -20, -10, 5, 15, 120, 130};
    double[] ys = {1, 2, 3, 4, 5, 6, 7};
    ColumnAggregate aggregate = new ColumnAggregate();
    aggregate.reset(100, 1, 0, false, "key", 0);
    aggregate.fold(xs, ys, xs.length);
    ColumnEnvelope.Points out = new ColumnEnvelope.Points();
    aggregate.emit(xs, ys, out);

    assertArrayEquals(new double[] {-10, 5, 15, 120}, Arrays.copyOf(out.x, out.size));
  }

  @Test
  void emittingFromAColumnStartsWithThePointBeforeIt() {
    double[] xs = {0, 10, 20, 30, 40};
    double[] ys = {1, 2, 3, 4, 5};
    ColumnAggregate aggregate = new ColumnAggregate();
    aggregate.reset(100, 1, 0, false, "key", 0);
    aggregate.fold(xs, ys, xs.length);
    ColumnEnvelope.Points out = new ColumnEnvelope.Points();
    aggregate.emit(xs, ys, out, 25);

    assertArrayEquals(new double[] {20, 30, 40}, Arrays.copyOf(out.x, out.size));
  }
}
