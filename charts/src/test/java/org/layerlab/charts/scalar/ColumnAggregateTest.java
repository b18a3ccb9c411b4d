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
  void foldingWithBlockSummariesGivesTheSameLineAsFoldingEveryPoint() {
    int n = 30_000;
    double[] xs = new double[n];
    double[] ys = new double[n];
    Random random = new Random(9);
    for (int i = 0; i < n; i++) {
      xs[i] = i * 0.5;
      ys[i] = random.nextInt(40) == 0 ? Double.NaN : random.nextGaussian() + (i % 5_000 == 17 ? -20 : 0);
    }
    for (boolean log : new boolean[] {false, true}) {
      for (int columns : new int[] {50, 300, 20_000}) { // many blocks per column, a few, and none
        double scale = columns / (n * 0.5) * 0.8;
        double offset = columns * 0.1;
        ColumnAggregate plain = new ColumnAggregate();
        plain.reset(columns, scale, offset, log, "k", 0);
        plain.fold(xs, ys, n);
        BlockSummary blocks = new BlockSummary();
        ColumnAggregate summarised = new ColumnAggregate();
        summarised.reset(columns, scale, offset, log, "k", 0);
        for (int end = 0; end < n; end = Math.min(n, end + 1 + random.nextInt(3_000))) {
          blocks.update(ys, end, "k");
          summarised.fold(xs, ys, end, blocks, true);
        }
        blocks.update(ys, n, "k");
        summarised.fold(xs, ys, n, blocks, true);

        ColumnEnvelope.Points a = new ColumnEnvelope.Points();
        ColumnEnvelope.Points b = new ColumnEnvelope.Points();
        plain.emit(xs, ys, a);
        summarised.emit(xs, ys, b);
        String what = (log ? "log, " : "") + columns + " columns";
        assertEquals(plain.drawable(), summarised.drawable(), what);
        assertArrayEquals(Arrays.copyOf(a.x, a.size), Arrays.copyOf(b.x, b.size), what);
        assertArrayEquals(Arrays.copyOf(a.y, a.size), Arrays.copyOf(b.y, b.size), what);
      }
    }
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
