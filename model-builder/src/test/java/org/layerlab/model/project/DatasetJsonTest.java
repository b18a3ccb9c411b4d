package org.layerlab.model.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.model.project.DatasetRef.Augmentation;
import org.layerlab.model.project.DatasetRef.CifarVariant;
import org.layerlab.model.project.DatasetRef.DjlDataset;
import org.layerlab.model.project.DatasetRef.Normalisation;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.SyntheticKind;
import org.layerlab.model.project.DatasetRef.Task;

/** The {@code dataset} block of project files: every dataset type, the options, and what old files read as. */
class DatasetJsonTest {

  private static final Path SOURCE = Path.of("dataset-test.json");

  /** A whole version-1 project file around the given {@code dataset} block. */
  private static String project(String dataset) {
    return "{\"format\": \"layerlab-project\", \"version\": 1, \"name\": \"P\","
        + " \"model\": {\"layers\": [{\"id\": \"input\", \"type\": \"Input\", \"settings\": {\"shape\": [2]}},"
        + " {\"id\": \"out\", \"type\": \"Dense\", \"settings\": {\"units\": 2}}]},"
        + " \"dataset\": "
        + dataset
        + ", \"training\": {\"optimizer\": \"adam\", \"learningRate\": 0.001, \"batchSize\": 8, \"epochs\": 1, \"seed\": 1,"
        + " \"validationFraction\": 0.2}}";
  }

  private static DatasetRef read(String dataset) throws ProjectFileException {
    return ProjectFiles.parse(project(dataset), SOURCE).dataset();
  }

  private static Path samples() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("sample-projects/spiral"))) {
        return p.resolve("sample-projects");
      }
    }
    throw new IllegalStateException("no sample-projects folder above " + Path.of("").toAbsolutePath());
  }

  @Test
  void filesWithoutOptionsReadAsBeforeAndAreWrittenBackUnchanged() throws Exception {
    for (String sample : List.of("spiral", "fashion-mnist-mlp")) {
      Path file = samples().resolve(sample).resolve(ProjectFiles.FILE_NAME);
      Project p = ProjectFiles.read(file);
      assertEquals(Options.NONE, p.dataset().options(), sample);
      String written = ProjectFiles.toJson(p);
      String datasetBlock = written.substring(written.indexOf("\"dataset\""), written.indexOf("\"training\""));
      assertTrue(Files.readString(file).contains(datasetBlock), () -> sample + ": the dataset block changed:\n" + datasetBlock);
    }
    assertEquals(new DatasetRef.Spiral(3, 300, 0.2, 7), ProjectFiles.read(samples().resolve("spiral")).dataset());
  }

  @Test
  void readsEveryNewDatasetType() throws Exception {
    assertEquals(
        new DatasetRef.Cifar("CIFAR-10", "data/cifar-10-batches-bin", CifarVariant.CIFAR_10, Options.NONE),
        read("{\"type\": \"cifar\", \"variant\": \"cifar-10\", \"path\": \"data/cifar-10-batches-bin\"}"));
    assertEquals(
        new DatasetRef.Cifar("CIFAR-100", "c100", CifarVariant.CIFAR_100_COARSE, Options.NONE),
        read("{\"type\": \"cifar\", \"variant\": \"cifar-100\", \"labels\": \"coarse\", \"path\": \"c100\"}"));
    assertEquals(
        new DatasetRef.Csv("iris.csv", "data/iris.csv", List.of("species"), List.of(), List.of(), Task.CLASSIFICATION, ',', Options.NONE),
        read("{\"type\": \"csv\", \"path\": \"data/iris.csv\", \"target\": \"species\"}"));
    assertEquals(
        new DatasetRef.Csv(
            "Houses", "h.csv", List.of("price", "rent"), List.of("rooms", "town"), List.of("town"), Task.REGRESSION, ';', Options.NONE),
        read(
            "{\"type\": \"csv\", \"name\": \"Houses\", \"path\": \"h.csv\", \"target\": [\"price\", \"rent\"], \"task\": \"regression\","
                + " \"features\": [\"rooms\", \"town\"], \"categorical\": [\"town\"], \"delimiter\": \";\"}"));
    assertEquals(
        new DatasetRef.ImageFolder("pets", "data/pets/", 64, 48, 1, Options.NONE),
        read("{\"type\": \"imagefolder\", \"path\": \"data/pets/\", \"width\": 64, \"height\": 48, \"channels\": 1}"));
    assertEquals(
        new DatasetRef.ImageFolder("pets", "pets", 0, 0, 3, Options.NONE), read("{\"type\": \"imagefolder\", \"path\": \"pets\"}"));
    assertEquals(
        new DatasetRef.Synthetic(SyntheticKind.MOONS, 400, 2, 0.1, 0, 5, Options.NONE),
        read("{\"type\": \"synthetic\", \"kind\": \"moons\", \"samples\": 400, \"noise\": 0.1, \"seed\": 5}"));
    assertEquals(
        new DatasetRef.Synthetic(SyntheticKind.SEQUENCE, 300, 3, 0.05, 30, 5, Options.NONE),
        read(
            "{\"type\": \"synthetic\", \"kind\": \"sequence\", \"samples\": 300, \"classes\": 3, \"length\": 30, \"noise\": 0.05,"
                + " \"seed\": 5}"));
    assertEquals(
        new DatasetRef.Synthetic(SyntheticKind.SINE, 200, 0, 0.1, 0, 1, Options.NONE),
        read("{\"type\": \"synthetic\", \"kind\": \"sine\", \"samples\": 200, \"noise\": 0.1, \"seed\": 1}"));
    assertEquals(new DatasetRef.Djl(DjlDataset.FASHION_MNIST, Options.NONE), read("{\"type\": \"djl\", \"dataset\": \"fashion-mnist\"}"));
  }

  @Test
  void readsTheOptionsOfAnyType() throws Exception {
    DatasetRef ref =
        read(
            "{\"type\": \"cifar\", \"variant\": \"cifar-10\", \"path\": \"c\", \"testFraction\": 0.1, \"normalisation\": \"standard\","
                + " \"augmentation\": {\"flip\": true, \"cropPadding\": 4, \"rotationDegrees\": 10, \"shift\": 0.1}}");
    assertEquals(new Options(0.1, Normalisation.STANDARD, new Augmentation(true, 4, 10, 0.1)), ref.options());

    DatasetRef partial = read("{\"type\": \"spiral\", \"classes\": 2, \"pointsPerClass\": 9, \"noise\": 0, \"seed\": 1,"
        + " \"normalization\": \"min-max\"}");
    assertEquals(new Options(0, Normalisation.MIN_MAX, Augmentation.NONE), partial.options(), "the American spelling is read too");

    DatasetRef flipOnly = read("{\"type\": \"imagefolder\", \"path\": \"p\", \"augmentation\": {\"flip\": true}}");
    assertEquals(new Augmentation(true, 0, 0, 0), flipOnly.options().augmentation());
  }

  static Stream<DatasetRef> refsToRoundTrip() {
    Options all = new Options(0.15, Normalisation.STANDARD, new Augmentation(true, 4, 7.5, 0.125));
    Options noAugmentation = new Options(0.2, Normalisation.MIN_MAX, Augmentation.NONE);
    return Stream.of(
        new DatasetRef.Spiral(3, 10, 0.1, 4, noAugmentation),
        new DatasetRef.Idx("KMNIST", "data/kmnist", null, false, List.of("o", "ki"), all),
        new DatasetRef.Cifar("CIFAR-10", "data/c10", CifarVariant.CIFAR_10, all),
        new DatasetRef.Cifar("CIFAR-100", "data/c100", CifarVariant.CIFAR_100, Options.NONE),
        new DatasetRef.Cifar("CIFAR-100 coarse", "data/c100", CifarVariant.CIFAR_100_COARSE, Options.NONE),
        new DatasetRef.Csv("t", "t.csv", List.of("y"), List.of(), List.of(), Task.CLASSIFICATION, ',', noAugmentation),
        new DatasetRef.Csv("t", "t.tsv", List.of("a", "b"), List.of("x", "c"), List.of("c"), Task.REGRESSION, '\t', Options.NONE),
        new DatasetRef.ImageFolder("pets", "pets", 32, 32, 3, all),
        new DatasetRef.ImageFolder("digits", "digits", 0, 0, 1, Options.NONE),
        new DatasetRef.Synthetic(SyntheticKind.CIRCLES, 100, 3, 0.05, 0, 9, noAugmentation),
        new DatasetRef.Synthetic(SyntheticKind.XOR, 100, 2, 0.05, 0, 9, Options.NONE),
        new DatasetRef.Synthetic(SyntheticKind.GAUSSIANS, 90, 5, 0.3, 0, -3_000_000_000L, Options.NONE),
        new DatasetRef.Synthetic(SyntheticKind.POLYNOMIAL, 50, 0, 0.2, 0, 2, noAugmentation),
        new DatasetRef.Synthetic(SyntheticKind.SEQUENCE, 60, 4, 0.1, 12, 2, Options.NONE),
        new DatasetRef.Djl(DjlDataset.CIFAR_10, all),
        new DatasetRef.Djl(DjlDataset.MNIST, Options.NONE));
  }

  @ParameterizedTest
  @MethodSource("refsToRoundTrip")
  void everyDatasetTypeSurvivesWriteAndRead(DatasetRef ref) throws Exception {
    Project p = ProjectFiles.parse(project("{\"type\": \"spiral\", \"classes\": 2, \"pointsPerClass\": 9, \"noise\": 0, \"seed\": 1}"), SOURCE);
    Project withRef = p.withDataset(ref);

    Project back = ProjectFiles.parse(ProjectFiles.toJson(withRef), SOURCE);

    assertEquals(ref, back.dataset());
  }

  @Test
  void onlyOptionsThatDifferFromNoneAreWritten() throws Exception {
    Project p = ProjectFiles.parse(project("{\"type\": \"spiral\", \"classes\": 2, \"pointsPerClass\": 9, \"noise\": 0, \"seed\": 1}"), SOURCE);
    String json = ProjectFiles.toJson(p.withDataset(new DatasetRef.Djl(DjlDataset.MNIST, Options.NONE)));
    assertFalse(json.contains("testFraction") || json.contains("normalisation") || json.contains("augmentation"), json);
  }

  static Stream<Arguments> malformedDatasets() {
    return Stream.of(
        bad("{\"type\": \"cifar10\"}", "dataset.type", "'cifar10'", "spiral, idx, cifar, csv, imagefolder, synthetic, djl"),
        bad("{\"type\": \"cifar\", \"path\": \"c\"}", "dataset.variant", "cifar-10", "cifar-100"),
        bad("{\"type\": \"cifar\", \"path\": \"c\", \"variant\": \"cifar-1000\"}", "dataset.variant", "'cifar-1000'"),
        bad("{\"type\": \"cifar\", \"path\": \"c\", \"variant\": \"cifar-10\", \"labels\": \"coarse\"}", "dataset.labels", "only CIFAR-100"),
        bad("{\"type\": \"cifar\", \"path\": \"c\", \"variant\": \"cifar-100\", \"labels\": \"medium\"}", "dataset.labels", "\"coarse\""),
        bad("{\"type\": \"cifar\", \"variant\": \"cifar-10\"}", "dataset.path", "is missing"),
        bad("{\"type\": \"csv\", \"path\": \"t.csv\"}", "dataset.target", "is missing", "column to predict"),
        bad("{\"type\": \"csv\", \"path\": \"t.csv\", \"target\": 3}", "dataset.target", "must be a column name"),
        bad("{\"type\": \"csv\", \"path\": \"t.csv\", \"target\": []}", "dataset.target", "names no column"),
        bad("{\"type\": \"csv\", \"path\": \"t.csv\", \"target\": [\"a\", \"b\"]}", "dataset.target", "classification predicts one", "regression"),
        bad("{\"type\": \"csv\", \"path\": \"t.csv\", \"target\": \"y\", \"task\": \"ranking\"}", "dataset.task", "'ranking'"),
        bad("{\"type\": \"csv\", \"path\": \"t.csv\", \"target\": \"y\", \"features\": [\"x\", \"y\"]}", "dataset.features", "target column 'y'"),
        bad("{\"type\": \"csv\", \"path\": \"t.csv\", \"target\": \"y\", \"features\": \"x\"}", "dataset.features", "list of column names"),
        bad("{\"type\": \"csv\", \"path\": \"t.csv\", \"target\": \"y\", \"features\": [\"x\", \"x\"]}", "dataset.features[1]", "second time"),
        bad("{\"type\": \"csv\", \"path\": \"t.csv\", \"target\": \"y\", \"features\": [\"x\"], \"categorical\": [\"z\"]}", "dataset.categorical", "'z'"),
        bad("{\"type\": \"csv\", \"path\": \"t.csv\", \"target\": \"y\", \"delimiter\": \";;\"}", "dataset.delimiter", "one character"),
        bad("{\"type\": \"csv\", \"path\": \"t.csv\", \"target\": \"y\", \"augmentation\": {\"flip\": true}}", "dataset.augmentation", "holds no images"),
        bad("{\"type\": \"imagefolder\", \"path\": \"p\", \"width\": 32}", "dataset.height", "both width and height"),
        bad("{\"type\": \"imagefolder\", \"path\": \"p\", \"width\": 0, \"height\": 4}", "dataset.width", "from 1 to 4096"),
        bad("{\"type\": \"imagefolder\", \"path\": \"p\", \"channels\": 4}", "dataset.channels", "1 (grey) or 3 (colour)"),
        bad("{\"type\": \"synthetic\", \"samples\": 10, \"noise\": 0, \"seed\": 1}", "dataset.kind", "is missing", "moons"),
        bad("{\"type\": \"synthetic\", \"kind\": \"spiral\", \"samples\": 10, \"noise\": 0, \"seed\": 1}", "dataset.kind", "\"type\": \"spiral\""),
        bad("{\"type\": \"synthetic\", \"kind\": \"xor\", \"classes\": 3, \"samples\": 10, \"noise\": 0, \"seed\": 1}", "dataset.classes", "exactly 2"),
        bad("{\"type\": \"synthetic\", \"kind\": \"sine\", \"classes\": 3, \"samples\": 10, \"noise\": 0, \"seed\": 1}", "dataset.classes", "no classes"),
        bad("{\"type\": \"synthetic\", \"kind\": \"moons\", \"length\": 3, \"samples\": 10, \"noise\": 0, \"seed\": 1}", "dataset.length", "only sequence"),
        bad("{\"type\": \"synthetic\", \"kind\": \"sequence\", \"length\": 1, \"samples\": 10, \"noise\": 0, \"seed\": 1}", "dataset.length", "from 2 to 1000"),
        bad("{\"type\": \"synthetic\", \"kind\": \"gaussians\", \"classes\": 5, \"samples\": 9, \"noise\": 0, \"seed\": 1}", "dataset.samples", "from 10", "two per class"),
        bad("{\"type\": \"synthetic\", \"kind\": \"moons\", \"samples\": 10, \"noise\": 2, \"seed\": 1}", "dataset.noise", "from 0 to 1"),
        bad("{\"type\": \"synthetic\", \"kind\": \"moons\", \"samples\": 10, \"noise\": 0}", "dataset.seed", "is missing"),
        bad("{\"type\": \"djl\", \"dataset\": \"imagenet\"}", "dataset.dataset", "'imagenet'", "mnist, fashion-mnist, cifar-10"),
        bad("{\"type\": \"djl\", \"dataset\": \"mnist\", \"testFraction\": 0.95}", "dataset.testFraction", "from 0 to 0.9"),
        bad("{\"type\": \"djl\", \"dataset\": \"mnist\", \"normalisation\": \"zscore\"}", "dataset.normalisation", "'zscore'", "none, min-max, standard"),
        bad("{\"type\": \"djl\", \"dataset\": \"mnist\", \"augmentation\": true}", "dataset.augmentation", "must be an object"),
        bad("{\"type\": \"djl\", \"dataset\": \"mnist\", \"augmentation\": {\"flip\": \"yes\"}}", "dataset.augmentation.flip", "true or false"),
        bad("{\"type\": \"djl\", \"dataset\": \"mnist\", \"augmentation\": {\"cropPadding\": 100}}", "dataset.augmentation.cropPadding", "0 to 64"),
        bad("{\"type\": \"djl\", \"dataset\": \"mnist\", \"augmentation\": {\"rotationDegrees\": 90}}", "dataset.augmentation.rotationDegrees", "0 to 45"),
        bad("{\"type\": \"djl\", \"dataset\": \"mnist\", \"augmentation\": {\"shift\": -0.1}}", "dataset.augmentation.shift", "0 to 0.5"),
        bad("{\"type\": \"spiral\", \"classes\": 2, \"pointsPerClass\": 9, \"noise\": 0, \"seed\": 1, \"augmentation\": {\"shift\": 0.1}}",
            "dataset.augmentation", "a spiral dataset holds no images"));
  }

  private static Arguments bad(String dataset, String location, String... fragments) {
    return Arguments.of(dataset, location, fragments);
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("malformedDatasets")
  void aBadDatasetBlockNamesTheFieldAndTheFix(String dataset, String location, String[] fragments) {
    ProjectFileException e = assertThrows(ProjectFileException.class, () -> read(dataset));

    assertEquals(location, e.location(), e::getMessage);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "expected '" + f + "' in: " + e.getMessage());
    }
  }
}
