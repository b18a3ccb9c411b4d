package org.layerlab.runtime.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.store.MetricSeries;
import org.layerlab.runtime.store.MetricSummary;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.tracking.stats.TTest;

/** A group's curve and the comparison of two groups in words. */
class GroupStatisticsTest {

  @TempDir Path dir;

  @Test
  void theGroupCurveHasEachStepsCountMeanSpreadAndRange() {
    MetricSeries a = new MetricSeries("t", new long[] {1, 2, 3}, new long[3], new double[] {1, 2, 3});
    MetricSeries b = new MetricSeries("t", new long[] {1, 2, 3, 4}, new long[4], new double[] {3, 4, Double.NaN, 8});
    MetricSeries c = new MetricSeries("t", new long[] {2}, new long[1], new double[] {6});
    GroupCurve g = GroupCurve.of("t", List.of(a, b, c));
    assertArrayEquals(new long[] {1, 2, 3, 4}, g.steps());
    assertArrayEquals(new int[] {2, 3, 1, 1}, g.n());
    assertArrayEquals(new double[] {2, 4, 3, 8}, g.mean());
    assertEquals(Math.sqrt(2), g.sd()[0], 1e-15);
    assertEquals(2, g.sd()[1], 1e-15, "values 2, 4, 6");
    assertTrue(Double.isNaN(g.sd()[2]), "one value has no spread");
    assertArrayEquals(new double[] {1, 2, 3, 8}, g.min());
    assertArrayEquals(new double[] {3, 6, 3, 8}, g.max());
  }

  private List<RunEntry> group(RunStore store, String id, int units, double[] accuracies, long firstSeed) {
    for (int i = 0; i < accuracies.length; i++) {
      TrackingFixtures.run(store, TrackingFixtures.project(units, 0.01, firstSeed + i), id, 0.5, accuracies[i]);
    }
    return store.findRuns(org.layerlab.runtime.store.RunFilter.ALL.withGroupId(id));
  }

  @Test
  void groupsOnTheSameSeedsArePairedAndTheVerdictIsSaidInWords() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      // SciPy's ttest_rel on these: t = -4.899, p = 0.0163 (Welch would say p = 0.267).
      List<RunEntry> small = group(store, "small", 16, new double[] {0.81, 0.79, 0.84, 0.80}, 1);
      List<RunEntry> large = group(store, "large", 64, new double[] {0.83, 0.80, 0.86, 0.83}, 1);
      GroupComparison c = GroupComparison.compare("small", small, "large", large, MetricTags.VALIDATION_ACCURACY, MetricSummary.Kind.FINAL);
      assertEquals(TTest.Kind.PAIRED, c.test().kind());
      assertEquals(0.016276603459428437, c.test().p(), 1e-12);
      String s = c.sentence();
      assertTrue(s.startsWith("Final epoch/validation_accuracy: small 0.8100 ± 0.0216 (mean ± sd of 4 runs), large 0.8300"), s);
      assertTrue(s.contains("large is higher by 0.0200 (higher is better for this metric)"), s);
      assertTrue(s.contains("Paired t-test (both groups ran the same seeds): t = 4.90") || s.contains("t = -4.90"), s);
      assertTrue(s.contains("p = 0.016"), s);
      assertTrue(s.endsWith("significant at the 5% level: large is better."), s);
    }
  }

  @Test
  void groupsOnOtherSeedsGetWelchAndAnInsignificantDifferenceIsNotCalledBetter() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      List<RunEntry> a = group(store, "a", 16, new double[] {0.81, 0.79, 0.84, 0.80}, 1);
      List<RunEntry> b = group(store, "b", 64, new double[] {0.83, 0.80, 0.86, 0.83}, 100);
      GroupComparison c = GroupComparison.compare("a", a, "b", b, MetricTags.VALIDATION_ACCURACY, MetricSummary.Kind.FINAL);
      assertEquals(TTest.Kind.WELCH, c.test().kind());
      assertEquals(0.26725185949305086, c.test().p(), 1e-12);
      assertTrue(c.sentence().contains("Welch's t-test: t = -1.22, df = 5.9, p = 0.267"), c.sentence());
      assertTrue(c.sentence().contains("do not show that either group is better"), c.sentence());

      // A loss: lower is better, so the group with the higher loss is the worse one.
      GroupComparison loss = GroupComparison.compare("a", a, "b", b, MetricTags.VALIDATION_LOSS, MetricSummary.Kind.BEST);
      assertTrue(loss.sentence().startsWith("Best epoch/validation_loss"), loss.sentence());
      assertTrue(loss.sentence().contains("The groups' means are equal"), loss.sentence());
    }
  }

  @Test
  void aGroupOfOneRunCannotBeTestedAndTheSentenceSaysWhatToDo() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      List<RunEntry> one = group(store, "one", 16, new double[] {0.8}, 1);
      List<RunEntry> two = group(store, "two", 16, new double[] {0.8, 0.9}, 1);
      GroupComparison c = GroupComparison.compare("one", one, "two", two, MetricTags.VALIDATION_ACCURACY, MetricSummary.Kind.FINAL);
      assertNull(c.test());
      assertTrue(c.sentence().contains("0.8000 (1 run)"), c.sentence());
      assertTrue(c.sentence().endsWith("Train more seeds."), c.sentence());
    }
  }
}
