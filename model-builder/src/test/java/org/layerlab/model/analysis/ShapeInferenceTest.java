package org.layerlab.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.model.TestLayers.conv;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.flatten;
import static org.layerlab.model.TestLayers.input;
import static org.layerlab.model.TestLayers.pool;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;

/**
 * Output shapes and parameter counts, each expected value worked out by hand from the layer's formula:
 * Dense params = in * units + units; Conv2D params = C * k * k * F + F and side = floor((H + 2p - k) / s) + 1 with p = (k - 1) / 2 for
 * 'same' and 0 for 'valid'; MaxPool2D side = floor((H - pool) / stride) + 1.
 */
class ShapeInferenceTest {

  private static LayerReport report(ModelAnalysis analysis, String id) {
    return analysis.layer(id).orElseThrow();
  }

  @Test
  void inputOutputsItsShapeAndHasNoParameters() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(1, 28, 28), flatten("flatten"), dense("out", 10)));

    LayerReport in = report(a, "input");
    assertEquals(Shape.of(1, 28, 28), in.outputShape());
    assertEquals(0, in.parameters());
    assertEquals(Shape.of(1, 28, 28), a.inputShape().orElseThrow());
  }

  @Test
  void denseOutputsItsUnitsAndCountsWeightsPlusBiases() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(784), dense("hidden", 128), dense("out", 10)));

    LayerReport hidden = report(a, "hidden");
    assertEquals(Shape.of(784), hidden.inputShape());
    assertEquals(Shape.of(128), hidden.outputShape());
    assertEquals(784L * 128 + 128, hidden.parameters()); // 100,480
    assertEquals(784L * 128, hidden.macs());
    LayerReport out = report(a, "out");
    assertEquals(Shape.of(10), out.outputShape());
    assertEquals(128L * 10 + 10, out.parameters()); // 1,290
    assertEquals(784L * 128 + 128 + 128L * 10 + 10, a.totalParameters());
  }

  @ParameterizedTest(name = "({0},{1},{2}) conv F={3} k={4} s={5} {6} -> ({3},{7},{8}), {9} params")
  @CsvSource({
    // C, H,  W, F, k, s, padding, H', W', params       worked by hand
    "3, 32, 32, 32, 3, 1, valid, 30, 30, 896", //      (32-3)/1+1 = 30;          3*3*3*32+32 = 896
    "1, 28, 28,  8, 5, 1, same,  28, 28, 208", //      p=2: (28+4-5)/1+1 = 28;   1*5*5*8+8 = 208
    "1, 28, 28, 16, 3, 2, valid, 13, 13, 160", //      floor(25/2)+1 = 13;       1*3*3*16+16 = 160
    "3, 32, 32,  4, 3, 2, same,  16, 16, 112", //      p=1: floor(31/2)+1 = 16;  3*3*3*4+4 = 112
    "1, 10, 20,  2, 3, 1, valid,  8, 18,  20", //      10-3+1 = 8, 20-3+1 = 18;  1*3*3*2+2 = 20
    "64, 7,  7, 16, 1, 1, valid,  7,  7, 1040", //     1x1 kernel keeps 7;       64*1*1*16+16 = 1040
    "2,  5,  5,  3, 5, 1, valid,  1,  1, 153", //      kernel as large as input; 2*5*5*3+3 = 153
    "1,  9,  9,  1, 3, 3, valid,  3,  3,  10", //      floor(6/3)+1 = 3;         1*3*3*1+1 = 10
  })
  void conv2dFollowsTheWindowFormula(int c, int h, int w, int f, int k, int s, String padding, int outH, int outW, long params) {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(c, h, w), conv("conv", f, k, s, padding)));

    LayerReport conv = report(a, "conv");
    assertTrue(conv.valid(), conv.problems()::toString);
    assertEquals(Shape.of(f, outH, outW), conv.outputShape());
    assertEquals(params, conv.parameters());
  }

  @Test
  void conv2dCountsOneMultiplyAccumulatePerWeightAndOutputPosition() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(3, 32, 32), conv("conv", 32, 3)));

    // 30 x 30 output positions x 32 filters, each a dot product over 3 x 3 x 3 inputs
    assertEquals(30L * 30 * 32 * 3 * 3 * 3, report(a, "conv").macs());
  }

  @ParameterizedTest(name = "({0},{1},{2}) pool {3} stride {4} -> ({0},{5},{6})")
  @CsvSource({
    // C, H,  W, pool, stride, H', W'   worked by hand
    "32, 30, 30, 2, 2, 15, 15", //      (30-2)/2+1 = 15
    "64, 13, 13, 2, 2,  6,  6", //      floor(11/2)+1 = 6
    " 8,  7,  7, 3, 1,  5,  5", //      (7-3)/1+1 = 5
    " 4,  9,  9, 3, 3,  3,  3", //      (9-3)/3+1 = 3
    " 1,  5,  8, 2, 2,  2,  4", //      floor(3/2)+1 = 2, (8-2)/2+1 = 4
  })
  void maxPoolKeepsChannelsAndShrinksHeightAndWidth(int c, int h, int w, int p, int s, int outH, int outW) {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(c, h, w), pool("pool", p, s)));

    LayerReport pool = report(a, "pool");
    assertTrue(pool.valid(), pool.problems()::toString);
    assertEquals(Shape.of(c, outH, outW), pool.outputShape());
    assertEquals(0, pool.parameters());
  }

  @Test
  void flattenMultipliesAllDimensions() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(64, 4, 4), flatten("flatten"), dense("out", 10)));

    assertEquals(Shape.of(64 * 4 * 4), report(a, "flatten").outputShape());
    assertEquals(0, report(a, "flatten").parameters());
  }

  @Test
  void flattenOfAVectorKeepsIt() {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(2), flatten("flatten"), dense("out", 3)));

    assertEquals(Shape.of(2), report(a, "flatten").outputShape());
  }

  @ParameterizedTest
  @EnumSource(names = {"DROPOUT", "RELU", "SIGMOID", "TANH", "SOFTMAX"})
  void elementwiseLayersKeepTheShapeOfAnImageAndHaveNoParameters(LayerType type) {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(8, 6, 5), LayerSpec.of("layer", type)));

    LayerReport layer = report(a, "layer");
    assertTrue(layer.valid(), layer.problems()::toString);
    assertEquals(Shape.of(8, 6, 5), layer.outputShape());
    assertEquals(0, layer.parameters());
  }

  @ParameterizedTest
  @EnumSource(names = {"DROPOUT", "RELU", "SIGMOID", "TANH", "SOFTMAX"})
  void elementwiseLayersKeepTheShapeOfAVector(LayerType type) {
    ModelAnalysis a = ModelAnalyzer.analyze(ModelSpec.of(input(2), dense("hidden", 16), LayerSpec.of("layer", type), dense("out", 3)));

    assertTrue(a.valid(), a.problems()::toString);
    assertEquals(Shape.of(16), report(a, "layer").outputShape());
    assertEquals(0, report(a, "layer").parameters());
    // the layer adds nothing: 2*16+16 + 16*3+3
    assertEquals(2 * 16 + 16 + 16 * 3 + 3, a.totalParameters());
  }

  /** The CNN of the TensorFlow/Keras CIFAR-10 tutorial, whose summary famously reports 122,570 trainable parameters. */
  @Test
  void kerasCifar10TutorialCnnHas122570Parameters() {
    ModelSpec cnn =
        ModelSpec.of(
            input(3, 32, 32),
            conv("conv1", 32, 3),
            pool("pool1", 2, 2),
            conv("conv2", 64, 3),
            pool("pool2", 2, 2),
            conv("conv3", 64, 3),
            flatten("flatten"),
            dense("dense1", 64),
            dense("dense2", 10));

    ModelAnalysis a = ModelAnalyzer.analyze(cnn, new DataSignature(Shape.of(3, 32, 32), 10));

    assertTrue(a.valid(), a.problems()::toString);
    // conv1: 32 - 3 + 1 = 30; 3*3*3*32 + 32 = 896
    long conv1 = 3 * 3 * 3 * 32 + 32;
    assertEquals(Shape.of(32, 30, 30), report(a, "conv1").outputShape());
    assertEquals(conv1, report(a, "conv1").parameters());
    // pool1: (30 - 2) / 2 + 1 = 15
    assertEquals(Shape.of(32, 15, 15), report(a, "pool1").outputShape());
    // conv2: 15 - 3 + 1 = 13; 32*3*3*64 + 64 = 18,496
    long conv2 = 32 * 3 * 3 * 64 + 64;
    assertEquals(Shape.of(64, 13, 13), report(a, "conv2").outputShape());
    assertEquals(conv2, report(a, "conv2").parameters());
    // pool2: floor((13 - 2) / 2) + 1 = 6
    assertEquals(Shape.of(64, 6, 6), report(a, "pool2").outputShape());
    // conv3: 6 - 3 + 1 = 4; 64*3*3*64 + 64 = 36,928
    long conv3 = 64 * 3 * 3 * 64 + 64;
    assertEquals(Shape.of(64, 4, 4), report(a, "conv3").outputShape());
    assertEquals(conv3, report(a, "conv3").parameters());
    // flatten: 64 * 4 * 4 = 1,024
    assertEquals(Shape.of(1024), report(a, "flatten").outputShape());
    // dense1: 1024*64 + 64 = 65,600; dense2: 64*10 + 10 = 650
    long dense1 = 1024 * 64 + 64;
    long dense2 = 64 * 10 + 10;
    assertEquals(dense1, report(a, "dense1").parameters());
    assertEquals(dense2, report(a, "dense2").parameters());
    assertEquals(Shape.of(10), a.outputShape().orElseThrow());

    assertEquals(122_570L, conv1 + conv2 + conv3 + dense1 + dense2);
    assertEquals(122_570L, a.totalParameters());
  }

  @Test
  void everyLayerTypeIsCoveredByTheseTests() {
    // a new LayerType must come with shape and parameter tests here or in CatalogShapeTest
    assertEquals(
        List.of(
            "Input", "Dense", "Conv2D", "MaxPool2D", "Flatten", "Dropout", "ReLU", "Sigmoid", "Tanh", "Softmax", // first release
            "Reshape", "Embedding", "Conv1D", "Conv2DTranspose", "MaxPool1D", "AvgPool1D", "AvgPool2D", "GlobalAvgPool2D",
            "BatchNorm", "LayerNorm", "SimpleRNN", "LSTM", "GRU", "MultiHeadAttention", "TransformerEncoder", "LeakyReLU", "ELU",
            "GELU", "SiLU", "Add", "Concatenate"),
        List.of(LayerType.values()).stream().map(LayerType::jsonName).toList());
  }

  @Test
  void shapePrintsWithASymbolicBatchDimension() {
    assertEquals("(N, 1, 28, 28)", Shape.of(1, 28, 28).toString());
    assertEquals(1L * 28 * 28, Shape.of(1, 28, 28).elements());
  }
}
