package org.layerlab.model.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.model.TestLayers.add;
import static org.layerlab.model.TestLayers.conv;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.flatten;
import static org.layerlab.model.TestLayers.input;
import static org.layerlab.model.TestLayers.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.layer.LayerType;

/**
 * The file format across versions: files written by every released version are kept under {@code fixtures/v<version>/} and must
 * still load; older versions are migrated; graphs survive writing and reading.
 */
class ProjectFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SOURCE = Path.of("fixture.json");

  private static Path fixtures() throws URISyntaxException {
    return Path.of(ProjectFormatTest.class.getResource("/fixtures").toURI());
  }

  static Stream<Path> everyFixture() throws IOException, URISyntaxException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(fixtures())) {
      walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
    }
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("everyFixture")
  void everyFixtureLoadsAndItsModelIsValid(Path file) throws Exception {
    Project p = ProjectFiles.read(file);

    ModelAnalysis a = ModelAnalyzer.analyze(p.model());
    assertTrue(a.valid(), a.problems()::toString);
  }

  @ParameterizedTest
  @MethodSource("everyFixture")
  void everyFixtureWrittenAgainUsesTheCurrentVersionAndReadsBackEqual(Path file) throws Exception {
    Project p = ProjectFiles.read(file);

    String written = ProjectFiles.toJson(p);

    assertEquals(ProjectFiles.CURRENT_VERSION, JSON.readTree(written).get("version").asInt());
    assertEquals(p, ProjectFiles.parse(written, SOURCE));
  }

  @Test
  void fixturesCoverEveryVersionReleasedSoFar() throws Exception {
    for (int v = ProjectFiles.OLDEST_VERSION; v <= ProjectFiles.CURRENT_VERSION; v++) {
      Path dir = fixtures().resolve("v" + v);
      try (Stream<Path> files = Files.list(dir)) {
        assertTrue(files.findAny().isPresent(), "keep files written by version " + v + " in " + dir);
      }
    }
  }

  @Test
  void version1SpiralLoadsAsTheSequentialModelItDescribed() throws Exception {
    Project p = ProjectFiles.read(fixtures().resolve("v1/spiral.json"));

    ModelSpec expected =
        ModelSpec.of(
            input(2),
            dense("dense1", 64).with("activation", "relu"),
            dense("dense2", 64).with("activation", "relu"),
            dense("output", 3));
    assertEquals(expected, p.model());
    assertTrue(p.model().isSequential());
    assertEquals(new DatasetRef.Spiral(3, 300, 0.2, 7), p.dataset());
    assertEquals(new TrainingSettings(OptimizerKind.ADAM, 0.01, 0.9, 32, 40, 42, 0.2), p.training());
  }

  @Test
  void version1FashionMnistLoadsWithItsDropout() throws Exception {
    Project p = ProjectFiles.read(fixtures().resolve("v1/fashion-mnist-mlp.json"));

    ModelSpec expected =
        ModelSpec.of(
            input(1, 28, 28),
            flatten("flatten"),
            dense("dense1", 128).with("activation", "relu"),
            layer("dropout", LayerType.DROPOUT, "rate", 0.2),
            dense("output", 10));
    assertEquals(expected, p.model());
  }

  @Test
  void version2ResidualFixtureKeepsItsConnections() throws Exception {
    Project p = ProjectFiles.read(fixtures().resolve("v2/residual-cifar.json"));

    ModelSpec model = p.model();
    assertEquals(List.of("stem_relu"), model.find("shortcut").orElseThrow().inputs());
    assertEquals(List.of("block_conv2", "shortcut"), model.find("block_add").orElseThrow().inputs());
    assertEquals(List.of("block_add"), model.inputsOf(model.indexOf("block_gelu")));
    ModelAnalysis a = ModelAnalyzer.analyze(model);
    // stem 3*9*16+16, BatchNorm 4*16 (half running statistics), conv1 16*9*32+32, conv2 32*9*32+32, shortcut 16*32+32, dense 32*10+10
    long total = (3 * 9 * 16 + 16) + 4 * 16 + (16 * 9 * 32 + 32) + (32 * 9 * 32 + 32) + (16 * 32 + 32) + (32 * 10 + 10);
    assertEquals(total, a.totalParameters());
    assertEquals(2 * 16, a.nonTrainableParameters());
  }

  @Test
  void graphWithOpenPortsSurvivesWriteAndRead() throws Exception {
    ModelSpec graph =
        ModelSpec.of(
            input(3, 8, 8),
            conv("a", 3, 3, 1, "same"),
            add("sum", "a", "input", LayerSpec.UNCONNECTED),
            flatten("flat"),
            dense("out", 2));
    Project project = new Project("G", "", graph, new DatasetRef.Spiral(2, 10, 0, 1), TrainingSettings.defaults());

    String text = ProjectFiles.toJson(project);

    assertEquals(project, ProjectFiles.parse(text, SOURCE));
    JsonNode layers = JSON.readTree(text).get("model").get("layers");
    assertEquals("[\"a\",\"input\",\"\"]", layers.get(2).get("inputs").toString());
    assertFalse(layers.get(1).has("inputs"), "a layer reading the previous one is written as in version 1");
  }

  private static ObjectNode fixtureTree(String name) throws Exception {
    return (ObjectNode) JSON.readTree(fixtures().resolve(name).toFile());
  }

  private static ProjectFileException parseFailure(ObjectNode root) throws IOException {
    String json = JSON.writeValueAsString(root);
    return assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(json, SOURCE));
  }

  @Test
  void version1FileWithInputsIsRefusedAtTheLayer() throws Exception {
    ObjectNode root = fixtureTree("v1/spiral.json");
    ((ObjectNode) root.get("model").get("layers").get(2)).putArray("inputs").add("input");

    ProjectFileException e = parseFailure(root);

    assertEquals("model.layers[2].inputs", e.location());
    assertTrue(e.getMessage().contains("set \"version\" to 2"), e.getMessage());
  }

  @Test
  void version3LayoutKeepsThePlacedLayersAndOnlyThem() throws Exception {
    Project p = ProjectFiles.read(fixtures().resolve("v3/residual-cifar-placed.json"));

    assertEquals(new Layout.Position(420, 300), p.layout().position("shortcut").orElseThrow());
    assertEquals(new Layout.Position(240, 520), p.layout().position("block_add").orElseThrow());
    assertEquals(2, p.layout().positions().size());
  }

  @Test
  void filesWithoutALayoutReadAsNothingPlaced() throws Exception {
    assertTrue(ProjectFiles.read(fixtures().resolve("v2/residual-cifar.json")).layout().isEmpty());
    assertTrue(ProjectFiles.read(fixtures().resolve("v1/spiral.json")).layout().isEmpty());
  }

  @Test
  void layoutSurvivesWritingAndIsWrittenInLayerOrderForLayersOfTheModelOnly() throws Exception {
    Project p = ProjectFiles.read(fixtures().resolve("v2/residual-cifar.json"));
    Project placed =
        p.withLayout(
            new Layout(
                java.util.Map.of(
                    "output", new Layout.Position(10.5, 900),
                    "stem", new Layout.Position(-20, 40),
                    "gone", new Layout.Position(1, 1))));

    JsonNode written = JSON.readTree(ProjectFiles.toJson(placed));
    Project back = ProjectFiles.parse(ProjectFiles.toJson(placed), SOURCE);

    assertEquals(List.of("stem", "output"), iterate(written.get("layout").fieldNames()));
    assertEquals(-20.0, written.get("layout").get("stem").get("x").asDouble());
    assertEquals(new Layout.Position(10.5, 900), back.layout().position("output").orElseThrow());
    assertFalse(back.layout().position("gone").isPresent());
  }

  @Test
  void layoutEntryForAnUnknownLayerIsDroppedWhenRead() throws Exception {
    ObjectNode root = fixtureTree("v3/residual-cifar-placed.json");
    ((ObjectNode) root.get("layout")).putObject("renamed_by_hand").put("x", 1).put("y", 2);

    Project p = ProjectFiles.parse(JSON.writeValueAsString(root), SOURCE);

    assertFalse(p.layout().position("renamed_by_hand").isPresent());
    assertTrue(p.layout().position("shortcut").isPresent());
  }

  @Test
  void layoutPositionThatIsNotANumberNamesThePath() throws Exception {
    ObjectNode root = fixtureTree("v3/residual-cifar-placed.json");
    ((ObjectNode) root.get("layout").get("shortcut")).put("y", "top");

    ProjectFileException e = parseFailure(root);

    assertEquals("layout.shortcut.y", e.location());
    assertTrue(e.getMessage().contains("must be a number"), e.getMessage());
  }

  @Test
  void version2FileWithALayoutIsRefused() throws Exception {
    ObjectNode root = fixtureTree("v2/residual-cifar.json");
    root.putObject("layout").putObject("stem").put("x", 1).put("y", 2);

    ProjectFileException e = parseFailure(root);

    assertEquals("layout", e.location());
    assertTrue(e.getMessage().contains("set \"version\" to 3"), e.getMessage());
  }

  private static List<String> iterate(java.util.Iterator<String> names) {
    List<String> out = new ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }

  @Test
  void inputsThatAreNotAListNameThePath() throws Exception {
    ObjectNode root = fixtureTree("v2/residual-cifar.json");
    ((ObjectNode) root.get("model").get("layers").get(6)).put("inputs", "stem_relu");

    ProjectFileException e = parseFailure(root);

    assertEquals("model.layers[6].inputs", e.location());
    assertTrue(e.getMessage().contains("list of layer ids"), e.getMessage());
  }

  @Test
  void inputThatIsNotTextNamesItsIndex() throws Exception {
    ObjectNode root = fixtureTree("v2/residual-cifar.json");
    ((ArrayNode) root.get("model").get("layers").get(7).get("inputs")).set(1, JSON.getNodeFactory().numberNode(6));

    ProjectFileException e = parseFailure(root);

    assertEquals("model.layers[7].inputs[1]", e.location());
    assertTrue(e.getMessage().contains("got 6"), e.getMessage());
  }

  @Test
  void unknownLayerTypeInVersion2NamesTheTypesThereAre() throws Exception {
    ObjectNode root = fixtureTree("v2/residual-cifar.json");
    ((ObjectNode) root.get("model").get("layers").get(8)).put("type", "Swish");

    ProjectFileException e = parseFailure(root);

    assertEquals("model.layers[8].type", e.location());
    assertTrue(e.getMessage().contains("'Swish'") && e.getMessage().contains("SiLU"), e.getMessage());
  }

  @Test
  void settingOutOfRangeInANewLayerNamesThePath() throws Exception {
    ObjectNode root = fixtureTree("v2/residual-cifar.json");
    ((ObjectNode) root.get("model").get("layers").get(1).get("settings")).put("dilation", 9);

    ProjectFileException e = parseFailure(root);

    assertEquals("model.layers[1].settings.dilation", e.location());
    assertTrue(e.getMessage().contains("from 1 to 8, got 9"), e.getMessage());
  }

  @Test
  void inputNamingAMissingLayerLoadsAndAnalysisReportsIt() throws Exception {
    ObjectNode root = fixtureTree("v2/residual-cifar.json");
    ((ArrayNode) root.get("model").get("layers").get(7).get("inputs")).set(1, JSON.getNodeFactory().textNode("shortcut2"));

    Project p = ProjectFiles.parse(JSON.writeValueAsString(root), SOURCE);

    assertTrue(ModelAnalyzer.analyze(p.model()).problems().get(0).message().contains("'shortcut2', which is not a layer"));
  }

  @Test
  void migratingVersion1ChangesNothingButTheVersion() throws Exception {
    JsonNode original = fixtureTree("v1/fashion-mnist-mlp.json");

    JsonNode rewritten = JSON.readTree(ProjectFiles.toJson(ProjectFiles.read(fixtures().resolve("v1/fashion-mnist-mlp.json"))));

    assertEquals(ProjectFiles.CURRENT_VERSION, rewritten.get("version").asInt());
    assertFalse(rewritten.has("layout"), "a file without placed layers gains no layout section");
    assertEquals(original.get("model"), rewritten.get("model"));
    assertEquals(original.get("dataset"), rewritten.get("dataset"));
    assertEquals(original.get("training"), rewritten.get("training"));
  }

  @Test
  void committedSchemaIsTheOneTheCatalogBuilds() throws IOException {
    try (InputStream in = ProjectSchema.class.getResourceAsStream(ProjectSchema.RESOURCE)) {
      assertEquals(
          ProjectSchema.json(),
          new String(in.readAllBytes(), StandardCharsets.UTF_8),
          "regenerate " + ProjectSchema.RESOURCE + " from ProjectSchema.json() after changing the catalog or the format");
    }
  }

  @Test
  void schemaListsEveryLayerTypeAndItsSettings() throws IOException {
    JsonNode schema = JSON.readTree(ProjectSchema.json());

    assertEquals(ProjectFiles.CURRENT_VERSION, schema.get("properties").get("version").get("const").asInt());
    Set<String> types = new HashSet<>();
    schema.get("$defs").get("layer").get("properties").get("type").get("enum").forEach(n -> types.add(n.asText()));
    for (LayerType t : LayerType.values()) {
      assertTrue(types.contains(t.jsonName()), t.jsonName());
      Set<String> settings = new HashSet<>();
      schema.get("$defs").get("settings-" + t.jsonName()).get("properties").fieldNames().forEachRemaining(settings::add);
      assertEquals(new HashSet<>(t.settingNames()), settings, t.jsonName());
    }
  }

  /** A small structural check of a written file against the schema: required fields, layer types and setting names. */
  @ParameterizedTest
  @MethodSource("everyFixture")
  void writtenFilesFollowTheSchema(Path file) throws Exception {
    JsonNode schema = JSON.readTree(ProjectSchema.json());
    JsonNode written = JSON.readTree(ProjectFiles.toJson(ProjectFiles.read(file)));

    schema.get("required").forEach(f -> assertTrue(written.has(f.asText()), f.asText()));
    for (JsonNode layer : written.get("model").get("layers")) {
      JsonNode settingsSchema = schema.get("$defs").get("settings-" + layer.get("type").asText());
      assertTrue(settingsSchema != null, layer.toString());
      layer.path("settings").fieldNames().forEachRemaining(n -> assertTrue(settingsSchema.get("properties").has(n), n));
    }
  }
}
