package org.layerlab.charts.confusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

  private final ConfusionMatrix m =
      ConfusionMatrix.of(List.of("cat", "dog", "bird"), new int[] {0, 0, 0, 0, 1, 1, 2}, new int[] {0, 0, 0, 1, 1, 0, 2});

  @Test
  void countsPairsOfTrueAndPredictedClass() {
    assertEquals(3, m.count(0, 0));
    assertEquals(1, m.count(0, 1));
    assertEquals(1, m.count(1, 0));
    assertEquals(7, m.total());
    assertEquals(5.0 / 7, m.accuracy(), 1e-12);
  }

  @Test
  void rowSharesSumToOneAndAreNaNForAnEmptyRow() {
    ConfusionMatrix withEmpty = new ConfusionMatrix(List.of("a", "b"), new long[][] {{2, 6}, {0, 0}});
    assertEquals(0.25, withEmpty.rowShare(0, 0));
    assertEquals(0.75, withEmpty.rowShare(0, 1));
    assertTrue(Double.isNaN(withEmpty.rowShare(1, 1)));
  }

  @Test
  void aMatrixThatIsNotSquareOrNegativeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(List.of("a", "b"), new long[][] {{1, 2}}));
    assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(List.of("a"), new long[][] {{-1}}));
  }

  @Test
  void theCountsAreCopiedAndComparedByContent() {
    long[][] counts = {{1, 2}, {3, 4}};
    ConfusionMatrix a = new ConfusionMatrix(List.of("a", "b"), counts);
    counts[0][0] = 99;
    assertEquals(1, a.count(0, 0));
    assertEquals(new ConfusionMatrix(List.of("a", "b"), new long[][] {{1, 2}, {3, 4}}), a);
  }
}
