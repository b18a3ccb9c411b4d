package org.layerlab.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.layerlab.runtime.events.ClassificationScores;

class ConfusionMatrixTest {

  /**
   * True classes 0,0,0,1,1,2 predicted 0,0,1,1,2,0. Class 0: precision 2/3, recall 2/3; class 1: precision 1/2, recall 1/2; class
   * 2: never right, precision 0 and recall 0 (scikit-learn's figures with zero_division=0).
   */
  private static ConfusionMatrix example() {
    ConfusionMatrix m = new ConfusionMatrix(3);
    int[] actual = {0, 0, 0, 1, 1, 2};
    int[] predicted = {0, 0, 1, 1, 2, 0};
    for (int i = 0; i < actual.length; i++) {
      m.add(actual[i], predicted[i]);
    }
    return m;
  }

  @Test
  void perClassAndMacroScoresMatchTheirDefinitions() {
    ConfusionMatrix m = example();
    assertEquals(0.5, m.accuracy(), 1e-12);
    assertEquals(2.0 / 3, m.precision(0), 1e-12);
    assertEquals(2.0 / 3, m.recall(0), 1e-12);
    assertEquals(0.5, m.precision(1), 1e-12);
    assertEquals(0, m.precision(2));
    assertEquals(0, m.recall(2));
    assertEquals(0, m.f1(2));
    assertEquals((2.0 / 3 + 0.5 + 0) / 3, m.macroPrecision(), 1e-12);
    assertEquals((2.0 / 3 + 0.5 + 0) / 3, m.macroRecall(), 1e-12);
    assertEquals((2.0 / 3 + 0.5 + 0) / 3, m.macroF1(), 1e-12);
    assertEquals(3, m.support(0));
    assertEquals(3, m.predicted(0));
    assertArrayEquals(new long[] {2, 1, 0}, m.counts()[0]);
  }

  @Test
  void macroF1IsTheMeanOfClassF1NotTheF1OfTheMeans() {
    ConfusionMatrix m = new ConfusionMatrix(2);
    m.add(0, 0);
    m.add(0, 0);
    m.add(0, 1);
    m.add(1, 1);
    // class 0: p 1, r 2/3, f1 0.8; class 1: p 1/2, r 1, f1 2/3
    assertEquals((0.8 + 2.0 / 3) / 2, m.macroF1(), 1e-12);
  }

  @Test
  void theTallyCountsTopKHitsAndTiesGoToTheLowerClass() {
    ClassificationTally t = new ClassificationTally(6);
    float[] scores = {
      6, 5, 4, 3, 2, 1, // class 5 is sixth: outside the top 5
      1, 2, 3, 4, 5, 6, // class 0 is sixth again
      1, 1, 0, 0, 0, 0 // class 1 ties with class 0: predicted 0, but in the top 5
    };
    t.add(scores, new int[] {5, 0, 1}, 3);
    t.addLoss(3.0);
    ClassificationScores s = t.scores();
    assertEquals(3, s.samples());
    assertEquals(5, s.k());
    assertEquals(1.0 / 3, s.topKAccuracy(), 1e-12);
    assertEquals(0, s.accuracy());
    assertEquals(1.0, s.loss(), 1e-12);
    assertEquals(1, t.confusion().count(1, 0));
  }

  @Test
  void withThreeClassesTopKIsTopThreeAndAlwaysRight() {
    ClassificationTally t = new ClassificationTally(3);
    t.add(new float[] {0, 1, 2}, new int[] {0}, 1);
    assertEquals(3, t.scores().k());
    assertEquals(1.0, t.scores().topKAccuracy());
  }

  @Test
  void theWatchRemembersTheBestAndCountsEpochsWithoutImprovement() {
    MetricWatch lower = new MetricWatch(false, 0.01);
    assertTrue(lower.offer(1, 1.0));
    assertEquals(false, lower.offer(2, 0.995), "less than minDelta better");
    assertEquals(false, lower.offer(3, Double.NaN));
    assertEquals(2, lower.epochsWithoutImprovement());
    assertTrue(lower.offer(4, 0.5));
    assertEquals(4, lower.bestEpoch());
    assertEquals(0, lower.epochsWithoutImprovement());

    MetricWatch higher = new MetricWatch(true, 0);
    higher.offer(1, 0.5);
    assertEquals(false, higher.offer(2, 0.5), "equal is not better");
    assertTrue(higher.offer(3, 0.6));
  }
}
