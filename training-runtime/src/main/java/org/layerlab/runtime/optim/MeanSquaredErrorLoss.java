package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Mean squared error {@code mean((x - t)²)}, without DJL's {@code L2Loss} factor of one half. */
public final class MeanSquaredErrorLoss extends SampleLoss {

  public MeanSquaredErrorLoss() {
    super("MeanSquaredErrorLoss");
  }

  @Override
  public NDArray perSample(NDList labels, NDList predictions) {
    NDArray x = predictions.singletonOrThrow();
    return meanPerSample(x.sub(denseTargets(labels.singletonOrThrow(), x)).square());
  }
}
