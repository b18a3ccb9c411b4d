package org.layerlab.runtime.compile;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.LayerReport;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.Problem;
import org.layerlab.model.graph.ModelGraph;
import org.layerlab.model.layer.LayerType;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Compiles a {@link ModelSpec} into one DJL block, a {@link GraphBlock} with one child block per layer that runs the layers in the
 * graph's topological order (a chain is the simplest graph), each reading its input ports.
 *
 * <p>Mapping, DJL's own block wherever one computes what the PyTorch module named in {@link LayerType} does:
 *
 * <ul>
 *   <li>Input: an identity block. Dense: {@code Linear} on (N, F). Conv1D, Conv2D: {@code Conv1d}, {@code Conv2d} with stride,
 *       dilation and groups, 'same' padding being {@code d (k - 1) / 2} on each side (analysis allows odd kernels only).
 *       Conv2DTranspose: a {@link TransposedConv2d} of our own (DJL's PyTorch engine lacks the operation), 'same' with padding
 *       {@code (k - 1) / 2} and output padding {@code s - 1}.
 *   <li>Pooling: {@code Pool.maxPool1d/2dBlock}, {@code avgPool1d/2dBlock} without padding, rounding down;
 *       {@code globalAvgPool2dBlock}, which gives (N, C). Flatten: {@code batchFlattenBlock}. Reshape: a reshape to the analyzer's
 *       output shape. Dropout: {@code Dropout}.
 *   <li>Embedding: DJL's {@code Embedding} ({@link TokenEmbedding}) on the ids cast to int64; it must read the Input.
 *   <li>BatchNorm: {@code BatchNorm} on axis 1, momentum converted (DJL weighs the old value). LayerNorm: {@code LayerNorm} over the
 *       last axis.
 *   <li>SimpleRNN, LSTM, GRU: DJL's {@code RNN} (tanh), {@code LSTM}, {@code GRU}, one layer, batch first; bidirectional as two
 *       of them in a {@link Bidirectional} (DJL's own option fails on the PyTorch engine). Output 'last' is each direction's final
 *       state joined, as PyTorch's {@code h_n}.
 *   <li>MultiHeadAttention: DJL's {@code ScaledDotProductAttentionBlock} as self-attention. TransformerEncoder: a
 *       {@link TransformerEncoderLayer} of our own, because DJL's {@code TransformerEncoderBlock} normalises with BatchNorm.
 *   <li>Activations: DJL's relu, sigmoid, tanh, leakyRelu, elu, gelu (exact; the tanh approximation written out), swish with beta 1
 *       (SiLU). Softmax: over axis 1, the features of (N, F) or the channels of (N, C, ...). A Dense or convolution
 *       {@code activation} is a block of its own right after the layer, both in one small {@code SequentialBlock}.
 *   <li>Add, Concatenate: a {@link MergeBlock} that sums its inputs or joins them along the layer's axis (1 = the first sample
 *       axis, as the analyzer counts).
 * </ul>
 *
 * <p><b>The trailing softmax.</b> Training minimises {@code SoftmaxCrossEntropyLoss}, which applies a (log-)softmax to the model's
 * outputs itself: it wants logits. A model whose output layer is a Softmax layer, or a layer with activation softmax, would have the
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
   * @throws InvalidModelException with the analyzer's messages when the model is not valid, or with what to change when it uses
   *     something this compiler cannot build
   */
  public static CompiledModel compile(ModelSpec spec, Purpose purpose) throws InvalidModelException {
    ModelAnalysis analysis = ModelAnalyzer.analyze(spec);
    if (!analysis.valid()) {
      throw new InvalidModelException(locale -> ModelAnalyzer.analyze(spec, locale).problems());
    }
    ModelGraph graph = ModelGraph.of(spec);
    List<String> unsupported = new ArrayList<>();
    for (int i = 0; i < spec.size(); i++) {
      LayerSpec layer = spec.layer(i);
      if (layer.type() == LayerType.EMBEDDING && !readsInput(graph, i)) {
        // analysis accepts any (N, T) input, but only the Input holds whole-number token ids
        unsupported.add(layer.id());
      }
    }
    if (!unsupported.isEmpty()) {
      throw new InvalidModelException(
          locale ->
              unsupported.stream()
                  .map(id -> new Problem(id, RuntimeMessages.get(locale, "compile.embeddingNotFromInput")))
                  .toList());
    }
    int output = spec.indexOf(analysis.outputId());
    boolean omit = purpose == Purpose.TRAINING && isSoftmax(spec.layer(output));
    List<Block> perLayer = new ArrayList<>();
    for (int i = 0; i < spec.size(); i++) {
      perLayer.add(LayerBlocks.of(analysis.layers().get(i), omit && i == output));
    }
    List<GraphBlock.Node> nodes = new ArrayList<>();
    for (int i : graph.topologicalOrder()) {
      int[] inputs = graph.inputs(i).stream().mapToInt(Integer::intValue).toArray();
      LayerReport report = analysis.layers().get(i);
      long[] sample = report.outputShape().dims().stream().mapToLong(Integer::longValue).toArray();
      nodes.add(new GraphBlock.Node(i, perLayer.get(i), inputs, sample));
    }
    return new CompiledModel(new GraphBlock(nodes, spec.size(), output), perLayer, analysis, purpose, omit);
  }

  /**
   * Whether the model's output layer is a Softmax, or a layer whose activation is softmax. The output layer is the one no other
   * layer reads; for a chain, the last.
   */
  public static boolean endsInSoftmax(ModelSpec spec) {
    if (spec.size() == 0) {
      return false;
    }
    String output = ModelAnalyzer.analyze(spec).outputId();
    return isSoftmax(spec.find(output).orElse(spec.layer(spec.size() - 1)));
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

  /** Whether the layer type has an {@code activation} setting applied after it: Dense and the convolutions. */
  static boolean hasActivation(LayerType type) {
    return type == LayerType.DENSE || type == LayerType.CONV1D || type == LayerType.CONV2D || type == LayerType.CONV2D_TRANSPOSE;
  }

  private static boolean isSoftmax(LayerSpec layer) {
    return layer.type() == LayerType.SOFTMAX || (hasActivation(layer.type()) && "softmax".equals(layer.stringSetting("activation")));
  }

  private static boolean readsInput(ModelGraph graph, int layer) {
    List<Integer> in = graph.inputs(layer);
    return in.size() == 1 && in.get(0) >= 0 && graph.spec().layer(in.get(0)).type() == LayerType.INPUT;
  }
}
