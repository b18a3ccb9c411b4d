package org.layerlab.runtime.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A transposed 2-D convolution, as PyTorch's {@code nn.ConvTranspose2d(C, F, k, stride=s, padding=p, output_padding=op)}: weight
 * C x F x k x k plus bias F, output side {@code (H - 1) s - 2 p + k + op}.
 *
 * <p>DJL has {@code Conv2dTranspose}, but its PyTorch engine does not implement the operation (0.36 throws "Not implemented"). So
 * this block computes it as the ordinary convolution it equals: put s - 1 zeros between neighbouring input values, pad with k - 1 - p
 * zeros on each side (and op more at the bottom and right), and convolve with stride 1 using the kernel turned by 180 degrees, its
 * input and output channels swapped.
 */
final class TransposedConv2d extends AbstractBlock {

  private final int filters;
  private final int kernel;
  private final int stride;
  private final int padding;
  private final int outputPadding;
  private final Parameter weight;
  private final Parameter bias;

  /** @param padding at most {@code kernel - 1}, as 'valid' (0) and 'same' ((k - 1) / 2) are */
  TransposedConv2d(int filters, int kernel, int stride, int padding, int outputPadding) {
    if (padding > kernel - 1) {
      throw new IllegalArgumentException("padding " + padding + " exceeds kernel - 1 = " + (kernel - 1));
    }
    this.filters = filters;
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
    this.outputPadding = outputPadding;
    weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).optRequiresGrad(true).build());
    bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).optRequiresGrad(true).build());
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    long channels = inputShapes[0].get(1);
    weight.setShape(new Shape(channels, filters, kernel, kernel));
    bias.setShape(new Shape(filters));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    NDArray w = store.getValue(weight, x.getDevice(), training);
    NDArray b = store.getValue(bias, x.getDevice(), training);
    long n = x.getShape().get(0);
    long c = x.getShape().get(1);
    long h = x.getShape().get(2);
    long wd = x.getShape().get(3);
    if (stride > 1) {
      // (N, C, H, 1, W, 1) padded at the end of the unit axes to (N, C, H, s, W, s), then cut after the last value
      x = x.reshape(n, c, h, 1, wd, 1).pad(new Shape(0, stride - 1, 0, 0, 0, stride - 1), 0).reshape(n, c, h * stride, wd * stride);
      x = x.get(":, :, :" + ((h - 1) * stride + 1) + ", :" + ((wd - 1) * stride + 1));
    }
    int before = kernel - 1 - padding;
    int after = before + outputPadding;
    // pad's pairs start from the last axis: (left, right, top, bottom)
    x = x.pad(new Shape(before, after, before, after), 0);
    NDArray turned = w.transpose(1, 0, 2, 3).flip(2, 3);
    return Conv2d.conv2d(x, turned, b);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), filters, side(in.get(2)), side(in.get(3)))};
  }

  private long side(long in) {
    return (in - 1) * stride - 2L * padding + kernel + outputPadding;
  }
}
