package org.layerlab.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.runtime.compile.BlockCompilerTest.classify;
import static org.layerlab.runtime.compile.BlockCompilerTest.conv;
import static org.layerlab.runtime.compile.BlockCompilerTest.conv1d;
import static org.layerlab.runtime.compile.BlockCompilerTest.dense;
import static org.layerlab.runtime.compile.BlockCompilerTest.input;
import static org.layerlab.runtime.compile.BlockCompilerTest.layer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.template.ModelTemplate;

/** Every catalog layer, two branching graphs and every template compile to DJL and train or run there. */
class CatalogTrainingTest {

  private static final int BATCH = 4;
  private static final int CLASSES = 3;

  /** One tiny classifier per layer type; a layer without parameters follows one with, so that its backward pass is exercised. */
  static Stream<Arguments> oneModelPerType() {
    return Arrays.stream(LayerType.values()).map(t -> Arguments.of(t, modelAround(t)));
  }

  private static ModelSpec modelAround(LayerType type) {
    LayerSpec it = LayerSpec.of("it", type);
    return switch (type) {
      case INPUT -> classify(input(2, 3));
      case DENSE -> classify(input(5), dense("it", 6, "relu"));
      case FLATTEN -> ModelSpec.of(input(2, 4, 4), conv("conv", 2, 3, 1, "valid", "none"), it, dense("out", CLASSES, "none"));
      case DROPOUT, RELU, SIGMOID, TANH, SOFTMAX, LEAKY_RELU, ELU, GELU, SILU, BATCH_NORM, LAYER_NORM ->
          classify(input(5), dense("before", 6, "none"), it);
      case RESHAPE -> classify(input(5), dense("before", 12, "none"), it.with("shape", List.of(3, -1)));
      case EMBEDDING -> classify(input(6), it.with("vocabulary", 10).with("dimension", 3));
      case CONV2D -> classify(input(2, 6, 6), it.with("filters", 4).with("padding", "same").with("dilation", 2).with("groups", 2));
      case CONV2D_TRANSPOSE -> classify(input(2, 3, 3), it.with("filters", 3).with("padding", "same"));
      case MAX_POOL2D, AVG_POOL2D, GLOBAL_AVG_POOL2D -> classify(input(2, 6, 6), conv("before", 3, 3, 1, "same", "none"), it);
      case CONV1D -> classify(input(2, 8), it.with("filters", 4).with("stride", 2));
      case MAX_POOL1D, AVG_POOL1D -> classify(input(2, 8), conv1d("before", 3, 3, 1, "same", "none"), it);
      case SIMPLE_RNN, GRU -> classify(input(5, 3), it.with("units", 4).with("direction", "bidirectional"));
      case LSTM -> classify(input(5, 3), it.with("units", 4).with("output", "sequences"));
      case MULTI_HEAD_ATTENTION -> classify(input(5, 4), it.with("heads", 2).with("dropout", 0.1));
      case TRANSFORMER_ENCODER -> classify(input(5, 4), it.with("heads", 2).with("feedForward", 8));
      case ADD -> BlockCompilerTest.residual();
      case CONCATENATE -> BlockCompilerTest.concatenated();
    };
  }

  @Test
  void thereIsAModelForEveryLayerType() {
    Set<LayerType> covered = EnumSet.noneOf(LayerType.class);
    oneModelPerType().forEach(a -> ((ModelSpec) a.get()[1]).layers().forEach(l -> covered.add(l.type())));
    assertEquals(EnumSet.allOf(LayerType.class), covered);
  }

  /**
   * Forward and backward in a gradient collector give every trainable parameter a non-zero gradient; one Adam step on a softmax
   * cross-entropy loss, which is finite, changes every trainable parameter.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("oneModelPerType")
  void everyLayerTypeTrainsOneStep(LayerType type, ModelSpec spec) throws Exception {
    assertTrue(spec.layers().stream().anyMatch(l -> l.type() == type), "the model contains " + type);
    trainOneStep(spec);
  }

  @Test
  void aResidualGraphTrainsOneStep() throws Exception {
    trainOneStep(BlockCompilerTest.residual());
  }

  @Test
  void aConcatenateGraphOfConvolutionsTrainsOneStep() throws Exception {
    trainOneStep(
        ModelSpec.of(
            input(2, 6, 6),
            conv("left", 3, 3, 1, "same", "relu"),
            conv("right", 2, 1, 1, "valid", "none").withInputs("input"),
            layer("join", LayerType.CONCATENATE, Map.of()).withInputs("left", "right"),
            LayerSpec.of("pool", LayerType.GLOBAL_AVG_POOL2D),
            dense("out", CLASSES, "none")));
  }

  /** Each template compiles and maps a batch of 2 to the analyzer's output shape. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(ModelTemplate.class)
  void everyTemplateRunsForward(ModelTemplate template) throws Exception {
    ModelSpec spec = template.model();
    ModelAnalysis analysis = ModelAnalyzer.analyze(spec, template.data());
    assertTrue(analysis.valid(), analysis.problems().toString());
    CompiledModel compiled = BlockCompiler.compileForInference(spec);
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      compiled.block().initialize(manager, DataType.FLOAT32, BlockCompiler.batchShape(analysis.inputShape().orElseThrow(), 2));
      NDArray out =
          compiled
              .block()
              .forward(new ParameterStore(manager, false), new NDList(BlockCompilerTest.sampleBatch(manager, spec, 2)), false)
              .singletonOrThrow();
      assertEquals(BlockCompiler.batchShape(analysis.outputShape().orElseThrow(), 2), out.getShape());
      assertEquals(analysis.totalParameters(), BlockCompilerTest.parameterCount(compiled.block()));
    }
  }

  /** Compiles {@code spec} for training and takes one Adam step on a random batch, checking gradients and updates. */
  private static void trainOneStep(ModelSpec spec) throws Exception {
    CompiledModel compiled = BlockCompiler.compileForTraining(spec);
    ModelAnalysis analysis = compiled.analysis();
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss())
            .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build())
            .optDevices(new Device[] {Device.cpu()});
    try (Model model = Model.newInstance("catalog", Device.cpu())) {
      model.setBlock(compiled.block());
      try (Trainer trainer = model.newTrainer(config)) {
        Engine.getInstance().setRandomSeed(7);
        trainer.initialize(BlockCompiler.batchShape(analysis.inputShape().orElseThrow(), BATCH));
        NDManager manager = trainer.getManager();
        Map<String, NDArray> before = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : compiled.block().getParameters()) {
          if (p.getValue().requiresGradient()) {
            before.put(p.getKey(), p.getValue().getArray().duplicate());
          }
        }
        assertEquals(analysis.trainableParameters(), before.values().stream().mapToLong(NDArray::size).sum(), "trainable parameters");

        NDList x = new NDList(BlockCompilerTest.sampleBatch(manager, spec, BATCH));
        NDList y = new NDList(manager.create(new float[] {0, 1, 2, 1}));
        NDArray loss;
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList logits = trainer.forward(x, y);
          assertEquals(new ai.djl.ndarray.types.Shape(BATCH, CLASSES), logits.singletonOrThrow().getShape());
          loss = trainer.getLoss().evaluate(y, logits);
          collector.backward(loss);
        }
        assertTrue(Float.isFinite(loss.getFloat()), "loss " + loss.getFloat());
        List<String> noGradient = new ArrayList<>();
        for (Pair<String, Parameter> p : compiled.block().getParameters()) {
          if (p.getValue().requiresGradient()) {
            NDArray gradient = p.getValue().getArray().getGradient();
            assertNotNull(gradient, p.getKey());
            if (!(gradient.abs().sum().getFloat() > 0)) {
              noGradient.add(p.getKey());
            }
          }
        }
        assertEquals(List.of(), noGradient, "parameters without a gradient");

        trainer.step();
        List<String> unchanged = new ArrayList<>();
        for (Pair<String, Parameter> p : compiled.block().getParameters()) {
          NDArray old = before.get(p.getKey());
          if (old != null && old.contentEquals(p.getValue().getArray())) {
            unchanged.add(p.getKey());
          }
        }
        assertEquals(List.of(), unchanged, "parameters the step did not change");
      }
    }
  }
}
