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
import org.layerlab.model.graph.ModelGraph;
import org.layerlab.model.layer.LayerType;

class BlockCompilerTest {

  private static final int N = 2;

  /** Small models that together contain every layer type and every activation, in the settings that change shapes. */
  static Stream<Arguments> models() {
    return Stream.concat(firstTenTypes(), catalogTypes());
  }

  private static Stream<Arguments> firstTenTypes() {
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
            "Conv2D dilation 2 and groups 2, same",
            ModelSpec.of(
                input(4, 9, 9),
                conv("conv1", 6, 3, 1, "same", "relu").with("dilation", 2).with("groups", 2),
                flatten("flatten"),
                dense("out", 3, "none"))),
        Arguments.of(
            "Conv2D dilation 3, stride 2, valid",
            ModelSpec.of(
                input(2, 11, 11),
                conv("conv1", 4, 3, 2, "valid", "none").with("dilation", 3),
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

  private static Stream<Arguments> catalogTypes() {
    return Stream.of(
        Arguments.of("Reshape with -1", classify(input(12), layer("reshape", LayerType.RESHAPE, Map.of("shape", List.of(3, -1))))),
        Arguments.of(
            "Reshape to an image",
            classify(
                input(12),
                layer("reshape", LayerType.RESHAPE, Map.of("shape", List.of(1, 3, 4))),
                conv("conv1", 2, 3, 1, "same", "none"))),
        Arguments.of("Embedding", classify(input(5), layer("embed", LayerType.EMBEDDING, Map.of("vocabulary", 11, "dimension", 4)))),
        Arguments.of("Conv1D valid", classify(input(2, 9), conv1d("conv1", 4, 3, 1, "valid", "none"))),
        Arguments.of(
            "Conv1D same, stride 2, dilation 2, groups 2, relu",
            classify(input(4, 11), conv1d("conv1", 6, 3, 2, "same", "relu").with("dilation", 2).with("groups", 2))),
        Arguments.of("Conv1D softmax", classify(input(2, 6), conv1d("conv1", 3, 3, 1, "valid", "softmax"))),
        Arguments.of("Conv2DTranspose valid, stride 2", classify(input(2, 3, 3), convT("up", 3, 3, 2, "valid", "none"))),
        Arguments.of("Conv2DTranspose same, stride 2, relu", classify(input(2, 3, 4), convT("up", 3, 3, 2, "same", "relu"))),
        Arguments.of("Conv2DTranspose same, kernel 5, stride 1", classify(input(1, 4, 4), convT("up", 2, 5, 1, "same", "tanh"))),
        Arguments.of("MaxPool1D", classify(input(2, 9), layer("pool", LayerType.MAX_POOL1D, Map.of("pool", 2, "stride", 2)))),
        Arguments.of("AvgPool1D overlapping", classify(input(2, 9), layer("pool", LayerType.AVG_POOL1D, Map.of("pool", 3, "stride", 1)))),
        Arguments.of(
            "AvgPool2D rounds down", classify(input(2, 7, 7), layer("pool", LayerType.AVG_POOL2D, Map.of("pool", 2, "stride", 2)))),
        Arguments.of("GlobalAvgPool2D", classify(input(3, 5, 4), layer("gap", LayerType.GLOBAL_AVG_POOL2D, Map.of()))),
        Arguments.of("BatchNorm on features", between(layer("bn", LayerType.BATCH_NORM, Map.of()))),
        Arguments.of("BatchNorm on a signal", classify(input(3, 6), layer("bn", LayerType.BATCH_NORM, Map.of("momentum", 0.2)))),
        Arguments.of("BatchNorm on images", classify(input(3, 4, 4), layer("bn", LayerType.BATCH_NORM, Map.of("epsilon", 1e-3)))),
        Arguments.of("LayerNorm on features", between(layer("ln", LayerType.LAYER_NORM, Map.of()))),
        Arguments.of("LayerNorm on a sequence", classify(input(5, 6), layer("ln", LayerType.LAYER_NORM, Map.of()))),
        Arguments.of("LayerNorm on images", classify(input(2, 3, 4), layer("ln", LayerType.LAYER_NORM, Map.of()))),
        Arguments.of("SimpleRNN last", classify(input(5, 3), recurrent("rnn", LayerType.SIMPLE_RNN, "last", "forward"))),
        Arguments.of(
            "SimpleRNN bidirectional sequences",
            classify(input(5, 3), recurrent("rnn", LayerType.SIMPLE_RNN, "sequences", "bidirectional"))),
        Arguments.of("LSTM bidirectional last", classify(input(5, 3), recurrent("lstm", LayerType.LSTM, "last", "bidirectional"))),
        Arguments.of("LSTM sequences", classify(input(5, 3), recurrent("lstm", LayerType.LSTM, "sequences", "forward"))),
        Arguments.of("GRU last", classify(input(5, 3), recurrent("gru", LayerType.GRU, "last", "forward"))),
        Arguments.of(
            "GRU bidirectional sequences", classify(input(5, 3), recurrent("gru", LayerType.GRU, "sequences", "bidirectional"))),
        Arguments.of(
            "MultiHeadAttention",
            classify(input(5, 8), layer("mha", LayerType.MULTI_HEAD_ATTENTION, Map.of("heads", 2, "dropout", 0.1)))),
        Arguments.of(
            "TransformerEncoder relu",
            classify(input(5, 8), layer("enc", LayerType.TRANSFORMER_ENCODER, Map.of("heads", 2, "feedForward", 16)))),
        Arguments.of(
            "TransformerEncoder gelu, one head",
            classify(
                input(4, 6),
                layer("enc", LayerType.TRANSFORMER_ENCODER, Map.of("heads", 1, "feedForward", 5, "activation", "gelu", "dropout", 0.0)))),
        Arguments.of("LeakyReLU", between(layer("act", LayerType.LEAKY_RELU, Map.of("negativeSlope", 0.2)))),
        Arguments.of("ELU", between(layer("act", LayerType.ELU, Map.of("alpha", 0.5)))),
        Arguments.of("GELU exact", between(layer("act", LayerType.GELU, Map.of()))),
        Arguments.of("GELU tanh", between(layer("act", LayerType.GELU, Map.of("approximate", "tanh")))),
        Arguments.of("SiLU", between(layer("act", LayerType.SILU, Map.of()))),
        Arguments.of("Add, residual", residual()),
        Arguments.of(
            "Add of three",
            ModelSpec.of(
                input(4),
                dense("a", 5, "relu"),
                dense("b", 5, "tanh").withInputs("input"),
                dense("c", 5, "none").withInputs("input"),
                layer("sum", LayerType.ADD, Map.of()).withInputs("a", "b", "c"),
                dense("out", 3, "none"))),
        Arguments.of("Concatenate features", concatenated()),
        Arguments.of(
            "Concatenate image channels",
            ModelSpec.of(
                input(2, 5, 5),
                conv("left", 3, 3, 1, "same", "relu"),
                conv("right", 4, 1, 1, "valid", "none").withInputs("input"),
                layer("join", LayerType.CONCATENATE, Map.of()).withInputs("left", "right", "input"),
                flatten("flatten"),
                dense("out", 3, "none"))),
        Arguments.of(
            "Concatenate along time",
            ModelSpec.of(
                input(4, 3),
                recurrent("rnn", LayerType.GRU, "sequences", "forward").with("units", 3),
                layer("join", LayerType.CONCATENATE, Map.of("axis", 1)).withInputs("rnn", "input"),
                layer("join2", LayerType.CONCATENATE, Map.of("axis", 2)).withInputs("join", "join"),
                flatten("flatten"),
                dense("out", 3, "none"))),
        Arguments.of("Softmax output listed before its input", softmaxListedFirst()));
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

  /**
   * Each layer's block, fed what the layers at its input ports produced, gives the analyzer's output shape and holds the analyzer's
   * parameters (see {@link #countsOf}); the whole block gives the model's output shape, in inference and with training switched on.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void djlParametersAndShapesMatchTheAnalyzerLayerByLayer(String name, ModelSpec spec) throws Exception {
    CompiledModel compiled = BlockCompiler.compileForInference(spec);
    ModelAnalysis analysis = ModelAnalyzer.analyze(spec);
    assertEquals(spec.size(), compiled.layerBlocks().size());
    ModelGraph graph = ModelGraph.of(spec);
    Shape inputShape = analysis.inputShape().orElseThrow();
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      compiled.block().initialize(manager, DataType.FLOAT32, BlockCompiler.batchShape(inputShape, N));
      assertEquals(analysis.totalParameters(), parameterCount(compiled.block()), "total parameters of " + name);
      assertEquals(new Counts(analysis.trainableParameters(), analysis.nonTrainableParameters()), countsOf(compiled.block()), name);

      ParameterStore store = new ParameterStore(manager, false);
      NDList x = new NDList(sampleBatch(manager, spec, N));
      NDArray[] outputs = new NDArray[spec.size()];
      for (int i : graph.topologicalOrder()) {
        LayerReport report = analysis.layers().get(i);
        NDList in = new NDList();
        if (i == 0) {
          in.add(x.head());
        }
        graph.inputs(i).forEach(from -> in.add(outputs[from]));
        outputs[i] = compiled.layerBlocks().get(i).forward(store, in, false).singletonOrThrow();
        String id = report.layer().id();
        assertEquals(BlockCompiler.batchShape(report.outputShape(), N), outputs[i].getShape(), "output of " + id);
        assertEquals(
            new Counts(report.trainableParameters(), report.nonTrainableParameters()),
            countsOf(compiled.layerBlocks().get(i)),
            "trainable and non-trainable parameters of " + id);
      }
      NDArray whole = compiled.block().forward(store, x, false).singletonOrThrow();
      assertEquals(BlockCompiler.batchShape(analysis.outputShape().orElseThrow(), N), whole.getShape());
      assertEquals(
          BlockCompiler.batchShape(analysis.outputShape().orElseThrow(), N),
          compiled.block().getOutputShapes(new ai.djl.ndarray.types.Shape[] {BlockCompiler.batchShape(inputShape, N)})[0]);
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
  void trainingBlockLeavesOutTheSoftmaxOfAGraphsOutputWhereverItIsListed() throws Exception {
    ModelSpec spec = softmaxListedFirst();
    assertTrue(BlockCompiler.endsInSoftmax(spec));
    CompiledModel training = BlockCompiler.compileForTraining(spec);
    assertTrue(training.trailingSoftmaxOmitted());
    assertFalse(rowsSumToOne(training), "training block outputs logits");
    assertTrue(rowsSumToOne(BlockCompiler.compileForInference(spec)), "inference block outputs probabilities");
  }

  @Test
  void refusesAnEmbeddingThatDoesNotReadTheInput() {
    ModelSpec spec =
        ModelSpec.of(
            input(4),
            dense("dense1", 5, "none"),
            layer("embed", LayerType.EMBEDDING, Map.of("vocabulary", 10, "dimension", 3)),
            flatten("flatten"),
            dense("out", 3, "none"));
    assertTrue(ModelAnalyzer.analyze(spec).valid(), "the analyzer accepts it");
    InvalidModelException e = assertThrows(InvalidModelException.class, () -> BlockCompiler.compileForTraining(spec));
    assertEquals("embed", e.problems().get(0).layerId());
    assertTrue(e.getMessage().contains("connect it directly to the Input layer"), e.getMessage());
  }

  /**
   * In a bidirectional layer the first H features of step t depend only on steps up to t, the last H only on steps from t on, and
   * 'last' returns the forward half of the last step joined with the backward half of the first step (PyTorch's {@code h_n}).
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(value = LayerType.class, names = {"SIMPLE_RNN", "LSTM", "GRU"})
  void bidirectionalLayersReadEachDirectionOnItsOwn(LayerType type) throws Exception {
    int t = 4;
    int h = 4;
    ModelSpec sequences = classify(input(t, 3), recurrent("rnn", type, "sequences", "bidirectional"));
    Block block = BlockCompiler.compileForInference(sequences).layerBlocks().get(1);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(1, t, 3);
      block.initialize(manager, DataType.FLOAT32, shape);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray x = manager.randomNormal(shape);
      NDArray lastChanged = x.get(":, :-1, :").concat(manager.full(new ai.djl.ndarray.types.Shape(1, 1, 3), 5f), 1);
      NDArray a = block.forward(store, new NDList(x), false).singletonOrThrow();
      NDArray b = block.forward(store, new NDList(lastChanged), false).singletonOrThrow();
      assertTrue(a.get(":, :-1, :" + h).allClose(b.get(":, :-1, :" + h)), "forward half before the changed last step");
      assertFalse(a.get(":, 0, " + h + ":").allClose(b.get(":, 0, " + h + ":")), "backward half at the first step sees the last");

      ModelSpec last = classify(input(t, 3), recurrent("rnn", type, "last", "bidirectional"));
      Block lastBlock = BlockCompiler.compileForInference(last).layerBlocks().get(1);
      lastBlock.initialize(manager, DataType.FLOAT32, shape);
      // the same weights: copy them parameter by parameter, both blocks list them in the same order
      List<Parameter> from = block.getParameters().values();
      List<Parameter> to = lastBlock.getParameters().values();
      assertEquals(from.size(), to.size());
      for (int i = 0; i < from.size(); i++) {
        to.get(i).getArray().set(from.get(i).getArray().toFloatArray());
      }
      NDArray state = lastBlock.forward(store, new NDList(x), false).singletonOrThrow();
      NDArray expected = a.get(":, -1, :" + h).concat(a.get(":, 0, " + h + ":"), 1);
      assertTrue(expected.allClose(state), "last = forward half of the last step, backward half of the first");
    }
  }

  /** PyTorch's momentum 0.1 weighs the new batch: one training batch moves the running mean from 0 to 0.1 times the batch mean. */
  @Test
  void batchNormMomentumIsTheWeightOfTheNewBatch() throws Exception {
    ModelSpec spec = classify(input(3), layer("bn", LayerType.BATCH_NORM, Map.of("momentum", 0.1)));
    Block bn = BlockCompiler.compileForTraining(spec).layerBlocks().get(1);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(8, 3);
      bn.initialize(manager, DataType.FLOAT32, shape);
      NDArray x = manager.randomNormal(shape).add(2);
      bn.forward(new ParameterStore(manager, false), new NDList(x), true);
      NDArray runningMean = bn.getParameters().get("runningMean").getArray();
      assertTrue(x.mean(new int[] {0}).mul(0.1f).allClose(runningMean, 1e-4, 1e-5, false), runningMean.toString());
    }
  }

  /** Checks the transposed convolution against its definition: each input value adds its kernel-scaled copy to the output. */
  @ParameterizedTest(name = "kernel {0}, stride {1}, {2}")
  @org.junit.jupiter.params.provider.CsvSource({"3, 2, valid", "3, 2, same", "1, 3, valid", "5, 1, same", "2, 3, valid"})
  void transposedConvolutionComputesWhatPyTorchDefines(int k, int s, String padding) throws Exception {
    int c = 2;
    int f = 3;
    int h = 3;
    int w = 2;
    ModelSpec spec = classify(input(c, h, w), convT("up", f, k, s, padding, "none"));
    if (!ModelAnalyzer.analyze(spec).valid()) {
      return; // an even kernel with 'same'
    }
    CompiledModel compiled = BlockCompiler.compileForInference(spec);
    Block up = compiled.layerBlocks().get(1);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(1, c, h, w);
      up.initialize(manager, DataType.FLOAT32, shape);
      NDArray x = manager.randomNormal(shape);
      NDArray bias = up.getParameters().get("bias").getArray();
      bias.set(manager.randomNormal(bias.getShape()).toFloatArray());
      float[] out = up.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow().toFloatArray();

      boolean same = "same".equals(padding);
      int p = same ? (k - 1) / 2 : 0;
      int outH = same ? h * s : (h - 1) * s + k;
      int outW = same ? w * s : (w - 1) * s + k;
      float[] xs = x.toFloatArray();
      float[] ws = up.getParameters().get("weight").getArray().toFloatArray(); // (C, F, k, k)
      float[] bs = bias.toFloatArray();
      float[] expected = new float[f * outH * outW];
      for (int o = 0; o < f; o++) {
        for (int i = 0; i < outH * outW; i++) {
          expected[o * outH * outW + i] = bs[o];
        }
      }
      for (int ci = 0; ci < c; ci++) {
        for (int i = 0; i < h; i++) {
          for (int j = 0; j < w; j++) {
            for (int o = 0; o < f; o++) {
              for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                  int y = i * s - p + a;
                  int z = j * s - p + b;
                  if (y >= 0 && y < outH && z >= 0 && z < outW) {
                    expected[(o * outH + y) * outW + z] += xs[(ci * h + i) * w + j] * ws[((ci * f + o) * k + a) * k + b];
                  }
                }
              }
            }
          }
        }
      }
      assertEquals(expected.length, out.length);
      for (int i = 0; i < out.length; i++) {
        assertEquals(expected[i], out[i], 1e-4f, "value " + i);
      }
    }
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

  /** Parameters split as the analyzer splits them. */
  record Counts(long trainable, long nonTrainable) {}

  /**
   * DJL's parameters of a block, split as the analyzer splits them. The analyzer counts PyTorch's {@code parameters()} as trainable
   * and PyTorch's float buffers (BatchNorm's running mean and variance) as non-trainable. DJL lists those running statistics as
   * parameters too, with {@code requiresGradient()} false, so: trainable = DJL parameters that require a gradient, non-trainable =
   * the others. For every other layer the two libraries hold the same tensors (recurrent layers: two bias vectors per direction in
   * both; attention: four projections with biases in both).
   */
  static Counts countsOf(Block block) {
    long trainable = 0;
    long frozen = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      long size = p.getValue().getArray().size();
      if (p.getValue().requiresGradient()) {
        trainable += size;
      } else {
        frozen += size;
      }
    }
    return new Counts(trainable, frozen);
  }

  /**
   * A random batch of {@code n} samples the model takes: whole-number token ids below the vocabulary, as floats like every batch,
   * when an Embedding reads the Input; standard normal values otherwise.
   */
  static NDArray sampleBatch(NDManager manager, ModelSpec spec, int n) {
    ai.djl.ndarray.types.Shape shape = BlockCompiler.batchShape(ModelAnalyzer.analyze(spec).inputShape().orElseThrow(), n);
    int vocabulary =
        spec.layers().stream()
            .filter(l -> l.type() == LayerType.EMBEDDING)
            .mapToInt(l -> l.intSetting("vocabulary"))
            .min()
            .orElse(0);
    if (vocabulary > 0) {
      return manager.randomInteger(0, vocabulary, shape, DataType.INT64).toType(DataType.FLOAT32, false);
    }
    return manager.randomNormal(shape);
  }

  /** The layers after an Input, then Flatten and Dense 3: a classifier around them. */
  static ModelSpec classify(LayerSpec input, LayerSpec... layers) {
    List<LayerSpec> all = new ArrayList<>();
    all.add(input);
    all.addAll(List.of(layers));
    all.add(flatten("flatten"));
    all.add(dense("out", 3, "none"));
    return new ModelSpec(all);
  }

  /** A residual block: Input (4), Dense 4 relu, Dense 4, Add of that and the Input, Dense 3. */
  static ModelSpec residual() {
    return ModelSpec.of(
        input(4),
        dense("dense1", 4, "relu"),
        dense("dense2", 4, "none"),
        layer("sum", LayerType.ADD, Map.of()).withInputs("dense2", "input"),
        dense("out", 3, "none"));
  }

  /** Two branches from the Input, Dense 5 and Dense 2, joined to 7 features, then Dense 3. */
  static ModelSpec concatenated() {
    return ModelSpec.of(
        input(4),
        dense("left", 5, "relu"),
        dense("right", 2, "tanh").withInputs("input"),
        layer("join", LayerType.CONCATENATE, Map.of()).withInputs("left", "right"),
        dense("out", 3, "none"));
  }

  /** A graph whose output, a Softmax, is not the last layer in the list. */
  static ModelSpec softmaxListedFirst() {
    return ModelSpec.of(
        input(4),
        dense("dense1", 4, "relu"),
        layer("soft", LayerType.SOFTMAX, Map.of()).withInputs("sum"),
        layer("sum", LayerType.ADD, Map.of()).withInputs("dense1", "input"));
  }

  static LayerSpec conv1d(String id, int filters, int kernel, int stride, String padding, String activation) {
    return new LayerSpec(
        id,
        LayerType.CONV1D,
        Map.of("filters", filters, "kernel", kernel, "stride", stride, "padding", padding, "activation", activation));
  }

  static LayerSpec convT(String id, int filters, int kernel, int stride, String padding, String activation) {
    return new LayerSpec(
        id,
        LayerType.CONV2D_TRANSPOSE,
        Map.of("filters", filters, "kernel", kernel, "stride", stride, "padding", padding, "activation", activation));
  }

  static LayerSpec recurrent(String id, LayerType type, String output, String direction) {
    return new LayerSpec(id, type, Map.of("units", 4, "output", output, "direction", direction));
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
