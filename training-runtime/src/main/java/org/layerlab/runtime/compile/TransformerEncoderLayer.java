package org.layerlab.runtime.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One post-norm Transformer encoder block (Vaswani et al., 2017) on (N, T, F), as PyTorch's {@code nn.TransformerEncoderLayer(F,
 * heads, feedForward, dropout, activation, batch_first=True)}: {@code x = norm1(x + dropout(attention(x)))}, then {@code x =
 * norm2(x + dropout(linear2(dropout(activation(linear1(x))))))}.
 *
 * <p>DJL's own {@code TransformerEncoderBlock} does not fit: it normalises with BatchNorm over the features (with running statistics,
 * 4F values per norm) instead of LayerNorm (2F), and its second residual adds the block's input instead of the first half's output.
 * This block reuses DJL's {@link ScaledDotProductAttentionBlock} (four F x F projections with biases, PyTorch's count), so its
 * parameters are {@code 4 F F + 4 F} + {@code 2 F ff + ff + F} + {@code 4 F}, the analyzer's.
 */
final class TransformerEncoderLayer extends AbstractBlock {

  private final ScaledDotProductAttentionBlock attention;
  private final LayerNorm norm1;
  private final Linear linear1;
  private final Linear linear2;
  private final LayerNorm norm2;
  private final Dropout dropout;
  private final boolean gelu;

  /**
   * @param features F, the width of each time step; a multiple of {@code heads}
   * @param gelu GELU (exact) in the feed-forward part instead of ReLU
   */
  TransformerEncoderLayer(int features, int heads, int feedForward, float dropoutRate, boolean gelu) {
    this.gelu = gelu;
    attention =
        addChildBlock(
            "selfAttention",
            ScaledDotProductAttentionBlock.builder()
                .setEmbeddingSize(features)
                .setHeadCount(heads)
                .optAttentionProbsDropoutProb(dropoutRate)
                .build());
    // the last axis of (N, T, F); PyTorch's default epsilon
    norm1 = addChildBlock("norm1", LayerNorm.builder().axis(2).optEpsilon(1e-5f).build());
    linear1 = addChildBlock("linear1", Linear.builder().setUnits(feedForward).build());
    linear2 = addChildBlock("linear2", Linear.builder().setUnits(features).build());
    norm2 = addChildBlock("norm2", LayerNorm.builder().axis(2).optEpsilon(1e-5f).build());
    // no parameters, so one instance serves the three places PyTorch applies dropout
    dropout = addChildBlock("dropout", Dropout.builder().optRate(dropoutRate).build());
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape x = inputShapes[0];
    attention.initialize(manager, dataType, x);
    norm1.initialize(manager, dataType, x);
    linear1.initialize(manager, dataType, x);
    linear2.initialize(manager, dataType, linear1.getOutputShapes(new Shape[] {x}));
    norm2.initialize(manager, dataType, x);
    dropout.initialize(manager, dataType, x);
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    NDArray attended = attention.forward(store, new NDList(x), training).head();
    x = norm1.forward(store, new NDList(x.add(drop(store, attended, training))), training).head();
    NDArray hidden = linear1.forward(store, new NDList(x), training).head();
    hidden = gelu ? Activation.gelu(hidden) : Activation.relu(hidden);
    NDArray out = linear2.forward(store, new NDList(drop(store, hidden, training)), training).head();
    return norm2.forward(store, new NDList(x.add(drop(store, out, training))), training);
  }

  private NDArray drop(ParameterStore store, NDArray x, boolean training) {
    return dropout.forward(store, new NDList(x), training).head();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
