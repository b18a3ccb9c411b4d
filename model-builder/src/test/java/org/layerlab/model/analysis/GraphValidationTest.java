package org.layerlab.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.model.TestLayers.add;
import static org.layerlab.model.TestLayers.conv;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.input;
import static org.layerlab.model.TestLayers.layer;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;

/** Models with branches: shapes flow along connections, and every graph problem names the layer and the fix. */
class GraphValidationTest {

  private static void assertMentions(String text, String... fragments) {
    for (String f : fragments) {
      assertTrue(text.contains(f), () -> "expected '" + f + "' in: " + text);
    }
  }

  private static List<String> problemsOf(ModelAnalysis a, String id) {
    return a.layer(id).orElseThrow().problems();
  }

  @Test
  void residualBlockAddsTheShortcutToTheBlockOutput() {
    ModelSpec spec =
        ModelSpec.of(
            input(16, 8, 8),
            conv("c1", 16, 3, 1, "same"),
            LayerSpec.of("r1", LayerType.RELU),
            conv("c2", 16, 3, 1, "same"),
            add("sum", "c2", "input"),
            LayerSpec.of("gap", LayerType.GLOBAL_AVG_POOL2D),
            dense("out", 10));

    ModelAnalysis a = ModelAnalyzer.analyze(spec);

    assertTrue(a.valid(), a.problems()::toString);
    LayerReport sum = a.layer("sum").orElseThrow();
    assertEquals(List.of(Shape.of(16, 8, 8), Shape.of(16, 8, 8)), sum.inputShapes());
    assertEquals(List.of("c2", "input"), sum.inputIds());
    assertEquals(Shape.of(16, 8, 8), sum.outputShape());
    assertEquals(List.of("sum"), a.layer("gap").orElseThrow().inputIds());
    // two convolutions of 16 * 16 * 3 * 3 + 16 and the classifier 16 * 10 + 10
    assertEquals(2 * (16 * 16 * 9 + 16) + 16 * 10 + 10, a.totalParameters());
    assertEquals("out", a.outputId());
  }

  @Test
  void addOfDifferentChannelsSuggestsAOneByOneConvolution() {
    ModelSpec spec = ModelSpec.of(input(16, 8, 8), conv("c1", 32, 3, 1, "same"), add("sum", "c1", "input"));

    String p = problemsOf(ModelAnalyzer.analyze(spec), "sum").get(0);

    assertMentions(p, "(N, 32, 8, 8) from 'c1'", "(N, 16, 8, 8) from 'input'", "equal shapes", "1x1 Conv2D with 32 filters", "'input'");
  }

  @Test
  void addOfHalvedSizeSuggestsAStridedOneByOneConvolution() {
    ModelSpec spec = ModelSpec.of(input(16, 8, 8), conv("c1", 32, 3, 2, "same"), add("sum", "c1", "input"));

    assertMentions(problemsOf(ModelAnalyzer.analyze(spec), "sum").get(0), "32 filters and stride 2");
  }

  @Test
  void concatenateJoinsChannels() {
    ModelSpec spec =
        ModelSpec.of(
            input(3, 8, 8),
            conv("a", 16, 3, 1, "same"),
            conv("b", 32, 1).withInputs("input"),
            layer("cat", LayerType.CONCATENATE).withInputs("a", "b"),
            LayerSpec.of("gap", LayerType.GLOBAL_AVG_POOL2D),
            dense("out", 2));

    ModelAnalysis a = ModelAnalyzer.analyze(spec);

    assertTrue(a.valid(), a.problems()::toString);
    assertEquals(Shape.of(16 + 32, 8, 8), a.layer("cat").orElseThrow().outputShape());
  }

  @Test
  void concatenateOfDifferentSizesOutsideTheAxisSaysWhichAxis() {
    ModelSpec spec =
        ModelSpec.of(input(3, 8, 8), conv("a", 4, 3), conv("b", 4, 1).withInputs("input"), layer("cat", LayerType.CONCATENATE).withInputs("a", "b"));

    assertMentions(problemsOf(ModelAnalyzer.analyze(spec), "cat").get(0), "(N, 4, 6, 6) from 'a'", "(N, 4, 8, 8) from 'b'", "axis 1");
  }

  @Test
  void concatenateAlongAnAxisTheShapeDoesNotHave() {
    ModelSpec spec = ModelSpec.of(input(8), dense("a", 4), dense("b", 4).withInputs("input"), layer("cat", LayerType.CONCATENATE, "axis", 2).withInputs("a", "b"));

    assertMentions(problemsOf(ModelAnalyzer.analyze(spec), "cat").get(0), "axis 2 does not exist in (N, 4)", "from 1 to 1");
  }

  @Test
  void cycleNamesItsLayersAndTheConnectionToRemove() {
    // d2 reads sum, and sum reads d2
    ModelSpec spec = ModelSpec.of(input(4), dense("d1", 4), add("sum", "d1", "d2"), dense("d2", 4), dense("out", 2));

    ModelAnalysis a = ModelAnalyzer.analyze(spec);

    String expected = "is part of a cycle 'sum' -> 'd2' -> 'sum', but data must flow one way: disconnect 'd2' from 'sum'";
    assertEquals(List.of(expected), problemsOf(a, "sum"));
    assertEquals(List.of(expected), problemsOf(a, "d2"));
    assertTrue(problemsOf(a, "d1").isEmpty());
    assertNull(a.layer("out").orElseThrow().outputShape(), "nothing flows out of a cycle");
  }

  @Test
  void layerThatReadsItselfIsACycleOfOne() {
    ModelSpec spec = ModelSpec.of(input(4), dense("d1", 4).withInputs("d1"), dense("out", 2));

    assertEquals(
        List.of("is part of a cycle 'd1' -> 'd1', but data must flow one way: disconnect 'd1' from 'd1'"),
        problemsOf(ModelAnalyzer.analyze(spec), "d1"));
  }

  @Test
  void inputThatNamesNoLayerIsADanglingInput() {
    ModelSpec spec = ModelSpec.of(input(4), dense("d1", 4).withInputs("pool9"), dense("out", 2));

    ModelAnalysis a = ModelAnalyzer.analyze(spec);

    assertEquals(
        List.of("its input reads 'pool9', which is not a layer of this model: connect it to an existing layer"), problemsOf(a, "d1"));
  }

  @Test
  void openPortOfAnAddNamesThePort() {
    ModelSpec spec = ModelSpec.of(input(4), dense("d1", 4), add("sum", "d1", LayerSpec.UNCONNECTED), dense("out", 2));

    assertEquals(
        List.of("input port 2 is not connected: connect a layer to it, or remove the port"), problemsOf(ModelAnalyzer.analyze(spec), "sum"));
  }

  @Test
  void layerConnectedToNothingGetsOneMessage() {
    ModelSpec spec =
        ModelSpec.of(input(4), dense("d1", 4), dense("stray", 4).withInputs(LayerSpec.UNCONNECTED), dense("out", 2).withInputs("d1"));

    ModelAnalysis a = ModelAnalyzer.analyze(spec);

    assertEquals(List.of("is connected to nothing: connect it between two layers, or remove it"), problemsOf(a, "stray"));
    assertTrue(a.modelProblems().isEmpty(), "a stray layer is not a second output: " + a.modelProblems());
    assertEquals("out", a.outputId());
  }

  @Test
  void secondOutputAsksToConnectOrRemoveIt() {
    ModelSpec spec = ModelSpec.of(input(4), dense("d1", 4), dense("aux", 3).withInputs("input"), dense("out", 2).withInputs("d1"));

    ModelAnalysis a = ModelAnalyzer.analyze(spec);

    assertEquals(1, a.problems().size(), a.problems()::toString);
    assertMentions(
        a.modelProblems().get(0),
        "2 outputs ('aux', 'out')",
        "can have only one",
        "connect 'aux' to a layer that leads to 'out'",
        "or remove it");
    assertEquals("out", a.outputId());
  }

  @Test
  void singleInputLayerWithTwoInputsAsksForAMerge() {
    ModelSpec spec = ModelSpec.of(input(4), dense("a", 4), dense("b", 4).withInputs("input"), dense("out", 2).withInputs("a", "b"));

    assertMentions(
        problemsOf(ModelAnalyzer.analyze(spec), "out").get(0), "takes one input but 2 are connected ('a', 'b')", "Add or Concatenate");
  }

  @Test
  void addWithOneInputAsksForAnother() {
    ModelSpec spec = ModelSpec.of(input(4), dense("d1", 4), LayerSpec.of("sum", LayerType.ADD), dense("out", 2));

    assertMentions(problemsOf(ModelAnalyzer.analyze(spec), "sum").get(0), "two or more inputs but has one ('d1')", "connect another layer");
  }

  @Test
  void inputWithInputsAsksToRemoveThem() {
    ModelSpec spec = ModelSpec.of(input(4).withInputs("d1"), dense("d1", 2));

    assertMentions(problemsOf(ModelAnalyzer.analyze(spec), "input").get(0), "reads no other layer", "remove its inputs ('d1')");
  }

  @Test
  void inputThatNoLayerReadsAsksToConnectIt() {
    ModelSpec spec = ModelSpec.of(input(4), dense("d1", 2).withInputs(LayerSpec.UNCONNECTED));

    ModelAnalysis a = ModelAnalyzer.analyze(spec);

    assertMentions(problemsOf(a, "input").get(0), "no layer reads this Input");
    // the last layer is the model's output, so it is asked for an input rather than called a stray
    assertMentions(problemsOf(a, "d1").get(0), "has no input");
  }

  @Test
  void layerMayReadALayerFurtherDownTheList() {
    ModelSpec spec = ModelSpec.of(input(4), dense("out", 2).withInputs("hidden"), dense("hidden", 8).withInputs("input"));

    ModelAnalysis a = ModelAnalyzer.analyze(spec);

    assertTrue(a.valid(), a.problems()::toString);
    assertEquals("out", a.outputId());
    assertEquals(Shape.of(2), a.outputShape().orElseThrow());
    assertEquals(4 * 8 + 8 + 8 * 2 + 2, a.totalParameters());
  }

  @Test
  void classCountIsCheckedAtTheOutputLayerNotTheLastInTheList() {
    ModelSpec spec = ModelSpec.of(input(4), dense("out", 3).withInputs("hidden"), dense("hidden", 8).withInputs("input"));

    ModelAnalysis a = ModelAnalyzer.analyze(spec, new DataSignature(Shape.of(4), 5));

    assertMentions(a.modelProblems().get(0), "5 classes", "outputs 3", "set units of 'out' to 5");
  }

  @Test
  void sequentialModelReadsAsBefore() {
    ModelSpec spec = ModelSpec.of(input(4), dense("d1", 8), dense("d2", 2));

    ModelAnalysis a = ModelAnalyzer.analyze(spec);

    assertTrue(a.valid());
    assertEquals(List.of("input"), a.layer("d1").orElseThrow().inputIds());
    assertEquals(List.of(), a.layer("input").orElseThrow().inputIds());
    assertFalse(spec.layers().stream().anyMatch(LayerSpec::hasExplicitInputs));
  }
}
