package org.layerlab.charts.histogram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistogramSnapshotTest {

  @Test
  void binsValuesEquallyFromTheirMinimumToTheirMaximum() {
    // 0..4 in 4 bins of width 1: [0,1) [1,2) [2,3) [3,4]; 4 falls into the last bin
    HistogramSnapshot h = HistogramSnapshot.of(7, new double[] {0, 0.5, 1, 2.5, 3, 4, Double.NaN}, 4);

    assertArrayEquals(new double[] {0, 1, 2, 3, 4}, h.edges());
    assertArrayEquals(new double[] {2, 1, 1, 2}, h.counts());
    assertEquals(6, h.total());
    assertEquals(7, h.step());
  }

  @Test
  void equalValuesGetOneBinAroundThem() {
    HistogramSnapshot h = HistogramSnapshot.of(0, new float[] {2f, 2f, 2f}, 1);
    assertArrayEquals(new double[] {1.5, 2.5}, h.edges());
    assertArrayEquals(new double[] {3}, h.counts());
  }

  @Test
  void theMedianIsInterpolatedWithinItsBin() {
    HistogramSnapshot h = new HistogramSnapshot(0, new double[] {0, 1, 2}, new double[] {1, 3});
    // half of 4 counts = 2: one in the first bin, one more of the three in [1, 2) -> 1 + 1/3
    assertEquals(1 + 1.0 / 3, h.quantile(0.5), 1e-12);
  }

  @Test
  void resamplingKeepsTheTotalCount() {
    HistogramSnapshot h = HistogramSnapshot.of(0, new double[] {-1, -0.3, 0, 0.2, 0.9, 1}, 5);
    double[] rows = HistogramView.resample(h, -2, 2);
    double rowHeight = 4.0 / HistogramView.HEAT_ROWS;
    double total = 0;
    for (double density : rows) {
      total += density * rowHeight;
    }
    assertEquals(6, total, 1e-9);
  }

  @Test
  void badEdgesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new HistogramSnapshot(0, new double[] {0, 1}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> new HistogramSnapshot(0, new double[] {1, 0}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> new HistogramSnapshot(0, new double[] {0, 1}, new double[] {-1}));
  }
}
