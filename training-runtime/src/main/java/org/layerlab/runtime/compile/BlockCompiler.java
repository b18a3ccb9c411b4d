package org.layerlab.runtime.compile;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.Problem;
import org.layerlab.model.layer.LayerType;

/**
 * Compiles a {@link ModelSpec} into a DJL {@link SequentialBlock}, one child block per layer.
 *
 * <p>Mapping: Input adds nothing (an identity block); Dense is a {@link Linear} on the last axis, which sees (N, features) because
 * analysis only lets a Dense follow rank-1 samples; Conv2D is a {@link Conv2d} with square kernel and stride, padding 'same' being
 * {@code (k - 1) / 2} on each side (analysis only allows odd kernels there); MaxPool2D is {@link Pool#maxPool2dBlock} without
 * padding, rounding down; Flatten is {@link Blocks#batchFlattenBlock()}; Dropout is {@link Dropout}; ReLU, Sigmoid and Tanh are
 * DJL's activation blocks; Softmax is a softmax over axis 1, the features of a (N, F) batch or the channels of an (N, C, H, W) one.
 * A Dense or Conv2D {@code activation} is a block of its own right after the layer.
 *
 * <p><b>The trailing softmax.</b> Training minimises {@code SoftmaxCrossEntropyLoss}, which applies a (log-)softmax to the model's
 * outputs itself: it wants logits. A model that ends in a Softmax layer, or in a Dense layer with activation softmax, would have the
 * softmax applied twice, which flattens the gradients and slows learning badly. So {@link Purpose#TRAINING} leaves that last softmax
 * out (the block outputs logits; argmax, and so accuracy, is unchanged) and {@link Purpose#INFERENCE} keeps it (the block outputs
 * probabilities). A softmax anywhere else is compiled as written in both.
 */
public final class BlockCompiler {

  /** What the compiled block is for. */
  public enum Purpose {
    /** Outputs logits for a softmax cross-entropy loss: a trailing softmax is left out. */
    TRAINING,
    /** Outputs what the model says, a trailing softmax included. */
    INFERENCE
  }

  private BlockCompiler() {}

  /** The block to train, which outputs logits. */
  public static CompiledModel compileForTraining(ModelSpec spec) throws InvalidModelException {
    return compile(spec, Purpose.TRAINING);
  }

  /** The block to predict with, which keeps a trailing softmax. */
  public static CompiledModel compileForInference(ModelSpec spec) throws InvalidModelException {
    return compile(spec, Purpose.INFERENCE);
  }

  /**
   * Analyses the model and, when it is valid, compiles it.
   *
   * @throws InvalidModelException with the analyzer's messages when the model is not valid
   */
  public static CompiledModel compile(ModelSpec spec, Purpose purpose) throws InvalidModelException {
    ModelAnalysis analysis = ModelAnalyzer.analyze(spec);
    if (!analysis.valid()) {
      throw new InvalidModelException("The model cannot be built:", analysis.problems());
    }
    List<Problem> unsupported = new ArrayList<>();
    for (LayerSpec layer : spec.layers()) {
      if (!SEQUENTIAL_TYPES.contains(layer.type())) {
        unsupported.add(
            new Problem(
                layer.id(),
                layer.type().jsonName() + " layers cannot be trained by this version yet: build the model from "
                    + SEQUENTIAL_TYPES.stream().map(LayerType::jsonName).toList()));
      } else if (layer.hasExplicitInputs()) {
        unsupported.add(new Problem(layer.id(), "branching models cannot be trained by this version yet: connect layers in a chain"));
      }
    }
    if (!unsupported.isEmpty()) {
      throw new InvalidModelException("The model cannot be built:", unsupported);
    }
    int last = spec.size() - 1;
    boolean omit = purpose == Purpose.TRAINING && endsInSoftmax(spec);
    SequentialBlock whole = new SequentialBlock();
    List<Block> perLayer = new ArrayList<>();
    for (int i = 0; i < spec.size(); i++) {
      Block b = layerBlock(spec.layer(i), omit && i == last);
      perLayer.add(b);
      whole.add(b);
    }
    return new CompiledModel(whole, perLayer, analysis, purpose, omit);
  }

  /** Whether the last layer is a Softmax, or a Dense or Conv2D whose activation is softmax. */
  public static boolean endsInSoftmax(ModelSpec spec) {
    if (spec.size() == 0) {
      return false;
    }
    LayerSpec last = spec.layer(spec.size() - 1);
    return last.type() == LayerType.SOFTMAX || (hasActivation(last.type()) && "softmax".equals(last.stringSetting("activation")));
  }

  /** The DJL shape of a batch of {@code n} samples of {@code sample}: {@code (n, dims...)}. */
  public static Shape batchShape(org.layerlab.model.analysis.Shape sample, long n) {
    long[] dims = new long[sample.rank() + 1];
    dims[0] = n;
    for (int i = 0; i < sample.rank(); i++) {
      dims[i + 1] = sample.dim(i);
    }
    return new Shape(dims);
  }

  private static Block layerBlock(LayerSpec layer, boolean omitSoftmax) {
    Block core =
        switch (layer.type()) {
          case INPUT -> Blocks.identityBlock();
          case DENSE -> Linear.builder().setUnits(layer.intSetting("units")).build();
          case CONV2D -> {
            int k = layer.intSetting("kernel");
            int s = layer.intSetting("stride");
            int pad = "same".equals(layer.stringSetting("padding")) ? (k - 1) / 2 : 0;
            yield Conv2d.builder()
                .setFilters(layer.intSetting("filters"))
                .setKernelShape(new Shape(k, k))
                .optStride(new Shape(s, s))
                .optPadding(new Shape(pad, pad))
                .build();
          }
          case MAX_POOL2D -> {
            int p = layer.intSetting("pool");
            int s = layer.intSetting("stride");
            yield Pool.maxPool2dBlock(new Shape(p, p), new Shape(s, s), new Shape(0, 0), false);
          }
          case FLATTEN -> Blocks.batchFlattenBlock();
          case DROPOUT -> Dropout.builder().optRate((float) layer.doubleSetting("rate")).build();
          case RELU -> Activation.reluBlock();
          case SIGMOID -> Activation.sigmoidBlock();
          case TANH -> Activation.tanhBlock();
          case SOFTMAX -> omitSoftmax ? Blocks.identityBlock() : softmaxBlock();
          default -> throw new IllegalStateException("compile() refuses " + layer.type() + " before it gets here");
        };
    if (!hasActivation(layer.type())) {
      return core;
    }
    String activation = layer.stringSetting("activation");
    Block act =
        switch (activation) {
          case "none" -> null;
          case "relu" -> Activation.reluBlock();
          case "sigmoid" -> Activation.sigmoidBlock();
          case "tanh" -> Activation.tanhBlock();
          case "softmax" -> omitSoftmax ? null : softmaxBlock();
          default -> throw new IllegalArgumentException("unknown activation '" + activation + "' of layer '" + layer.id() + "'");
        };
    return act == null ? core : new SequentialBlock().add(core).add(act);
  }

  /** The layer types this compiler turns into a chain of DJL blocks. */
  private static final java.util.Set<LayerType> SEQUENTIAL_TYPES =
      java.util.EnumSet.of(
          LayerType.INPUT,
          LayerType.DENSE,
          LayerType.CONV2D,
          LayerType.MAX_POOL2D,
          LayerType.FLATTEN,
          LayerType.DROPOUT,
          LayerType.RELU,
          LayerType.SIGMOID,
          LayerType.TANH,
          LayerType.SOFTMAX);

  private static boolean hasActivation(LayerType type) {
    return type == LayerType.DENSE || type == LayerType.CONV2D;
  }

  /** Softmax over axis 1: the features of (N, F), the channels of (N, C, H, W). */
  private static Block softmaxBlock() {
    return LambdaBlock.singleton(x -> x.softmax(1), "softmax");
  }
}
