package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Binary cross-entropy on logits, each output a yes/no question: with {@code p = σ(x)} and target {@code t} in [0, 1], the loss of an
 * output is {@code -t log p - (1 - t) log(1 - p)}, averaged over a sample's outputs. It is computed in the overflow-free form
 * {@code max(x, 0) - x t + log(1 + e^(-|x|))}, PyTorch's {@code BCEWithLogitsLoss}. For class indices each class is its own
 * one-vs-rest question (one-hot targets).
 */
public final class BinaryCrossEntropyLoss extends SampleLoss {

  public BinaryCrossEntropyLoss() {
    super("BinaryCrossEntropyLoss");
  }

  @Override
  public NDArray perSample(NDList labels, NDList predictions) {
    NDArray x = predictions.singletonOrThrow();
    NDArray t = denseTargets(labels.singletonOrThrow(), x);
    NDArray loss = x.maximum(0f).sub(x.mul(t)).add(x.abs().neg().exp().add(1f).log());
    return meanPerSample(loss);
  }
}
