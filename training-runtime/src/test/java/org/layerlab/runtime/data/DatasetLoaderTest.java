package org.layerlab.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.TrainingSettings;

class DatasetLoaderTest {

  private static final Path FASHION = Path.of("..", "sample-projects", "fashion-mnist-mlp");
  private static final List<String> FASHION_CLASSES =
      List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  @TempDir Path dir;

  @Test
  void spiralPointsFollowTheDocumentedFormula() {
    Dataset d = SpiralGenerator.generate(new DatasetRef.Spiral(3, 5, 0.0, 1));
    assertEquals(15, d.size());
    assertEquals(new DataSignature(Shape.of(2), 3), d.signature());
    // point i = 2 of arm j = 1: r = 2 / 4, t = 4 (1 + r), at (r sin t, r cos t)
    double r = 0.5;
    double t = 4 * (1 + r);
    assertEquals(r * Math.sin(t), d.feature(7, 0), 1e-6);
    assertEquals(r * Math.cos(t), d.feature(7, 1), 1e-6);
    assertEquals(1, d.label(7));
    assertEquals(0f, d.feature(0, 0), "the first point of an arm is the centre");
  }

  @Test
  void spiralIsTheSameForASeedAndDiffersForAnother() {
    Dataset a = SpiralGenerator.generate(new DatasetRef.Spiral(3, 100, 0.2, 7));
    Dataset b = SpiralGenerator.generate(new DatasetRef.Spiral(3, 100, 0.2, 7));
    Dataset c = SpiralGenerator.generate(new DatasetRef.Spiral(3, 100, 0.2, 8));
    assertArrayEquals(features(a), features(b));
    assertFalse(java.util.Arrays.equals(features(a), features(c)));
  }

  @Test
  void spiralSplitIsStratifiedAndSeeded() throws Exception {
    DatasetRef.Spiral ref = new DatasetRef.Spiral(3, 300, 0.2, 7);
    TrainingSettings settings = TrainingSettings.defaults().withValidationFraction(0.2).withSeed(42);

    LoadedData a = DatasetLoader.load(ref, dir, settings);
    LoadedData b = DatasetLoader.load(ref, dir, settings);
    LoadedData other = DatasetLoader.load(ref, dir, settings.withSeed(43));

    assertEquals(720, a.train().size());
    assertArrayEquals(new int[] {60, 60, 60}, a.validation().classCounts());
    assertArrayEquals(new int[] {240, 240, 240}, a.train().classCounts());
    assertTrue(a.test().isEmpty());
    assertArrayEquals(features(a.validation()), features(b.validation()));
    assertFalse(java.util.Arrays.equals(features(a.validation()), features(other.validation())));
    assertTrue(a.source().startsWith("Spiral, 3 classes x 300 points"), a.source());
  }

  @Test
  void stratifiedSplitKeepsEveryClassInBothParts() {
    int[] labels = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2};
    Dataset d = new Dataset("d", new float[labels.length], labels, Shape.of(1), 3, List.of("a", "b", "c"));
    StratifiedSplit s = StratifiedSplit.of(d, 0.25, 3);
    assertArrayEquals(new int[] {2, 1, 0}, s.validation().classCounts(), "round(8 * .25) = 2, at least 1 of 2, none of a lone sample");
    assertArrayEquals(new int[] {6, 1, 1}, s.train().classCounts());
  }

  @Test
  void readsTheShippedFashionSubsetWithItsTestSet() throws Exception {
    DatasetRef.Idx ref = new DatasetRef.Idx("Fashion-MNIST", "data", "/nonexistent/fashion", true, FASHION_CLASSES);
    LoadedData data = DatasetLoader.load(ref, FASHION, TrainingSettings.defaults().withValidationFraction(0.1));

    assertEquals(5400, data.train().size());
    assertEquals(600, data.validation().size());
    assertEquals(1000, data.test().orElseThrow().size());
    assertEquals(new DataSignature(Shape.of(1, 28, 28), 10), data.train().signature());
    assertEquals(FASHION_CLASSES, data.test().orElseThrow().classNames());
    assertTrue(data.source().contains("6000 training images and 1000 test images"), data.source());
    assertTrue(data.source().contains("the full dataset is not installed at /nonexistent/fashion"), data.source());
  }

  @Test
  void usesTheFullDatasetWhenAskedAndComplete() throws Exception {
    Path project = dir.resolve("project");
    IdxFiles.fourFiles(project.resolve("data"), 20, 10, 2);
    Path full = dir.resolve("full");
    IdxFiles.fourFiles(full, 60, 30, 2);
    DatasetRef.Idx ref = new DatasetRef.Idx("Tiny", "data", full.toString(), true, List.of());
    TrainingSettings settings = TrainingSettings.defaults().withValidationFraction(0.5);

    LoadedData useFull = DatasetLoader.load(ref, project, settings);
    LoadedData subset = DatasetLoader.load(ref.withUseFullWhenAvailable(false), project, settings);

    assertEquals(60, useFull.train().size() + useFull.validation().size());
    assertTrue(useFull.source().contains("(the full dataset)"), useFull.source());
    assertEquals(20, subset.train().size() + subset.validation().size());
    assertEquals(10, subset.test().orElseThrow().size());
  }

  @Test
  void fallsBackToTheProjectFilesWhenTheFullFolderLacksAFile() throws Exception {
    Path project = dir.resolve("project");
    IdxFiles.fourFiles(project.resolve("data"), 20, 10, 2);
    Path full = dir.resolve("full");
    IdxFiles.fourFiles(full, 60, 30, 2);
    Files.delete(full.resolve(DatasetLoader.TEST_LABELS + ".gz"));

    LoadedData data =
        DatasetLoader.load(
            new DatasetRef.Idx("Tiny", "data", full.toString(), true, List.of()), project, TrainingSettings.defaults());

    assertEquals(20, data.train().size() + data.validation().size());
  }

  @Test
  void aFolderWithoutTheTrainingFilesNamesTheFilesItLookedFor() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () -> DatasetLoader.load(new DatasetRef.Idx("X", "data", null, false, List.of()), dir, TrainingSettings.defaults()));
    String m = e.getMessage();
    assertTrue(m.startsWith(dir.resolve("data").toString()), m);
    assertTrue(m.contains("train-images-idx3-ubyte.gz (or train-images-idx3-ubyte)"), m);
    assertTrue(m.contains("train-labels-idx1-ubyte.gz (or train-labels-idx1-ubyte)"), m);
    assertTrue(m.contains("set the project's dataset path"), m);
  }

  @Test
  void aMissingFolderIsSaidToBeMissing() {
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () -> DatasetLoader.load(new DatasetRef.Idx("X", "nowhere", null, false, List.of()), dir, TrainingSettings.defaults()));
    assertTrue(e.getMessage().contains("no such folder"), e.getMessage());
  }

  @Test
  void aTestImagesFileWithoutItsLabelsIsReported() throws Exception {
    IdxFiles.fourFiles(dir.resolve("data"), 20, 10, 2);
    Files.delete(dir.resolve("data").resolve(DatasetLoader.TEST_LABELS + ".gz"));
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () -> DatasetLoader.load(new DatasetRef.Idx("X", "data", null, false, List.of()), dir, TrainingSettings.defaults()));
    assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte[.gz] is missing"), e.getMessage());
  }

  @Test
  void testLabelsBeyondTheTrainingClassesAreReported() throws Exception {
    Path data = dir.resolve("data");
    IdxFiles.fourFiles(data, 20, 10, 2);
    IdxFiles.labels(data.resolve(DatasetLoader.TEST_LABELS + ".gz"), IdxFiles.cycling(10, 3), true);
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () -> DatasetLoader.load(new DatasetRef.Idx("X", "data", null, false, List.of()), dir, TrainingSettings.defaults()));
    assertTrue(e.getMessage().contains("label 2 of image 2 is outside 0..1"), e.getMessage());
  }

  @Test
  void kmnistLoadsAsIdxWithItsOwnClassNames() throws Exception {
    // Kuzushiji-MNIST ships as four files with MNIST's names and IDX format (github.com/rois-codh/kmnist): 28x28 grey, 10 classes.
    Path data = Files.createDirectories(dir.resolve("kmnist"));
    IdxFiles.images(data.resolve(DatasetLoader.TRAIN_IMAGES + ".gz"), 40, 28, 28, true);
    IdxFiles.labels(data.resolve(DatasetLoader.TRAIN_LABELS + ".gz"), IdxFiles.cycling(40, 10), true);
    IdxFiles.images(data.resolve(DatasetLoader.TEST_IMAGES + ".gz"), 10, 28, 28, true);
    IdxFiles.labels(data.resolve(DatasetLoader.TEST_LABELS + ".gz"), IdxFiles.cycling(10, 10), true);
    List<String> hiragana = List.of("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo");
    DatasetRef.Idx kmnist = new DatasetRef.Idx("KMNIST", "kmnist", null, false, hiragana);

    LoadedData loaded = DatasetLoader.load(kmnist, dir, TrainingSettings.defaults().withValidationFraction(0.25));

    assertEquals(new DataSignature(Shape.of(1, 28, 28), 10), loaded.train().signature());
    assertEquals(hiragana, loaded.test().orElseThrow().classNames());
    assertEquals(30, loaded.train().size());
    assertEquals(DatasetLoader.signature(kmnist, dir), loaded.train().signature());
  }

  @Test
  void gatherCopiesTheChosenSamplesInOrder() {
    Dataset d = new Dataset("d", new float[] {0, 1, 10, 11, 20, 21}, new int[] {0, 1, 0}, Shape.of(2), 2, List.of("a", "b"));
    float[] f = new float[4];
    int[] l = new int[2];
    d.gather(new int[] {2, 0, 1}, 1, 2, f, l);
    assertArrayEquals(new float[] {0, 1, 10, 11}, f);
    assertArrayEquals(new int[] {0, 1}, l);
    assertNotEquals(d.subset(new int[] {2}, "s").feature(0, 0), d.feature(0, 0));
  }

  private static float[] features(Dataset d) {
    float[] f = new float[d.size() * d.sampleSize()];
    int[] all = new int[d.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    d.gather(all, 0, d.size(), f, new int[d.size()]);
    return f;
  }

  @Test
  void signatureMatchesWhatLoadingFindsWithoutLoading() throws Exception {
    DatasetRef.Idx fashion = new DatasetRef.Idx("Fashion-MNIST", "data", null, false, FASHION_CLASSES);
    assertEquals(
        DatasetLoader.load(fashion, FASHION, TrainingSettings.defaults()).train().signature(),
        DatasetLoader.signature(fashion, FASHION));

    DatasetRef.Spiral spiral = new DatasetRef.Spiral(4, 20, 0.1, 3);
    assertEquals(
        DatasetLoader.load(spiral, dir, TrainingSettings.defaults()).train().signature(), DatasetLoader.signature(spiral, dir));
  }

  @Test
  void signatureCountsClassesFromTheLabelsWhenTheProjectNamesNone() throws Exception {
    IdxFiles.fourFiles(dir.resolve("data"), 30, 10, 3);
    DatasetRef.Idx unnamed = new DatasetRef.Idx("Tiny", "data", null, false, List.of());
    assertEquals(
        DatasetLoader.load(unnamed, dir, TrainingSettings.defaults()).train().signature(), DatasetLoader.signature(unnamed, dir));
  }

  @Test
  void signatureOfAMissingFolderNamesIt() {
    DatasetException e =
        assertThrows(
            DatasetException.class,
            () -> DatasetLoader.signature(new DatasetRef.Idx("X", "nowhere", null, false, List.of()), dir));
    assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("no such folder"), e.getMessage());
  }
}
