package org.layerlab.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.LayerReport;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.layer.LayerType;

class BlockCompilerTest {

  private static final int N = 2;

  /** Small models that together contain every layer type and every activation, in the settings that change shapes. */
  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of("Dense", ModelSpec.of(input(2), dense("dense1", 5, "none"), dense("out", 3, "none"))),
        Arguments.of("Dense relu", ModelSpec.of(input(4), dense("dense1", 6, "relu"), dense("out", 3, "none"))),
        Arguments.of("Dense sigmoid", ModelSpec.of(input(4), dense("dense1", 6, "sigmoid"), dense("out", 3, "none"))),
        Arguments.of("Dense tanh", ModelSpec.of(input(4), dense("dense1", 6, "tanh"), dense("out", 3, "none"))),
        Arguments.of("Dense softmax", ModelSpec.of(input(4), dense("dense1", 6, "softmax"), dense("out", 3, "softmax"))),
        Arguments.of(
            "Conv2D valid",
            ModelSpec.of(input(1, 8, 8), conv("conv1", 4, 3, 1, "valid", "none"), flatten("flatten"), dense("out", 3, "none"))),
        Arguments.of(
            "Conv2D same, stride 2, relu",
            ModelSpec.of(input(3, 9, 9), conv("conv1", 5, 5, 2, "same", "relu"), flatten("flatten"), dense("out", 3, "none"))),
        Arguments.of(
            "Conv2D even kernel on an odd size",
            ModelSpec.of(input(2, 7, 7), conv("conv1", 3, 2, 2, "valid", "tanh"), flatten("flatten"), dense("out", 3, "none"))),
        Arguments.of(
            "Conv2D sigmoid and softmax activations",
            ModelSpec.of(
                input(2, 6, 6),
                conv("conv1", 3, 3, 1, "same", "sigmoid"),
                conv("conv2", 4, 3, 1, "valid", "softmax"),
                flatten("flatten"),
                dense("out", 3, "none"))),
        Arguments.of(
            "MaxPool2D rounds down",
            ModelSpec.of(input(1, 7, 7), pool("pool1", 2, 2), flatten("flatten"), dense("out", 3, "none"))),
        Arguments.of(
            "MaxPool2D overlapping windows",
            ModelSpec.of(input(2, 6, 6), pool("pool1", 3, 1), flatten("flatten"), dense("out", 2, "none"))),
        Arguments.of("Flatten", ModelSpec.of(input(2, 3, 4), flatten("flatten"), dense("out", 3, "none"))),
        Arguments.of("Flatten of a vector", ModelSpec.of(input(5), flatten("flatten"), dense("out", 3, "none"))),
        Arguments.of("Dropout", between(layer("drop", LayerType.DROPOUT, Map.of("rate", 0.3)))),
        Arguments.of("ReLU", between(layer("act", LayerType.RELU, Map.of()))),
        Arguments.of("Sigmoid", between(layer("act", LayerType.SIGMOID, Map.of()))),
        Arguments.of("Tanh", between(layer("act", LayerType.TANH, Map.of()))),
        Arguments.of("Softmax inside", ModelSpec.of(input(4), layer("soft", LayerType.SOFTMAX, Map.of()), dense("out", 3, "none"))),
        Arguments.of(
            "Softmax at the end", ModelSpec.of(input(4), dense("out", 3, "none"), layer("soft", LayerType.SOFTMAX, Map.of()))),
        Arguments.of(
            "Softmax over image channels",
            ModelSpec.of(input(3, 4, 4), layer("soft", LayerType.SOFTMAX, Map.of()), flatten("flatten"), dense("out", 2, "none"))),
        Arguments.of(
            "a small CNN",
            ModelSpec.of(
                input(1, 28, 28),
                conv("conv1", 8, 3, 1, "valid", "relu"),
                pool("pool1", 2, 2),
                conv("conv2", 16, 3, 1, "same", "relu"),
                pool("pool2", 2, 2),
                flatten("flatten"),
                dense("dense1", 32, "relu"),
                layer("drop", LayerType.DROPOUT, Map.of("rate", 0.5)),
                dense("out", 10, "none"))));
  }

  @Test
  void casesCoverEveryLayerTypeAndActivation() {
    Set<LayerType> types = EnumSet.noneOf(LayerType.class);
    Set<String> activations = new java.util.HashSet<>();
    models().forEach(
        a -> {
          for (LayerSpec l : ((ModelSpec) a.get()[1]).layers()) {
            types.add(l.type());
            if (l.type() == LayerType.DENSE || l.type() == LayerType.CONV2D) {
              activations.add(l.type() + " " + l.stringSetting("activation"));
            }
          }
        });
    assertEquals(EnumSet.allOf(LayerType.class), types);
    for (String a : List.of("none", "relu", "sigmoid", "tanh", "softmax")) {
      assertTrue(activations.contains("DENSE " + a), "Dense " + a);
      assertTrue(activations.contains("CONV2D " + a), "Conv2D " + a);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void djlParametersAndShapesMatchTheAnalyzerLayerByLayer(String name, ModelSpec spec) throws Exception {
    CompiledModel compiled = BlockCompiler.compileForInference(spec);
    ModelAnalysis analysis = ModelAnalyzer.analyze(spec);
    assertEquals(spec.size(), compiled.layerBlocks().size());
    Shape inputShape = analysis.inputShape().orElseThrow();
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      compiled.block().initialize(manager, DataType.FLOAT32, BlockCompiler.batchShape(inputShape, N));
      assertEquals(analysis.totalParameters(), parameterCount(compiled.block()), "total parameters of " + name);

      ParameterStore store = new ParameterStore(manager, false);
      NDList x = new NDList(manager.randomNormal(BlockCompiler.batchShape(inputShape, N)));
      NDList current = x;
      for (int i = 0; i < spec.size(); i++) {
        LayerReport report = analysis.layers().get(i);
        Block block = compiled.layerBlocks().get(i);
        current = block.forward(store, current, false);
        assertEquals(
            BlockCompiler.batchShape(report.outputShape(), N), current.singletonOrThrow().getShape(), "output of " + report.layer().id());
        assertEquals(report.parameters(), parameterCount(block), "parameters of " + report.layer().id());
      }
      NDArray whole = compiled.block().forward(store, x, false).singletonOrThrow();
      assertEquals(BlockCompiler.batchShape(analysis.outputShape().orElseThrow(), N), whole.getShape());
      // The training block (training switches on: dropout active) gives the same shape.
      NDArray training = compiled.block().forward(store, x, true).singletonOrThrow();
      assertEquals(whole.getShape(), training.getShape());
    }
  }

  @Test
  void trainingBlockLeavesOutATrailingSoftmaxLayerAndInferenceKeepsIt() throws Exception {
    ModelSpec spec = ModelSpec.of(input(4), dense("out", 3, "none"), layer("soft", LayerType.SOFTMAX, Map.of()));
    CompiledModel training = BlockCompiler.compileForTraining(spec);
    CompiledModel inference = BlockCompiler.compileForInference(spec);
    assertTrue(training.trailingSoftmaxOmitted());
    assertFalse(inference.trailingSoftmaxOmitted());
    assertFalse(rowsSumToOne(training), "training block outputs logits");
    assertTrue(rowsSumToOne(inference), "inference block outputs probabilities");
  }

  @Test
  void trainingBlockLeavesOutATrailingSoftmaxActivation() throws Exception {
    ModelSpec spec = ModelSpec.of(input(4), dense("dense1", 5, "softmax"), dense("out", 3, "softmax"));
    CompiledModel training = BlockCompiler.compileForTraining(spec);
    assertTrue(training.trailingSoftmaxOmitted());
    assertFalse(rowsSumToOne(training));
    assertTrue(rowsSumToOne(BlockCompiler.compileForInference(spec)));
  }

  @Test
  void softmaxInsideTheModelIsKeptForTraining() throws Exception {
    ModelSpec spec = ModelSpec.of(input(4), layer("soft", LayerType.SOFTMAX, Map.of()), dense("out", 3, "none"));
    assertFalse(BlockCompiler.compileForTraining(spec).trailingSoftmaxOmitted());
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      Block soft = BlockCompiler.compileForTraining(spec).layerBlocks().get(1);
      soft.initialize(manager, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(N, 4));
      NDList x = new NDList(manager.randomNormal(new ai.djl.ndarray.types.Shape(N, 4)));
      NDArray out = soft.forward(new ParameterStore(manager, false), x, false).singletonOrThrow();
      assertArrayEquals1(out.sum(new int[] {1}).toFloatArray());
    }
  }

  @Test
  void softmaxOnImagesNormalisesOverChannels() throws Exception {
    ModelSpec spec =
        ModelSpec.of(input(3, 4, 4), layer("soft", LayerType.SOFTMAX, Map.of()), flatten("flatten"), dense("out", 2, "none"));
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      Block soft = BlockCompiler.compileForInference(spec).layerBlocks().get(1);
      ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(N, 3, 4, 4);
      soft.initialize(manager, DataType.FLOAT32, shape);
      NDArray out = soft.forward(new ParameterStore(manager, false), new NDList(manager.randomNormal(shape)), false).singletonOrThrow();
      assertArrayEquals1(out.sum(new int[] {1}).toFloatArray());
    }
  }

  @Test
  void refusesAnInvalidModelWithTheAnalyzerMessages() {
    ModelSpec spec = ModelSpec.of(input(1, 28, 28), dense("dense1", 10, "none"));
    InvalidModelException e = assertThrows(InvalidModelException.class, () -> BlockCompiler.compileForTraining(spec));
    assertEquals("dense1", e.problems().get(0).layerId());
    assertTrue(e.getMessage().contains("layer 'dense1'"), e.getMessage());
    assertTrue(e.getMessage().contains("add a Flatten layer"), e.getMessage());
  }

  @Test
  void convolutionForwardAndBackwardGivesEveryParameterAGradient() throws Exception {
    ModelSpec spec =
        ModelSpec.of(
            input(1, 8, 8),
            conv("conv1", 4, 3, 1, "same", "relu"),
            pool("pool1", 2, 2),
            conv("conv2", 6, 3, 2, "valid", "none"),
            flatten("flatten"),
            dense("out", 3, "none"));
    CompiledModel compiled = BlockCompiler.compileForTraining(spec);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      Engine.getInstance().setRandomSeed(1);
      ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(N, 1, 8, 8);
      compiled.block().initialize(manager, DataType.FLOAT32, shape);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray x = manager.randomNormal(shape);
      NDArray y = manager.create(new int[] {0, 2});
      NDArray loss;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDList logits = compiled.block().forward(store, new NDList(x), true);
        assertEquals(new ai.djl.ndarray.types.Shape(N, 3), logits.singletonOrThrow().getShape());
        loss = new SoftmaxCrossEntropyLoss().evaluate(new NDList(y), logits);
        collector.backward(loss);
      }
      assertTrue(Float.isFinite(loss.getFloat()) && loss.getFloat() > 0, "loss " + loss.getFloat());
      List<String> names = new ArrayList<>();
      for (Pair<String, Parameter> p : compiled.block().getParameters()) {
        NDArray value = p.getValue().getArray();
        NDArray gradient = value.getGradient();
        assertNotNull(gradient, p.getKey());
        assertEquals(value.getShape(), gradient.getShape(), p.getKey());
        assertTrue(gradient.abs().sum().getFloat() > 0, "gradient of " + p.getKey() + " is zero");
        names.add(p.getKey());
      }
      assertEquals(6, names.size(), "weight and bias of two convolutions and one dense layer: " + names);
    }
  }

  private static boolean rowsSumToOne(CompiledModel compiled) {
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(N, 4);
      compiled.block().initialize(manager, DataType.FLOAT32, shape);
      NDList x = new NDList(manager.randomNormal(shape).mul(3));
      NDArray out = compiled.block().forward(new ParameterStore(manager, false), x, false).singletonOrThrow();
      float[] sums = out.sum(new int[] {1}).toFloatArray();
      float[] values = out.toFloatArray();
      boolean probabilities = Arrays.stream(toDoubles(values)).allMatch(v -> v >= 0 && v <= 1);
      return probabilities && Math.abs(sums[0] - 1) < 1e-5 && Math.abs(sums[1] - 1) < 1e-5;
    }
  }

  private static double[] toDoubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  private static void assertArrayEquals1(float[] sums) {
    for (float s : sums) {
      assertEquals(1f, s, 1e-5f);
    }
  }

  static long parameterCount(Block block) {
    long n = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      n += p.getValue().getArray().size();
    }
    return n;
  }

  /** Input (4), Dense 8, the layer, Dense 3. */
  static ModelSpec between(LayerSpec layer) {
    return ModelSpec.of(input(4), dense("dense1", 8, "none"), layer, dense("out", 3, "none"));
  }

  static LayerSpec input(int... shape) {
    return new LayerSpec("input", LayerType.INPUT, Map.of("shape", Arrays.stream(shape).boxed().toList()));
  }

  static LayerSpec dense(String id, int units, String activation) {
    return new LayerSpec(id, LayerType.DENSE, Map.of("units", units, "activation", activation));
  }

  static LayerSpec conv(String id, int filters, int kernel, int stride, String padding, String activation) {
    return new LayerSpec(
        id,
        LayerType.CONV2D,
        Map.of("filters", filters, "kernel", kernel, "stride", stride, "padding", padding, "activation", activation));
  }

  static LayerSpec pool(String id, int pool, int stride) {
    return new LayerSpec(id, LayerType.MAX_POOL2D, Map.of("pool", pool, "stride", stride));
  }

  static LayerSpec flatten(String id) {
    return LayerSpec.of(id, LayerType.FLATTEN);
  }

  static LayerSpec layer(String id, LayerType type, Map<String, Object> settings) {
    return new LayerSpec(id, type, settings);
  }
}
