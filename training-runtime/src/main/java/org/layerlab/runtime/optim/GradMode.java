package org.layerlab.runtime.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's per-thread autograd switch, seen from the optimizers. An in-place change of a weight that requires a gradient is an error
 * in PyTorch while grad mode is on, so an update switches it off for its own duration; and PyTorch adds every backward pass into the
 * weights' gradients, so an update clears them after use, as DJL's native SGD and Adam do.
 */
final class GradMode {

  private GradMode() {}

  private static boolean pyTorch() {
    return "PyTorch".equals(Engine.getInstance().getEngineName());
  }

  /** Switches grad mode off on this thread and returns whether it was on. */
  static boolean off() {
    if (!pyTorch() || !JniUtils.isGradMode()) {
      return false;
    }
    JniUtils.setGradMode(false);
    return true;
  }

  /** Undoes {@link #off()}. */
  static void restore(boolean wasOn) {
    if (wasOn) {
      JniUtils.setGradMode(true);
    }
  }

  /** Sets the gradient that backward passes accumulate into {@code weight} to zero. */
  static void zeroGradient(NDArray weight) {
    if (!weight.hasGradient()) {
      return;
    }
    if (weight instanceof PtNDArray pt) {
      JniUtils.zeroGrad(pt);
      return;
    }
    try (NDArray g = weight.getGradient()) {
      g.subi(g);
    }
  }
}
