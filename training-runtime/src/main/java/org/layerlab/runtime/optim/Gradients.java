package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import java.util.List;

/**
 * The size of a step's gradients, and clipping by it.
 *
 * <p>Clipping by global norm scales all gradients of a step by the same factor when their joint Euclidean norm exceeds a limit, so the
 * step keeps its direction and only its length is capped (Pascanu, Mikolov and Bengio, "On the difficulty of training recurrent
 * neural networks", ICML 2013). It is PyTorch's {@code clip_grad_norm_}: the factor is {@code max / (norm + 1e-6)}, applied only when
 * it is below 1.
 */
public final class Gradients {

  private Gradients() {}

  /** The Euclidean norm of all the values of {@code gradients} taken together; 0 for none. Reads one number back from the engine. */
  public static double globalNorm(List<NDArray> gradients) {
    if (gradients.isEmpty()) {
      return 0;
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDList squares = new NDList(gradients.size());
      for (NDArray g : gradients) {
        squares.add(g.square().sum());
      }
      NDArray total = squares.size() == 1 ? squares.get(0) : NDArrays.stack(squares).sum();
      return Math.sqrt(total.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble());
    }
  }

  /**
   * Scales {@code gradients} in place so that their global norm is at most {@code maxNorm}, given their norm {@code norm} (from
   * {@link #globalNorm}). Returns whether they were scaled.
   */
  public static boolean clipByGlobalNorm(List<NDArray> gradients, double norm, double maxNorm) {
    if (!(maxNorm > 0)) {
      throw new IllegalArgumentException("the largest gradient norm must be above 0, got " + maxNorm);
    }
    double factor = maxNorm / (norm + 1e-6);
    if (!(factor < 1)) {
      return false;
    }
    boolean gradMode = GradMode.off();
    try {
      for (NDArray g : gradients) {
        g.muli((float) factor);
      }
    } finally {
      GradMode.restore(gradMode);
    }
    return true;
  }
}
