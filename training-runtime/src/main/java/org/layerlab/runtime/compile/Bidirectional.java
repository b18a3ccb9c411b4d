package org.layerlab.runtime.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A bidirectional recurrent layer on (N, T, F) made of two one-directional DJL recurrent blocks: one reads the sequence forwards, the
 * other reads it backwards, and their outputs are joined per time step to (N, T, 2 H), forward half first, as PyTorch's
 * {@code bidirectional=True}.
 *
 * <p>DJL's own {@code optBidirectional(true)} fails on the PyTorch engine (0.36): it lists the weights of both directions before
 * their biases, while {@code torch::rnn} reads weight, weight, bias, bias per direction, and stops with a size mismatch.
 */
final class Bidirectional extends AbstractBlock {

  private final Block forward;
  private final Block backward;

  Bidirectional(Block forward, Block backward) {
    this.forward = addChildBlock("forward", forward);
    this.backward = addChildBlock("backward", backward);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    forward.initialize(manager, dataType, inputShapes);
    backward.initialize(manager, dataType, inputShapes);
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    NDArray ahead = forward.forward(store, new NDList(x), training).head();
    NDArray back = backward.forward(store, new NDList(x.flip(1)), training).head().flip(1);
    return new NDList(ahead.concat(back, 2));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape half = forward.getOutputShapes(inputShapes)[0];
    return new Shape[] {new Shape(half.get(0), half.get(1), 2 * half.get(2))};
  }
}
