package org.layerlab.runtime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.SyntheticKind;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.StratifiedSplit;
import org.layerlab.runtime.data.SyntheticGenerator;

class OverlapAndBalanceTest {

  private static Dataset clusters(int n, long seed) {
    return SyntheticGenerator.generate(new DatasetRef.Synthetic(SyntheticKind.GAUSSIANS, n, 3, 0.3, 0, seed, Options.NONE));
  }

  @Test
  void findsEveryPlantedDuplicateWhateverItsLabel() {
    Dataset train = clusters(300, 1);
    Dataset fresh = clusters(100, 2);
    int[] planted = {5, 77, 150, 299};
    // validation = 100 fresh samples followed by copies of four training samples, one of them relabelled
    float[] features = new float[(fresh.size() + planted.length) * 2];
    int[] labels = new int[fresh.size() + planted.length];
    for (int i = 0; i < fresh.size(); i++) {
      features[2 * i] = fresh.feature(i, 0);
      features[2 * i + 1] = fresh.feature(i, 1);
      labels[i] = fresh.label(i);
    }
    for (int k = 0; k < planted.length; k++) {
      int at = fresh.size() + k;
      features[2 * at] = train.feature(planted[k], 0);
      features[2 * at + 1] = train.feature(planted[k], 1);
      labels[at] = k == 0 ? (train.label(planted[k]) + 1) % 3 : train.label(planted[k]);
    }
    Dataset validation = new Dataset("v", features, labels, Shape.of(2), 3, train.classNames());

    assertEquals(planted.length, OverlapDetector.count(train, validation));
    Finding f = PreTrainingCheck.overlap(train, validation, "validation");
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(List.of(planted.length, validation.size()), f.args());
  }

  @Test
  void aSplitOfDistinctSamplesHasNoOverlapAndNearValuesAreNotDuplicates() {
    StratifiedSplit split = StratifiedSplit.of(clusters(600, 4), 0.2, 42);
    assertEquals(0, OverlapDetector.count(split.train(), split.validation()));
    assertEquals(Severity.OK, PreTrainingCheck.overlap(split.train(), split.validation(), "validation").severity());

    Dataset a = new Dataset("a", new float[] {1f, 2f}, new int[] {0}, Shape.of(2), 1, List.of("x"));
    Dataset b = new Dataset("b", new float[] {1f, Math.nextUp(2f), -0f, 0f}, new int[] {0, 0}, Shape.of(2), 1, List.of("x"));
    Dataset zero = new Dataset("z", new float[] {0f, -0f}, new int[] {0}, Shape.of(2), 1, List.of("x"));
    assertEquals(0, OverlapDetector.count(a, b), "one ulp apart is another sample");
    assertEquals(1, OverlapDetector.count(zero, b), "-0 and 0 are the same value");
  }

  @Test
  void balanceWarnsFromTheRatioOnAndFailsOnAnEmptyClass() {
    List<String> names = List.of("a", "b", "c");
    int small = 40;
    int justBelow = (int) Math.ceil(ClassBalance.WARNING_RATIO * small) - 1;
    int atRatio = (int) Math.ceil(ClassBalance.WARNING_RATIO * small);

    assertEquals(Severity.OK, ClassBalance.check(new int[] {small, justBelow, 50}, names).severity());
    Finding skewed = ClassBalance.check(new int[] {small, atRatio, 50}, names);
    assertEquals(Severity.WARNING, skewed.severity());
    assertEquals("b", skewed.args().get(0));
    assertEquals("a", skewed.args().get(2));
    assertTrue(skewed.message().contains("'b' has " + atRatio), skewed.message());

    Finding empty = ClassBalance.check(new int[] {10, 0, 10}, names);
    assertEquals(Severity.ERROR, empty.severity());
    assertEquals(List.of("b"), empty.args());
  }
}
