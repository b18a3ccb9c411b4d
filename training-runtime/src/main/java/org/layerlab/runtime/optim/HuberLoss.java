package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Huber loss (Huber, "Robust estimation of a location parameter", 1964), as PyTorch's {@code HuberLoss}: for an error
 * {@code d = x - t}, {@code d² / 2} while {@code |d| <= δ} and {@code δ (|d| - δ / 2)} beyond, so it is squared near the target and
 * linear far from it. Computed without a branch as {@code q² / 2 + δ (|d| - q)} with {@code q = min(|d|, δ)}.
 */
public final class HuberLoss extends SampleLoss {

  private final float delta;

  public HuberLoss(float delta) {
    super("HuberLoss");
    if (!(delta > 0)) {
      throw new IllegalArgumentException("the Huber delta must be above 0, got " + delta);
    }
    this.delta = delta;
  }

  public float delta() {
    return delta;
  }

  @Override
  public NDArray perSample(NDList labels, NDList predictions) {
    NDArray x = predictions.singletonOrThrow();
    NDArray a = x.sub(denseTargets(labels.singletonOrThrow(), x)).abs();
    NDArray q = a.minimum(delta);
    return meanPerSample(q.square().mul(0.5f).add(a.sub(q).mul(delta)));
  }
}
