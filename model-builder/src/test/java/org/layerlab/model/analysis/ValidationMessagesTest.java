package org.layerlab.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.model.TestLayers.conv;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.flatten;
import static org.layerlab.model.TestLayers.input;
import static org.layerlab.model.TestLayers.pool;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;

/** Every problem names the layer at fault (as {@link Problem#layerId()} or in the text) and says what to change. */
class ValidationMessagesTest {

  /** The one problem of the analysis; fails when there is none or more than one. */
  private static Problem onlyProblem(ModelAnalysis analysis) {
    List<Problem> problems = analysis.problems();
    assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
    assertFalse(analysis.valid());
    return problems.get(0);
  }

  private static void assertMentions(String text, String... fragments) {
    for (String f : fragments) {
      assertTrue(text.contains(f), () -> "expected '" + f + "' in: " + text);
    }
  }

  @Test
  void denseAfterConvWithoutFlattenAsksForFlatten() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(1, 28, 28), conv("conv1", 8, 3), dense("dense1", 10)));

    Problem p = onlyProblem(a);
    assertEquals("dense1", p.layerId());
    // conv1 outputs (8, 26, 26): the message shows it, asks for Flatten and says where
    assertMentions(p.message(), "(N, 8, 26, 26)", "Flatten", "conv1");
    assertNull(a.layer("dense1").orElseThrow().outputShape());
  }

  @Test
  void conv2dAfterFlattenNamesTheLayerBeforeIt() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(1, 28, 28), flatten("flat"), conv("conv1", 8, 3)));

    Problem p = onlyProblem(a);
    assertEquals("conv1", p.layerId());
    assertMentions(p.message(), "remove 'flat'", "(N, 784)");
  }

  @Test
  void conv2dRightAfterAFlatInputAsksForAnImageShapeNotToRemoveTheInput() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(784), conv("conv1", 8, 3)));

    Problem p = onlyProblem(a);
    assertEquals("conv1", p.layerId());
    assertMentions(p.message(), "Input shape", "channels, height, width");
    assertFalse(p.message().contains("remove 'input'"), p.message());
  }

  @Test
  void maxPoolAfterFlattenAsksToMoveItBeforeTheFlatten() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(1, 28, 28), flatten("flat"), pool("pool1", 2, 2), dense("out", 10)));

    Problem p = onlyProblem(a);
    assertEquals("pool1", p.layerId());
    assertMentions(p.message(), "before the Flatten");
  }

  @Test
  void maxPoolRightAfterAFlatInputAsksForAnImageShape() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(784), pool("pool1", 2, 2)));

    Problem p = onlyProblem(a);
    assertEquals("pool1", p.layerId());
    assertMentions(p.message(), "Input shape", "channels, height, width");
    assertFalse(p.message().contains("Flatten"), p.message());
  }

  @Test
  void firstLayerThatIsNotInputAsksForAnInput() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(dense("dense1", 10)));

    Problem p = onlyProblem(a);
    assertEquals("dense1", p.layerId());
    assertMentions(p.message(), "first layer must be an Input");
  }

  @Test
  void secondInputAsksToRemoveIt() {
    LayerSpec second = input(2).withId("input2");
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(2), second, dense("out", 3)));

    Problem p = a.problems().get(0);
    assertEquals("input2", p.layerId());
    assertMentions(p.message(), "only the first layer may be an Input", "remove this one");
    assertTrue(a.layer("input").orElseThrow().valid());
  }

  @Test
  void duplicateIdsAskTheSecondLayerForAnotherName() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(2), dense("hidden", 8), dense("hidden", 3)));

    assertTrue(a.layers().get(1).valid());
    LayerReport second = a.layers().get(2);
    assertFalse(second.valid());
    assertMentions(second.problems().get(0), "another layer is already called 'hidden'", "different name");
  }

  @Test
  void idThatIsNotANameIsRejected() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(2), dense("2 dense", 3)));

    Problem p = onlyProblem(a);
    assertEquals("2 dense", p.layerId());
    assertMentions(p.message(), "'2 dense'", "must start with a Latin letter");
  }

  @Test
  void kernelLargerThanItsInputAsksForASmallerKernel() {
    // (1, 2, 2) with kernel 3, valid: 2 - 3 + 1 = 0 rows
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(1, 2, 2), conv("conv1", 4, 3), flatten("f"), dense("out", 2)));

    Problem p = onlyProblem(a);
    assertEquals("conv1", p.layerId());
    assertMentions(p.message(), "kernel 3", "(N, 1, 2, 2)", "smaller kernel");
  }

  @Test
  void kernelLargerThanItsInputFitsWithSamePadding() {
    // (1, 2, 2) with kernel 3, same: p = 1, (2 + 2 - 3) / 1 + 1 = 2
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(1, 2, 2), conv("conv1", 4, 3, 1, "same"), flatten("f"), dense("out", 2)));

    assertTrue(a.valid(), a.problems()::toString);
    assertEquals(Shape.of(4, 2, 2), a.layer("conv1").orElseThrow().outputShape());
  }

  @Test
  void poolLargerThanItsInputAsksForASmallerPool() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(1, 1, 1), pool("pool1", 2, 2), flatten("f"), dense("out", 2)));

    Problem p = onlyProblem(a);
    assertEquals("pool1", p.layerId());
    assertMentions(p.message(), "pool 2", "smaller pool");
  }

  @Test
  void evenKernelWithSamePaddingSuggestsAnOddKernelOrValid() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(1, 28, 28), conv("conv1", 8, 4, 1, "same"), flatten("f"), dense("out", 10)));

    Problem p = onlyProblem(a);
    assertEquals("conv1", p.layerId());
    assertMentions(p.message(), "odd kernel", "kernel 5", "padding 'valid'");
  }

  static Stream<Arguments> outOfRangeSettings() {
    return Stream.of(
        Arguments.of(dense("layer", 0), "units", "1 to 100000", "got 0"),
        Arguments.of(dense("layer", 100_001), "units", "1 to 100000", "got 100001"),
        Arguments.of(conv("layer", 8, 16), "kernel", "1 to 15", "got 16"),
        Arguments.of(conv("layer", 0, 3), "filters", "1 to 4096", "got 0"),
        Arguments.of(conv("layer", 8, 3, 9, "valid"), "stride", "1 to 8", "got 9"),
        Arguments.of(conv("layer", 8, 3, 1, "full"), "padding", "valid, same", "'full'"),
        Arguments.of(new LayerSpec("layer", LayerType.DENSE, Map.of("activation", "gelu")), "activation", "relu", "'gelu'"),
        Arguments.of(pool("layer", 9, 2), "pool", "1 to 8", "got 9"),
        Arguments.of(new LayerSpec("layer", LayerType.DROPOUT, Map.of("rate", 0.99)), "rate", "0 to 0.95", "got 0.99"),
        Arguments.of(new LayerSpec("layer", LayerType.DROPOUT, Map.of("rate", -0.1)), "rate", "0 to 0.95", "got -0.1"));
  }

  @ParameterizedTest(name = "{1} {3}")
  @MethodSource("outOfRangeSettings")
  void settingOutOfRangeNamesTheSettingAndItsRange(LayerSpec layer, String setting, String range, String got) {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(1, 28, 28), layer));

    Problem p = a.problems().get(0);
    assertEquals("layer", p.layerId());
    assertTrue(p.message().startsWith(setting + " "), p.message());
    assertMentions(p.message(), range, got);
  }

  @Test
  void inputShapeWithAZeroNamesShapeAndRange() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(1, 0, 28)));

    Problem p = onlyProblem(a);
    assertEquals("input", p.layerId());
    assertMentions(p.message(), "shape", "1 to 1000000", "[1, 0, 28]");
  }

  @Test
  void modelEndingInAnImageAsksForFlattenAndDenseAfterTheLastLayer() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(1, 28, 28), conv("conv1", 8, 3)));

    Problem p = onlyProblem(a);
    assertNull(p.layerId());
    assertMentions(p.message(), "(N, 8, 26, 26)", "Flatten", "Dense", "after 'conv1'");
    assertTrue(a.outputShape().isEmpty());
  }

  @Test
  void emptyModelAsksForAnInput() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of());

    Problem p = onlyProblem(a);
    assertNull(p.layerId());
    assertMentions(p.message(), "no layers", "Input");
  }

  @Test
  void inputThatDoesNotMatchTheDatasetSaysWhichShapeToSet() {
    ModelSpec mlp = ModelSpec.of(input(784), dense("out", 10));

    ModelAnalysis a = ModelAnalyzer.analyze(mlp, new DataSignature(Shape.of(1, 28, 28), 10));

    Problem p = onlyProblem(a);
    assertEquals("input", p.layerId());
    assertMentions(p.message(), "(N, 1, 28, 28)", "(N, 784)", "set shape to 1, 28, 28");
  }

  @Test
  void classCountThatDoesNotMatchTheLastDenseSaysWhichUnitsToSet() {
    ModelSpec mlp = ModelSpec.of(input(2), dense("hidden", 16), dense("out", 3));

    ModelAnalysis a = ModelAnalyzer.analyze(mlp, new DataSignature(Shape.of(2), 5));

    Problem p = onlyProblem(a);
    assertNull(p.layerId());
    assertMentions(p.message(), "5 classes", "outputs 3", "set units of 'out' to 5");
  }

  @Test
  void classCountMismatchAfterASoftmaxAsksForADenseOfTheRightSize() {
    ModelSpec mlp = ModelSpec.of(input(2), dense("out", 3), LayerSpec.of("softmax", LayerType.SOFTMAX));

    ModelAnalysis a = ModelAnalyzer.analyze(mlp, new DataSignature(Shape.of(2), 4));

    assertMentions(onlyProblem(a).message(), "4 classes", "Dense layer of 4 units");
  }

  @Test
  void modelThatFitsItsDataHasNoProblems() {
    ModelSpec mlp = ModelSpec.of(input(1, 28, 28), flatten("flatten"), dense("hidden", 32), dense("out", 10));

    ModelAnalysis a = ModelAnalyzer.analyze(mlp, new DataSignature(Shape.of(1, 28, 28), 10));

    assertTrue(a.valid(), a.problems()::toString);
    assertTrue(a.problems().isEmpty());
    assertEquals(Shape.of(10), a.outputShape().orElseThrow());
  }

  @Test
  void problemPrintsTheLayerBeforeItsMessage() {
    assertEquals("dense1: fix it", new Problem("dense1", "fix it").toString());
    assertEquals("fix it", new Problem(null, "fix it").toString());
  }
}
