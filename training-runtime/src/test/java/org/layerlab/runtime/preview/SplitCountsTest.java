package org.layerlab.runtime.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.SyntheticKind;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.data.LoadedData;
import org.layerlab.runtime.data.SyntheticGenerator;

/** The counts are worked out without splitting; they must be what the data loader's real split gives. */
class SplitCountsTest {

  @TempDir Path dir;

  private static int[] counts(Dataset d) {
    return d.isRegression() ? new int[] {d.size()} : d.classCounts();
  }

  @Test
  void countsMatchTheLoadersSplitForManyFractionsAndUnevenClasses() throws Exception {
    // 7 classes of uneven sizes (101 samples do not divide by 7), and a regression set
    for (DatasetRef.Synthetic base :
        new DatasetRef.Synthetic[] {
          new DatasetRef.Synthetic(SyntheticKind.GAUSSIANS, 101, 7, 0.2, 0, 3, Options.NONE),
          new DatasetRef.Synthetic(SyntheticKind.SINE, 57, 0, 0.1, 0, 3, Options.NONE)
        }) {
      for (double test : new double[] {0, 0.1, 0.25}) {
        for (double validation : new double[] {0.05, 0.2, 0.37, 0.5}) {
          LoadedData real =
              DatasetLoader.load(
                  base.withOptions(Options.NONE.withTestFraction(test)),
                  dir,
                  TrainingSettings.defaults().withValidationFraction(validation));
          int[] all = counts(SyntheticGenerator.generate(base));
          SplitCounts computed = SplitCounts.of(all, null, test, validation);
          String what = base.kind() + " test " + test + " validation " + validation;
          assertArrayEquals(counts(real.train()), computed.train(), what);
          assertArrayEquals(counts(real.validation()), computed.validation(), what);
          int[] realTest = real.test().map(SplitCountsTest::counts).orElse(new int[all.length]);
          assertArrayEquals(realTest, computed.test(), what);
          assertFalse(computed.ownTestSet());
        }
      }
    }
  }

  @Test
  void anOwnTestSetIsKeptWholeAndTheTestFractionIgnored() {
    SplitCounts s = SplitCounts.of(new int[] {10, 20}, new int[] {3, 4}, 0.5, 0.2);

    assertArrayEquals(new int[] {3, 4}, s.test());
    assertTrue(s.ownTestSet());
    assertEquals(s.trainTotal() + s.validationTotal(), 30);
    assertEquals(7, s.testTotal());
  }

  @Test
  void aClassOfOneSampleHoldsNothingOutAndEveryLargerClassKeepsOneToTrain() {
    assertEquals(0, SplitCounts.heldOut(1, 0.5));
    assertEquals(1, SplitCounts.heldOut(2, 0.01));
    assertEquals(1, SplitCounts.heldOut(2, 0.99));
    assertEquals(9, SplitCounts.heldOut(10, 0.99));
  }

}
