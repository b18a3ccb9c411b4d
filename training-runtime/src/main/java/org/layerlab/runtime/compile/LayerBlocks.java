package org.layerlab.runtime.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RNN;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.analysis.LayerReport;

/**
 * The DJL block of one layer, given what the analyzer found for it. DJL's own blocks wherever one computes what PyTorch's module
 * does; see {@link BlockCompiler} for the mapping.
 */
final class LayerBlocks {

  private LayerBlocks() {}

  /**
   * The block for {@code report}'s layer.
   *
   * @param omitSoftmax leave out the layer's softmax (a Softmax layer becomes an identity block, a softmax activation is dropped)
   */
  static Block of(LayerReport report, boolean omitSoftmax) {
    LayerSpec layer = report.layer();
    Block core = core(layer, report, omitSoftmax);
    if (!BlockCompiler.hasActivation(layer.type())) {
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

  private static Block core(LayerSpec layer, LayerReport report, boolean omitSoftmax) {
    return switch (layer.type()) {
      case INPUT -> Blocks.identityBlock();
      case DENSE -> Linear.builder().setUnits(layer.intSetting("units")).build();
      case CONV1D -> {
        int k = layer.intSetting("kernel");
        int d = layer.intSetting("dilation");
        int pad = samePadding(layer, k, d);
        yield Conv1d.builder()
            .setFilters(layer.intSetting("filters"))
            .setKernelShape(new Shape(k))
            .optStride(new Shape(layer.intSetting("stride")))
            .optPadding(new Shape(pad))
            .optDilation(new Shape(d))
            .optGroups(layer.intSetting("groups"))
            .build();
      }
      case CONV2D -> {
        int k = layer.intSetting("kernel");
        int s = layer.intSetting("stride");
        int d = layer.intSetting("dilation");
        int pad = samePadding(layer, k, d);
        yield Conv2d.builder()
            .setFilters(layer.intSetting("filters"))
            .setKernelShape(new Shape(k, k))
            .optStride(new Shape(s, s))
            .optPadding(new Shape(pad, pad))
            .optDilation(new Shape(d, d))
            .optGroups(layer.intSetting("groups"))
            .build();
      }
      case CONV2D_TRANSPOSE -> {
        int k = layer.intSetting("kernel");
        int s = layer.intSetting("stride");
        boolean same = "same".equals(layer.stringSetting("padding"));
        // 'same' gives H s: PyTorch's padding (k - 1) / 2 with output padding s - 1, as the PyTorch export writes
        yield new TransposedConv2d(layer.intSetting("filters"), k, s, same ? (k - 1) / 2 : 0, same ? s - 1 : 0);
      }
      case MAX_POOL1D -> Pool.maxPool1dBlock(window(layer, 1, "pool"), window(layer, 1, "stride"), new Shape(0), false);
      case MAX_POOL2D -> Pool.maxPool2dBlock(window(layer, 2, "pool"), window(layer, 2, "stride"), new Shape(0, 0), false);
      case AVG_POOL1D -> Pool.avgPool1dBlock(window(layer, 1, "pool"), window(layer, 1, "stride"), new Shape(0), false, true);
      case AVG_POOL2D -> Pool.avgPool2dBlock(window(layer, 2, "pool"), window(layer, 2, "stride"), new Shape(0, 0), false, true);
      case GLOBAL_AVG_POOL2D -> Pool.globalAvgPool2dBlock();
      case FLATTEN -> Blocks.batchFlattenBlock();
      case RESHAPE -> {
        // the analyzer has resolved a -1 entry already
        Shape target = new Shape(toLongs(report.outputShape()));
        yield LambdaBlock.singleton(x -> x.reshape(new Shape(x.getShape().get(0)).addAll(target)), "reshape");
      }
      case DROPOUT -> Dropout.builder().optRate((float) layer.doubleSetting("rate")).build();
      case EMBEDDING -> TokenEmbedding.of(layer.intSetting("vocabulary"), layer.intSetting("dimension"));
      case BATCH_NORM ->
          BatchNorm.builder()
              .optAxis(1)
              .optEpsilon((float) layer.doubleSetting("epsilon"))
              // DJL's momentum is the weight of the old running value (MXNet's and Keras's meaning), ours PyTorch's
              .optMomentum((float) (1 - layer.doubleSetting("momentum")))
              .build();
      case LAYER_NORM ->
          // the last axis of the batch, which has one axis more than the sample
          LayerNorm.builder().axis(report.inputShape().rank()).optEpsilon((float) layer.doubleSetting("epsilon")).build();
      case SIMPLE_RNN -> recurrent(layer, RNN.builder().setActivation(RNN.Activation.TANH));
      case LSTM -> recurrent(layer, LSTM.builder());
      case GRU -> recurrent(layer, GRU.builder());
      case MULTI_HEAD_ATTENTION ->
          ScaledDotProductAttentionBlock.builder()
              .setEmbeddingSize(report.inputShape().dim(1))
              .setHeadCount(layer.intSetting("heads"))
              .optAttentionProbsDropoutProb((float) layer.doubleSetting("dropout"))
              .build();
      case TRANSFORMER_ENCODER ->
          new TransformerEncoderLayer(
              report.inputShape().dim(1),
              layer.intSetting("heads"),
              layer.intSetting("feedForward"),
              (float) layer.doubleSetting("dropout"),
              "gelu".equals(layer.stringSetting("activation")));
      case RELU -> Activation.reluBlock();
      case SIGMOID -> Activation.sigmoidBlock();
      case TANH -> Activation.tanhBlock();
      case SOFTMAX -> omitSoftmax ? Blocks.identityBlock() : softmaxBlock();
      case LEAKY_RELU -> Activation.leakyReluBlock((float) layer.doubleSetting("negativeSlope"));
      case ELU -> Activation.eluBlock((float) layer.doubleSetting("alpha"));
      case GELU ->
          "tanh".equals(layer.stringSetting("approximate"))
              ? LambdaBlock.singleton(LayerBlocks::geluTanh, "geluTanh")
              : Activation.geluBlock();
      case SILU -> Activation.swishBlock(1f);
      case ADD -> MergeBlock.add();
      case CONCATENATE -> MergeBlock.concatenate(layer.intSetting("axis"));
    };
  }

  /** Softmax over axis 1: the features of (N, F), the channels of (N, C, H, W). */
  static Block softmaxBlock() {
    return LambdaBlock.singleton(x -> x.softmax(1), "softmax");
  }

  /** PyTorch's {@code gelu(x, approximate='tanh')}: {@code 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))}. */
  private static NDArray geluTanh(NDArray x) {
    NDArray inner = x.add(x.pow(3).mul(0.044715f)).mul((float) Math.sqrt(2 / Math.PI));
    return x.mul(inner.tanh().add(1f)).mul(0.5f);
  }

  /**
   * One recurrent layer, batch first. 'sequences' is DJL's output (N, T, directions x H); 'last' keeps each direction's final
   * state, as PyTorch's {@code h_n}: the forward direction's output at the last step and the backward direction's at the first.
   */
  private static Block recurrent(LayerSpec layer, RecurrentBlock.BaseBuilder<?> builder) {
    int h = layer.intSetting("units");
    boolean bidirectional = "bidirectional".equals(layer.stringSetting("direction"));
    builder.setStateSize(h).setNumLayers(1).optBatchFirst(true);
    // two one-directional blocks, see Bidirectional; a builder builds a new block each time
    Block rnn = bidirectional ? new Bidirectional(build(builder), build(builder)) : build(builder);
    if ("sequences".equals(layer.stringSetting("output"))) {
      return rnn;
    }
    Block last =
        LambdaBlock.singleton(
            out -> {
              NDArray forward = out.get(":, -1, :" + h);
              return bidirectional ? NDArrays.concat(new NDList(forward, out.get(":, 0, " + h + ":")), 1) : forward;
            },
            "finalState");
    return new SequentialBlock().add(rnn).add(last);
  }

  private static Block build(RecurrentBlock.BaseBuilder<?> builder) {
    if (builder instanceof LSTM.Builder b) {
      return b.build();
    }
    if (builder instanceof GRU.Builder b) {
      return b.build();
    }
    return ((RNN.Builder) builder).build();
  }

  /** Padding on each side for 'same' (odd kernels only, which analysis checks): {@code d (k - 1) / 2}; 0 for 'valid'. */
  private static int samePadding(LayerSpec layer, int k, int d) {
    return "same".equals(layer.stringSetting("padding")) ? d * (k - 1) / 2 : 0;
  }

  private static Shape window(LayerSpec layer, int dims, String setting) {
    long v = layer.intSetting(setting);
    return dims == 1 ? new Shape(v) : new Shape(v, v);
  }

  private static long[] toLongs(org.layerlab.model.analysis.Shape shape) {
    return shape.dims().stream().mapToLong(Integer::longValue).toArray();
  }
}
