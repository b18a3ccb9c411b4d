package org.layerlab.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.model.TestLayers.conv;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.flatten;
import static org.layerlab.model.TestLayers.input;
import static org.layerlab.model.TestLayers.layer;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;

/**
 * Shapes, parameters and multiply-accumulates of the layers added for graphs, each expected value worked out here from PyTorch's
 * definition of the layer (its constructor's weight and bias shapes) and the output-size rule in its documentation.
 */
class CatalogShapeTest {

  /** The report of {@code id} in a model of {@code layers}, which must be valid there. */
  private static LayerReport valid(String id, LayerSpec... layers) {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(layers));
    LayerReport r = a.layer(id).orElseThrow();
    assertTrue(r.valid(), r.problems()::toString);
    return r;
  }

  /** The one problem of {@code id}, which must be invalid. */
  private static String problem(String id, LayerSpec... layers) {
    LayerReport r = ModelAnalyzer.analyze(ModelSpec.of(layers)).layer(id).orElseThrow();
    assertEquals(1, r.problems().size(), r.problems()::toString);
    assertNull(r.outputShape());
    return r.problems().get(0);
  }

  private static void assertMentions(String text, String... fragments) {
    for (String f : fragments) {
      assertTrue(text.contains(f), () -> "expected '" + f + "' in: " + text);
    }
  }

  @ParameterizedTest(name = "({0},{1},{2}) F={3} k={4} s={5} d={6} g={7} {8} -> ({3},{9},{10})")
  @CsvSource({
    // C,  H,  W,  F, k, s, d, g, padding, H', W'   by hand: span = d(k-1)+1, side = floor((H + 2p - span) / s) + 1
    " 3, 32, 32, 16, 3, 1, 2, 1, valid, 28, 28", // span 5: 32 - 5 + 1 = 28
    " 3, 32, 32, 16, 3, 1, 2, 1, same,  32, 32", // p = d(k-1)/2 = 2: 32 + 4 - 5 + 1 = 32
    "16,  8,  8, 32, 3, 1, 1, 4, same,   8,  8", // groups only change the weights
    "16,  8,  8, 16, 3, 2, 1, 16, same,  4,  4", // depthwise: floor((8 + 2 - 3) / 2) + 1 = 4
    " 1, 28, 28,  4, 5, 1, 3, 1, valid, 16, 16", // span 13: 28 - 13 + 1 = 16
  })
  void conv2dWithDilationAndGroups(int c, int h, int w, int f, int k, int s, int d, int g, String padding, int oh, int ow) {
    LayerSpec conv = layer("conv", LayerType.CONV2D, "filters", f, "kernel", k, "stride", s, "dilation", d, "groups", g, "padding", padding);

    LayerReport r = valid("conv", input(c, h, w), conv);

    assertEquals(Shape.of(f, oh, ow), r.outputShape());
    long weights = (long) (c / g) * k * k * f; // PyTorch weight (F, C / groups, k, k)
    assertEquals(weights + f, r.parameters());
    assertEquals((long) oh * ow * weights, r.macs());
  }

  @Test
  void groupsThatDoNotDivideTheChannelsListTheOnesThatDo() {
    String p = problem("conv", input(16, 8, 8), layer("conv", LayerType.CONV2D, "filters", 32, "groups", 3));

    // common divisors of 16 and 32: 1, 2, 4, 8, 16
    assertMentions(p, "groups 3", "16 input channels", "32 filters", "1, 2, 4, 8 or 16");
  }

  @ParameterizedTest(name = "({0},{1}) F={2} k={3} s={4} d={5} {6} -> ({2},{7})")
  @CsvSource({
    // C,   L, F, k, s, d, padding, L'   by hand
    " 4, 100, 8, 5, 2, 1, valid, 48", // floor((100 - 5) / 2) + 1 = 48
    " 4, 100, 8, 5, 2, 1, same,  50", // p = 2: floor((100 + 4 - 5) / 2) + 1 = 50
    " 1,  16, 2, 3, 1, 4, valid,  8", // span 9: 16 - 9 + 1 = 8
  })
  void conv1dSlidesAlongTheLength(int c, int len, int f, int k, int s, int d, String padding, int outLen) {
    LayerSpec conv = layer("conv", LayerType.CONV1D, "filters", f, "kernel", k, "stride", s, "dilation", d, "padding", padding);

    LayerReport r = valid("conv", input(c, len), conv);

    assertEquals(Shape.of(f, outLen), r.outputShape());
    assertEquals((long) c * k * f + f, r.parameters());
    assertEquals((long) outLen * c * k * f, r.macs());
  }

  @Test
  void conv1dOnAFlatInputAsksForChannelsAndLength() {
    assertMentions(problem("conv", input(100), LayerSpec.of("conv", LayerType.CONV1D)), "(N, C, L)", "(N, 100)", "channels, length");
  }

  @ParameterizedTest(name = "({0},{1},{1}) F={2} k={3} s={4} {5} -> ({2},{6},{6})")
  @CsvSource({
    // C, H, F, k, s, padding, H'   by hand: valid (H - 1) s + k, same H s
    "16, 7, 8, 3, 2, valid, 15",
    "16, 7, 8, 3, 2, same,  14",
    " 1, 4, 1, 2, 2, valid,  8",
    " 3, 5, 2, 5, 1, valid,  9",
  })
  void transposedConvolutionGrowsTheImage(int c, int h, int f, int k, int s, String padding, int oh) {
    LayerSpec up = layer("up", LayerType.CONV2D_TRANSPOSE, "filters", f, "kernel", k, "stride", s, "padding", padding);

    LayerReport r = valid("up", input(c, h, h), up);

    assertEquals(Shape.of(f, oh, oh), r.outputShape());
    long weights = (long) c * f * k * k; // PyTorch weight (C, F, k, k)
    assertEquals(weights + f, r.parameters());
    assertEquals((long) h * h * weights, r.macs());
  }

  @ParameterizedTest
  @EnumSource(names = {"MAX_POOL1D", "AVG_POOL1D"})
  void pooling1dShrinksTheLength(LayerType type) {
    LayerReport r = valid("pool", input(6, 31), layer("pool", type, "pool", 3, "stride", 2));

    assertEquals(Shape.of(6, 15), r.outputShape()); // floor((31 - 3) / 2) + 1 = 15
    assertEquals(0, r.parameters());
  }

  @Test
  void averagePooling2dFollowsTheWindowRule() {
    LayerReport r = valid("pool", input(3, 9, 10), layer("pool", LayerType.AVG_POOL2D, "pool", 2, "stride", 2));

    assertEquals(Shape.of(3, 4, 5), r.outputShape()); // floor(7 / 2) + 1 = 4, floor(8 / 2) + 1 = 5
  }

  @Test
  void globalAveragePoolingKeepsOneValuePerChannel() {
    assertEquals(Shape.of(64), valid("gap", input(64, 8, 8), LayerSpec.of("gap", LayerType.GLOBAL_AVG_POOL2D)).outputShape());
  }

  @Test
  void reshapeGivesTheValuesANewShape() {
    assertEquals(Shape.of(64, 4, 4), valid("r", input(1024), layer("r", LayerType.RESHAPE, "shape", "64, 4, 4")).outputShape());
    // -1 takes what is left: 1024 / (4 * 4) = 64
    assertEquals(Shape.of(64, 4, 4), valid("r", input(1024), layer("r", LayerType.RESHAPE, "shape", "-1, 4, 4")).outputShape());
  }

  @Test
  void reshapeToTheWrongSizeSaysWhatTheSizesMustMultiplyTo() {
    assertMentions(problem("r", input(1000), layer("r", LayerType.RESHAPE, "shape", "64, 4, 4")), "1000", "1024", "multiply to 1000");
    assertMentions(problem("r", input(1000), layer("r", LayerType.RESHAPE, "shape", "-1, 3")), "not a multiple of 3");
    assertMentions(problem("r", input(12), layer("r", LayerType.RESHAPE, "shape", "-1, -1")), "-1 only once");
  }

  @Test
  void embeddingTurnsTokenIdsIntoVectors() {
    LayerReport r = valid("emb", input(100), layer("emb", LayerType.EMBEDDING, "vocabulary", 1000, "dimension", 16));

    assertEquals(Shape.of(100, 16), r.outputShape());
    assertEquals(1000L * 16, r.parameters());
  }

  @Test
  void embeddingAfterAnImageInputAsksForTokenIds() {
    assertMentions(problem("emb", input(1, 28, 28), LayerSpec.of("emb", LayerType.EMBEDDING)), "token ids", "number of tokens");
  }

  @Test
  void batchNormHasTwoTrainableAndTwoRunningValuesPerChannel() {
    LayerReport image = valid("bn", input(32, 8, 8), LayerSpec.of("bn", LayerType.BATCH_NORM));
    LayerReport vector = valid("bn", input(50), LayerSpec.of("bn", LayerType.BATCH_NORM));

    assertEquals(Shape.of(32, 8, 8), image.outputShape());
    assertEquals(2 * 32, image.trainableParameters()); // weight and bias
    assertEquals(2 * 32, image.nonTrainableParameters()); // running mean and variance
    assertEquals(4 * 32, image.parameters());
    assertEquals(2 * 50, vector.trainableParameters());
  }

  @Test
  void layerNormScalesAndShiftsTheLastAxis() {
    LayerReport r = valid("ln", input(10, 32), LayerSpec.of("ln", LayerType.LAYER_NORM));

    assertEquals(Shape.of(10, 32), r.outputShape());
    assertEquals(2 * 32, r.parameters());
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "SIMPLE_RNN, last, forward",
    "LSTM, last, forward",
    "GRU, last, forward",
    "SIMPLE_RNN, sequences, bidirectional",
    "LSTM, sequences, bidirectional",
    "GRU, last, bidirectional",
  })
  void recurrentLayersCountBothBiasVectorsAsPyTorchDoes(LayerType type, String output, String direction) {
    int t = 20;
    int f = 8;
    int h = 16;
    LayerSpec rnn = layer("rnn", type, "units", h, "output", output, "direction", direction);

    LayerReport r = valid("rnn", input(t, f), rnn);

    int gates = type == LayerType.LSTM ? 4 : type == LayerType.GRU ? 3 : 1;
    int directions = direction.equals("bidirectional") ? 2 : 1;
    // PyTorch: weight_ih (gates H, F), weight_hh (gates H, H), bias_ih and bias_hh (gates H) per direction
    long perDirection = (long) gates * h * f + (long) gates * h * h + 2L * gates * h;
    assertEquals(directions * perDirection, r.parameters());
    assertEquals((long) t * directions * gates * (h * f + h * h), r.macs());
    assertEquals(output.equals("last") ? Shape.of(directions * h) : Shape.of(t, directions * h), r.outputShape());
  }

  @Test
  void lstmOnAFlatInputAsksForTimeStepsAndFeatures() {
    assertMentions(problem("lstm", input(784), LayerSpec.of("lstm", LayerType.LSTM)), "(N, T, F)", "time steps, features", "Embedding");
  }

  @Test
  void lstmAfterAnLstmThatPassesOnlyItsLastStateAsksForSequences() {
    String p = problem("second", input(20, 8), LayerSpec.of("first", LayerType.LSTM), LayerSpec.of("second", LayerType.LSTM));

    assertMentions(p, "set output of 'first' to sequences");
  }

  @Test
  void denseAfterAnLstmThatPassesSequencesAsksForItsLastState() {
    String p = problem("out", input(20, 8), layer("lstm", LayerType.LSTM, "output", "sequences"), dense("out", 2));

    assertMentions(p, "(N, 20, 64)", "set output of 'lstm' to last", "Flatten");
  }

  @Test
  void multiHeadAttentionKeepsTheSequenceAndHasFourProjections() {
    int t = 10;
    int f = 32;

    LayerReport r = valid("att", input(t, f), layer("att", LayerType.MULTI_HEAD_ATTENTION, "heads", 4));

    assertEquals(Shape.of(t, f), r.outputShape());
    // PyTorch: in_proj_weight (3F, F), in_proj_bias (3F), out_proj weight (F, F) and bias (F)
    assertEquals(3L * f * f + 3 * f + (long) f * f + f, r.parameters());
    assertEquals(4L * t * f * f + 2L * t * t * f, r.macs());
  }

  @Test
  void transformerEncoderAddsFeedForwardAndTwoLayerNorms() {
    int t = 10;
    int f = 32;
    int ff = 64;

    LayerReport r = valid("enc", input(t, f), layer("enc", LayerType.TRANSFORMER_ENCODER, "heads", 2, "feedForward", ff));

    long attention = 3L * f * f + 3 * f + (long) f * f + f;
    long linear1 = (long) f * ff + ff;
    long linear2 = (long) ff * f + f;
    long norms = 2 * (2L * f);
    assertEquals(attention + linear1 + linear2 + norms, r.parameters());
    assertEquals(Shape.of(t, f), r.outputShape());
  }

  @Test
  void headsThatDoNotDivideTheFeaturesSuggestOnesThatDo() {
    String p = problem("att", input(10, 30), layer("att", LayerType.MULTI_HEAD_ATTENTION, "heads", 4));

    // divisors of 30: 1, 2, 3, 5, 6, 10, 15, 30
    assertMentions(p, "30 features", "4 heads", "1, 2, 3, 5, 6, 10, 15 or 30");
  }

  @ParameterizedTest
  @EnumSource(names = {"LEAKY_RELU", "ELU", "GELU", "SILU"})
  void newActivationsKeepTheShapeAndHaveNoParameters(LayerType type) {
    LayerReport r = valid("act", input(8, 6, 5), LayerSpec.of("act", type));

    assertEquals(Shape.of(8, 6, 5), r.outputShape());
    assertEquals(0, r.parameters());
  }

  @Test
  void theIssuesExampleNamesTheFlattenToRemoveAndOffersAReshape() {
    ModelAnalysis a =
        ModelAnalyzer.analyze(ModelSpec.of(input(64, 4, 4), flatten("flatten1"), conv("conv3", 8, 3), flatten("f"), dense("out", 2)));

    assertEquals(
        "conv3: expects input (N, C, H, W) but receives (N, 1024): remove 'flatten1' before it, or add a Reshape to channels, height,"
            + " width",
        a.problems().get(0).toString());
  }

  @Test
  void activationMemoryCountsEveryOutputAsFloat32() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(1, 28, 28), conv("conv", 8, 3), flatten("flat"), dense("out", 10)));

    // conv (8, 26, 26), flatten 5408, dense 10; the input itself is counted apart
    long values = 8L * 26 * 26 + 8L * 26 * 26 + 10;
    assertEquals(values * 4, a.activationBytes());
    assertEquals(28L * 28 * 4, a.inputBytes());
  }

  @Test
  void invalidLayerHasNoActivationMemory() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(784), conv("conv", 8, 3)));

    assertFalse(a.valid());
    assertEquals(0, a.layer("conv").orElseThrow().activationBytes());
    assertEquals(List.of(Shape.of(784)), a.layer("conv").orElseThrow().inputShapes());
  }
}
