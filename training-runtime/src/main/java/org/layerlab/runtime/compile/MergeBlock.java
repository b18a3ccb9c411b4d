package org.layerlab.runtime.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Joins several inputs into one without parameters: an elementwise sum (Add) or a concatenation along one axis (Concatenate). */
final class MergeBlock extends AbstractBlock {

  /** The axis to concatenate along, in batch coordinates (1 = the first sample axis), or -1 to add. */
  private final int axis;

  private MergeBlock(int axis) {
    this.axis = axis;
  }

  /** The elementwise sum of inputs of equal shape. */
  static MergeBlock add() {
    return new MergeBlock(-1);
  }

  /** The inputs joined along {@code axis} of the batch (1 = channels of images, features of vectors). */
  static MergeBlock concatenate(int axis) {
    return new MergeBlock(axis);
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    if (axis >= 0) {
      return new NDList(NDArrays.concat(inputs, axis));
    }
    NDArray sum = inputs.get(0);
    for (int i = 1; i < inputs.size(); i++) {
      sum = sum.add(inputs.get(i));
    }
    return new NDList(sum);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    if (axis < 0) {
      return new Shape[] {inputShapes[0]};
    }
    long[] dims = inputShapes[0].getShape();
    for (int i = 1; i < inputShapes.length; i++) {
      dims[axis] += inputShapes[i].get(axis);
    }
    return new Shape[] {new Shape(dims)};
  }
}
