package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * Softmax cross-entropy on logits, with optional label smoothing.
 *
 * <p>For a sample with logits {@code z} over {@code K} classes and true class {@code y}, with {@code log p = logSoftmax(z)}, the loss is
 * {@code -(1 - ε) log p_y - (ε / K) Σ_k log p_k}: the cross-entropy against a target that puts {@code 1 - ε + ε/K} on the true class
 * and {@code ε/K} on every other (Szegedy et al., "Rethinking the Inception architecture for computer vision", CVPR 2016). With
 * {@code ε = 0} it is the usual {@code -log p_y}. Labels may also be target distributions of shape (N, K).
 */
public final class CrossEntropyLoss extends SampleLoss {

  private final float smoothing;

  /** @param smoothing the label smoothing {@code ε}, from 0 to below 1 */
  public CrossEntropyLoss(float smoothing) {
    super("CrossEntropyLoss");
    if (!(smoothing >= 0 && smoothing < 1)) {
      throw new IllegalArgumentException("label smoothing must be from 0 to below 1, got " + smoothing);
    }
    this.smoothing = smoothing;
  }

  public float smoothing() {
    return smoothing;
  }

  @Override
  public NDArray perSample(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    NDArray label = labels.singletonOrThrow();
    NDArray logp = logits.logSoftmax(1);
    if (!isClassIndices(label, logits)) {
      return logp.mul(denseTargets(label, logits)).sum(new int[] {1}).neg();
    }
    NDArray nll = logp.get(new NDIndex().addAllDim().addPickDim(label.reshape(-1))).neg().reshape(-1);
    if (smoothing == 0) {
      return nll;
    }
    NDArray uniform = logp.mean(new int[] {1}).neg();
    return nll.mul(1 - smoothing).add(uniform.mul(smoothing));
  }
}
