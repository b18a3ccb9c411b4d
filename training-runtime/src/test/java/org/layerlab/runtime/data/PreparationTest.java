package org.layerlab.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Augmentation;
import org.layerlab.model.project.DatasetRef.CifarVariant;
import org.layerlab.model.project.DatasetRef.Normalisation;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.SyntheticKind;
import org.layerlab.model.project.TrainingSettings;

/** The steps after reading: the test split, the validation split, normalisation and the augmentation check. */
class PreparationTest {

  @TempDir Path dir;

  private static final TrainingSettings SETTINGS = TrainingSettings.defaults().withValidationFraction(0.2).withSeed(1);

  private static DatasetRef.Synthetic clusters(Options options) {
    return new DatasetRef.Synthetic(SyntheticKind.GAUSSIANS, 300, 3, 0.3, 0, 9, options);
  }

  private static double[] meanAndStd(Dataset d, int offset) {
    double sum = 0;
    for (int i = 0; i < d.size(); i++) {
      sum += d.feature(i, offset);
    }
    double mean = sum / d.size();
    double sq = 0;
    for (int i = 0; i < d.size(); i++) {
      sq += Math.pow(d.feature(i, offset) - mean, 2);
    }
    return new double[] {mean, Math.sqrt(sq / d.size())};
  }

  private static float[] column(Dataset d, int offset) {
    float[] v = new float[d.size()];
    for (int i = 0; i < d.size(); i++) {
      v[i] = d.feature(i, offset);
    }
    return v;
  }

  @Test
  void aTestFractionHoldsOutAStratifiedTestSetThatDoesNotDependOnTheTrainingSeed() throws Exception {
    DatasetRef.Synthetic ref = clusters(Options.NONE.withTestFraction(0.2));

    LoadedData a = DatasetLoader.load(ref, dir, SETTINGS);
    LoadedData b = DatasetLoader.load(ref, dir, SETTINGS.withSeed(2));

    Dataset test = a.test().orElseThrow();
    assertArrayEquals(new int[] {20, 20, 20}, test.classCounts());
    assertArrayEquals(new int[] {16, 16, 16}, a.validation().classCounts(), "20% of the 80 left of each class");
    assertEquals(192, a.train().size());
    assertArrayEquals(column(test, 0), column(b.test().orElseThrow(), 0), "the same test samples for another training seed");
    assertFalse(java.util.Arrays.equals(column(a.validation(), 0), column(b.validation(), 0)), "but another validation split");
    assertTrue(a.source().contains("60 samples held out as the test set"), a.source());
  }

  @Test
  void noTestFractionKeepsTheSplitOfOldProjects() throws Exception {
    LoadedData withOptions = DatasetLoader.load(clusters(Options.NONE), dir, SETTINGS);
    Dataset all = SyntheticGenerator.generate(clusters(Options.NONE));
    StratifiedSplit old = StratifiedSplit.of(all, 0.2, 1);

    assertTrue(withOptions.test().isEmpty());
    assertArrayEquals(column(old.validation(), 0), column(withOptions.validation(), 0));
    assertTrue(withOptions.scaling().isEmpty());
    assertTrue(withOptions.trainingAugmenter(1).isEmpty());
  }

  @Test
  void aDatasetWithItsOwnTestSetIgnoresTheTestFractionAndSaysSo() throws Exception {
    IdxFiles.fourFiles(dir.resolve("data"), 20, 10, 2);
    DatasetRef.Idx ref = new DatasetRef.Idx("X", "data", null, false, List.of(), Options.NONE.withTestFraction(0.3));

    LoadedData data = DatasetLoader.load(ref, dir, SETTINGS);

    assertEquals(10, data.test().orElseThrow().size());
    assertEquals(20, data.train().size() + data.validation().size());
    assertTrue(data.source().contains("its own test set is used, so testFraction 0.3 is not"), data.source());
  }

  @Test
  void tooFewSamplesForATestSetAreReported() {
    DatasetRef.Synthetic ref = new DatasetRef.Synthetic(SyntheticKind.XOR, 2, 2, 0, 0, 1, Options.NONE.withTestFraction(0.5));
    DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(ref, dir, SETTINGS));
    assertTrue(e.getMessage().contains("too few to hold out 50% as a test set"), e.getMessage());
  }

  @Test
  void standardisationUsesTheTrainingSplitsStatisticsForAllThreeParts() throws Exception {
    Options plain = Options.NONE.withTestFraction(0.2);
    LoadedData raw = DatasetLoader.load(clusters(plain), dir, SETTINGS);
    LoadedData scaled = DatasetLoader.load(clusters(plain.withNormalisation(Normalisation.STANDARD)), dir, SETTINGS);

    FeatureScaling scaling = scaled.scaling().orElseThrow();
    for (int f = 0; f < 2; f++) {
      double[] rawTrain = meanAndStd(raw.train(), f);
      assertEquals(rawTrain[0], scaling.offsets()[f], 1e-5, "the mean of the training split only");
      assertEquals(rawTrain[1], scaling.scales()[f], 1e-5);
      double[] scaledTrain = meanAndStd(scaled.train(), f);
      assertEquals(0, scaledTrain[0], 1e-5);
      assertEquals(1, scaledTrain[1], 1e-5);
      // validation and test are scaled with the training statistics, not their own
      for (Dataset part : List.of(scaled.validation(), scaled.test().orElseThrow())) {
        Dataset before = part == scaled.validation() ? raw.validation() : raw.test().orElseThrow();
        for (int i = 0; i < part.size(); i += 7) {
          assertEquals((before.feature(i, f) - rawTrain[0]) / rawTrain[1], part.feature(i, f), 1e-5);
        }
      }
      assertNotEquals(0, meanAndStd(scaled.validation(), f)[0], 1e-9);
    }
    assertTrue(scaled.source().contains("standardised (mean 0, standard deviation 1) per feature with statistics of the 192 training"), scaled.source());
  }

  @Test
  void minMaxScalesEachImageChannelToZeroToOneOnTheTrainingSplit() throws Exception {
    CifarFiles.cifar10(dir.resolve("c/data_batch_1.bin"), 0, 30, 3);
    DatasetRef.Cifar ref = new DatasetRef.Cifar("C", "c", CifarVariant.CIFAR_10, Options.NONE.withNormalisation(Normalisation.MIN_MAX));

    LoadedData data = DatasetLoader.load(ref, dir, SETTINGS);

    FeatureScaling scaling = data.scaling().orElseThrow();
    assertEquals(3, scaling.offsets().length, "one group per channel");
    Dataset train = data.train();
    for (int c = 0; c < 3; c++) {
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (int i = 0; i < train.size(); i++) {
        for (int p = 0; p < 1024; p++) {
          min = Math.min(min, train.feature(i, c * 1024 + p));
          max = Math.max(max, train.feature(i, c * 1024 + p));
        }
      }
      assertEquals(0, min, 1e-6);
      assertEquals(1, max, 1e-6);
    }
  }

  @Test
  void aConstantFeatureBecomesZeroRatherThanADivisionByZero() {
    Dataset d = new Dataset("d", new float[] {5, 1, 5, 2, 5, 3}, new int[] {0, 1, 0}, org.layerlab.model.analysis.Shape.of(2), 2, List.of("a", "b"));
    FeatureScaling s = FeatureScaling.fit(d, Normalisation.STANDARD);
    s.applyInPlace(d);
    assertEquals(0f, d.feature(1, 0));
    assertEquals(1, s.scales()[0]);
    float[] sample = {5, 2};
    s.apply(sample, 1);
    assertArrayEquals(new float[] {0, 0}, sample, 1e-6f, "a new sample is scaled like the training data");
  }

  @Test
  void augmentationOfDataThatIsNoImageIsRefused() {
    DatasetRef.Spiral ref = new DatasetRef.Spiral(2, 10, 0, 1, Options.NONE.withAugmentation(new Augmentation(true, 0, 0, 0)));
    DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(ref, dir, SETTINGS));
    assertTrue(e.getMessage().contains("augmentation changes images (channels, height, width), but the samples of Spiral are (N, 2)"), e.getMessage());
  }

  @Test
  void augmentationOfImagesIsHandedToTrainingAndLeavesTheLoadedSetsAlone() throws Exception {
    CifarFiles.cifar10(dir.resolve("c/data_batch_1.bin"), 0, 20, 2);
    Augmentation flip = new Augmentation(true, 4, 0, 0);
    DatasetRef.Cifar plain = new DatasetRef.Cifar("C", "c", CifarVariant.CIFAR_10, Options.NONE);

    LoadedData raw = DatasetLoader.load(plain, dir, SETTINGS);
    LoadedData data = DatasetLoader.load(plain.withOptions(Options.NONE.withAugmentation(flip)), dir, SETTINGS);

    assertEquals(flip, data.augmentation());
    assertTrue(data.trainingAugmenter(1).isPresent());
    assertEquals(raw.train().feature(3, 100), data.train().feature(3, 100), "augmentation happens per batch in training, not here");
    assertTrue(data.source().contains("training batches augmented: random flip, random crop with padding 4"), data.source());
  }
}
