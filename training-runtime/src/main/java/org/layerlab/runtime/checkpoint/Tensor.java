package org.layerlab.runtime.checkpoint;

import java.util.Arrays;
import java.util.Objects;

/** A float array with a shape, as a checkpoint stores it. */
public record Tensor(long[] shape, float[] values) {

  public Tensor {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(values, "values");
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("a tensor's dimensions are 0 or more, got " + Arrays.toString(shape));
      }
      n *= d;
    }
    if (n != values.length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got " + values.length);
    }
    shape = shape.clone();
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Tensor" + Arrays.toString(shape);
  }
}
