package org.layerlab.model.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of one sample flowing between layers, without the batch dimension. It prints with a symbolic batch dimension first:
 * {@code (N, 1, 28, 28)}.
 */
public record Shape(List<Integer> dims) {

  public Shape {
    dims = List.copyOf(dims);
  }

  public static Shape of(int... dims) {
    return new Shape(Arrays.stream(dims).boxed().toList());
  }

  public int rank() {
    return dims.size();
  }

  public int dim(int i) {
    return dims.get(i);
  }

  /** Number of values in one sample. */
  public long elements() {
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  public int[] toArray() {
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String toString() {
    return "(N" + dims.stream().map(d -> ", " + d).collect(Collectors.joining()) + ")";
  }
}
