package org.layerlab.model.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.model.TestLayers.conv;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.flatten;
import static org.layerlab.model.TestLayers.input;
import static org.layerlab.model.TestLayers.pool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.layer.LayerType;

class ProjectFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SOURCE = Path.of("test-project.json");

  @TempDir Path dir;

  /** The repository's sample-projects folder; tests run in the module folder, but look upwards to be safe. */
  private static Path samples() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("sample-projects/spiral"))) {
        return p.resolve("sample-projects");
      }
    }
    throw new IllegalStateException("no sample-projects folder above " + Path.of("").toAbsolutePath());
  }

  private static Project spiralProject() {
    return new Project(
        "Spiral",
        "three arms",
        ModelSpec.of(input(2), dense("hidden", 16).with("activation", "tanh"), LayerSpec.of("drop", LayerType.DROPOUT), dense("out", 3)),
        new DatasetRef.Spiral(3, 100, 0.25, 7),
        new TrainingSettings(OptimizerKind.SGD, 0.05, 0.8, 16, 3, 1234, 0.25));
  }

  private static Project idxProject(String fullDatasetPath, List<String> classNames) {
    return new Project(
        "Digits",
        "",
        ModelSpec.of(
            input(1, 28, 28),
            conv("conv1", 8, 5, 1, "same").with("activation", "relu"),
            pool("pool1", 2, 2),
            flatten("flatten"),
            dense("out", 10),
            LayerSpec.of("softmax", LayerType.SOFTMAX)),
        new DatasetRef.Idx("MNIST", "data/mnist", fullDatasetPath, fullDatasetPath != null, classNames),
        TrainingSettings.defaults());
  }

  @Test
  void spiralSampleLoadsAndFitsItsData() throws ProjectFileException {
    Project p = ProjectFiles.read(samples().resolve("spiral"));

    assertEquals("Spiral", p.name());
    assertEquals(new DatasetRef.Spiral(3, 300, 0.2, 7), p.dataset());
    assertEquals(new TrainingSettings(OptimizerKind.ADAM, 0.01, 0.9, 32, 40, 42, 0.2), p.training());
    ModelAnalysis a = ModelAnalyzer.analyze(p.model(), new DataSignature(Shape.of(2), 3));
    assertTrue(a.valid(), a.problems()::toString);
    // 2*64+64 + 64*64+64 + 64*3+3
    assertEquals(2 * 64 + 64 + 64 * 64 + 64 + 64 * 3 + 3, a.totalParameters());
    assertEquals("relu", p.model().layer(1).stringSetting("activation"));
  }

  @Test
  void fashionMnistSampleLoadsAndFitsItsData() throws ProjectFileException {
    Project p = ProjectFiles.read(samples().resolve("fashion-mnist-mlp/project.json"));

    DatasetRef.Idx idx = assertInstanceOf(DatasetRef.Idx.class, p.dataset());
    assertEquals("data", idx.path());
    assertTrue(idx.useFullWhenAvailable());
    assertEquals(10, idx.classNames().size());
    assertEquals("Ankle boot", idx.classNames().get(9));
    ModelAnalysis a = ModelAnalyzer.analyze(p.model(), new DataSignature(Shape.of(1, 28, 28), idx.classNames().size()));
    assertTrue(a.valid(), a.problems()::toString);
    // 28*28 = 784 inputs: 784*128+128 + 128*10+10
    assertEquals(784 * 128 + 128 + 128 * 10 + 10, a.totalParameters());
    assertEquals(0.2, p.model().layer(3).doubleSetting("rate"));
  }

  @ParameterizedTest
  @MethodSource("samplesToRoundTrip")
  void samplesSurviveWriteAndRead(String folder) throws Exception {
    Project original = ProjectFiles.read(samples().resolve(folder));

    Path written = ProjectFiles.write(original, dir);

    assertEquals(dir.resolve(ProjectFiles.FILE_NAME), written);
    assertEquals(original, ProjectFiles.read(dir));
  }

  static Stream<String> samplesToRoundTrip() {
    return Stream.of("spiral", "fashion-mnist-mlp");
  }

  static Stream<Project> projectsToRoundTrip() {
    return Stream.of(
        spiralProject(),
        idxProject(null, List.of()),
        idxProject("/usr/share/datasets/mnist", List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")),
        // seeds picked from the clock do not fit an int
        spiralProject()
            .withDataset(new DatasetRef.Spiral(2, 10, 0.0, 1_700_000_000_123L))
            .withTraining(TrainingSettings.defaults().withSeed(-5_000_000_000L)));
  }

  @ParameterizedTest
  @MethodSource("projectsToRoundTrip")
  void writeThenReadGivesAnEqualProject(Project project) throws Exception {
    ProjectFiles.write(project, dir);

    assertEquals(project, ProjectFiles.read(dir));
  }

  @Test
  void writeToAJsonPathWritesThatFile() throws Exception {
    Path file = dir.resolve("nested/mine.json");

    assertEquals(file, ProjectFiles.write(spiralProject(), file));

    assertEquals(spiralProject(), ProjectFiles.read(file));
  }

  @Test
  void writeLeavesNoTemporaryFileBehind() throws Exception {
    ProjectFiles.write(spiralProject(), dir);
    ProjectFiles.write(spiralProject().withName("Renamed"), dir); // over an existing file

    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve(ProjectFiles.FILE_NAME)), files.toList());
    }
    assertEquals("Renamed", ProjectFiles.read(dir).name());
  }

  @Test
  void writtenFileStartsWithFormatAndVersion() throws Exception {
    String text = Files.readString(ProjectFiles.write(spiralProject(), dir));

    // version 3 since hand-placed layers: an optional layout section
    assertTrue(text.matches("(?s)\\{\\s*\"format\" : \"layerlab-project\",\\s*\"version\" : 3,.*"), text);
  }

  @Test
  void missingFileSaysWhatToGive() {
    ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.read(dir));

    assertEquals(dir.resolve(ProjectFiles.FILE_NAME), e.file());
    assertNull(e.location(), "the problem concerns the whole file");
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }

  @Test
  void invalidJsonGivesTheLineNumber() {
    String json = "{\n  \"format\": \"layerlab-project\",\n  \"version\": 1,\n  \"name\": oops\n}\n";

    ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(json, SOURCE));

    assertEquals("line 4", e.location()); // the bare word oops is on the fourth line
    assertEquals(SOURCE, e.file());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void jsonThatIsNotAnObjectIsRefused() {
    ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse("[1, 2]", SOURCE));

    assertNull(e.location());
    assertTrue(e.getMessage().contains("must be a JSON object"), e.getMessage());
  }

  /** The spiral sample as a tree, changed by {@code edit}, then parsed. */
  private static ProjectFileException parseEdited(Consumer<ObjectNode> edit) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(samples().resolve("spiral/project.json").toFile());
    edit.accept(root);
    String json = JSON.writeValueAsString(root);
    return assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(json, SOURCE));
  }

  private static ObjectNode layer(ObjectNode root, int index) {
    return (ObjectNode) root.get("model").get("layers").get(index);
  }

  private static ObjectNode settings(ObjectNode root, int index) {
    return (ObjectNode) layer(root, index).get("settings");
  }

  static Stream<Arguments> malformedFiles() {
    return Stream.of(
        malformed("wrong format marker", r -> r.put("format", "keras-model"), "format", "layerlab-project", "keras-model"),
        malformed("missing format marker", r -> r.remove("format"), "format", "is missing"),
        malformed("future version", r -> r.put("version", 4), "version", "version 4", "update Layerlab", "versions 1 to 3"),
        malformed("version zero", r -> r.put("version", 0), "version", "version 0"),
        malformed("missing model", r -> r.remove("model"), "model", "is missing", "\"model\""),
        malformed("missing dataset", r -> r.remove("dataset"), "dataset", "is missing", "\"dataset\""),
        malformed("missing training", r -> r.remove("training"), "training", "is missing", "\"training\""),
        malformed("model without layers", r -> ((ObjectNode) r.get("model")).remove("layers"), "model.layers", "is missing"),
        malformed(
            "unknown layer type",
            r -> layer(r, 1).put("type", "Conv3D"),
            "model.layers[1].type",
            "'Conv3D'",
            "Input, Dense, Conv2D, MaxPool2D, Flatten, Dropout, ReLU, Sigmoid, Tanh, Softmax"),
        malformed("layer without id", r -> layer(r, 2).remove("id"), "model.layers[2].id", "is missing"),
        malformed(
            "unknown setting name",
            r -> settings(r, 1).put("unit", 64),
            "model.layers[1].settings.unit",
            "Dense has no setting 'unit'",
            "units, activation"),
        malformed(
            "units out of range", r -> settings(r, 2).put("units", 0), "model.layers[2].settings.units", "from 1 to 100000", "got 0"),
        malformed(
            "units beyond int",
            r -> settings(r, 2).put("units", (1L << 32) + 64),
            "model.layers[2].settings.units",
            String.valueOf((1L << 32) + 64)),
        malformed(
            "units as text that is no number",
            r -> settings(r, 3).put("units", "many"),
            "model.layers[3].settings.units",
            "units must be a whole number"),
        malformed(
            "unknown activation",
            r -> settings(r, 1).put("activation", "gelu"),
            "model.layers[1].settings.activation",
            "one of none, relu, sigmoid, tanh, softmax"),
        malformed("null setting", r -> settings(r, 1).putNull("units"), "model.layers[1].settings.units", "no usable value"),
        malformed(
            "empty input shape", r -> settings(r, 0).set("shape", JSON.createArrayNode()), "model.layers[0].settings.shape", "at least one"),
        malformed("unknown optimizer", r -> ((ObjectNode) r.get("training")).put("optimizer", "lbfgs"), "training.optimizer", "'lbfgs'", "sgd, adam, adamw, adagrad, rmsprop, adadelta"),
        malformed("unknown dataset type", r -> ((ObjectNode) r.get("dataset")).put("type", "cifar10"), "dataset.type", "'cifar10'", "spiral, idx, cifar"),
        malformed("spiral with one class", r -> ((ObjectNode) r.get("dataset")).put("classes", 1), "dataset.classes", "from 2 to 50"),
        malformed("noise as text", r -> ((ObjectNode) r.get("dataset")).put("noise", "low"), "dataset.noise", "must be a number"),
        malformed(
            "learning rate out of range",
            r -> ((ObjectNode) r.get("training")).put("learningRate", -0.1),
            "training.learningRate",
            "above 0",
            "got -0.1"),
        malformed(
            "validation fraction out of range",
            r -> ((ObjectNode) r.get("training")).put("validationFraction", 1.0),
            "training.validationFraction",
            "below 1"),
        malformed("zero epochs", r -> ((ObjectNode) r.get("training")).put("epochs", 0), "training.epochs", "from 1 to 100000"),
        malformed("batch size as decimal", r -> ((ObjectNode) r.get("training")).put("batchSize", 32.5), "training.batchSize", "whole number"),
        malformed("layers not a list", r -> ((ObjectNode) r.get("model")).put("layers", "dense"), "model.layers", "list of layers"),
        malformed("layer not an object", r -> ((ArrayNode) r.get("model").get("layers")).set(1, JSON.getNodeFactory().textNode("Dense")), "model.layers[1]", "must be an object"));
  }

  private static Arguments malformed(String name, Consumer<ObjectNode> edit, String location, String... fragments) {
    return Arguments.of(name, edit, location, fragments);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFiles")
  void malformedFileNamesTheJsonPathAndTheFix(String name, Consumer<ObjectNode> edit, String location, String[] fragments)
      throws IOException {
    ProjectFileException e = parseEdited(edit);

    assertEquals(location, e.location(), e::getMessage);
    assertEquals(SOURCE, e.file());
    assertTrue(e.getMessage().contains(": " + location + ": "), e.getMessage());
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "expected '" + f + "' in: " + e.getMessage());
    }
  }

  @Test
  void settingsAreCheckedAsTheGuiWouldTypeThem() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(samples().resolve("spiral/project.json").toFile());
    settings(root, 1).put("units", "32").put("activation", "ReLU");

    Project p = ProjectFiles.parse(JSON.writeValueAsString(root), SOURCE);

    assertEquals(Map.of("units", 32, "activation", "relu"), p.model().layer(1).settings());
  }

  @Test
  void momentumMayBeLeftOut() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(samples().resolve("spiral/project.json").toFile());
    ((ObjectNode) root.get("training")).remove("momentum");

    assertEquals(0.9, ProjectFiles.parse(JSON.writeValueAsString(root), SOURCE).training().momentum());
  }

  @Test
  void textAfterTheClosingBraceIsAnError() throws Exception {
    String json = Files.readString(samples().resolve("spiral/project.json")) + "\n{\"stray\": true}";
    ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(json, SOURCE));
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void rewritingAProjectKeepsItsFilePermissions(@TempDir Path dir) throws Exception {
    Project p = ProjectFiles.read(samples().resolve("spiral"));
    Path file = ProjectFiles.write(p, dir);
    java.util.Set<java.nio.file.attribute.PosixFilePermission> readable =
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(file, readable);
    ProjectFiles.write(p.withName("renamed"), dir);
    assertEquals(readable, Files.getPosixFilePermissions(file));
    assertEquals("renamed", ProjectFiles.read(dir).name());
  }
}
