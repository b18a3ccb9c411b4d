package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** L1 loss, the mean absolute error {@code mean(|x - t|)}: less swayed by outliers than the squared error. */
public final class MeanAbsoluteErrorLoss extends SampleLoss {

  public MeanAbsoluteErrorLoss() {
    super("MeanAbsoluteErrorLoss");
  }

  @Override
  public NDArray perSample(NDList labels, NDList predictions) {
    NDArray x = predictions.singletonOrThrow();
    return meanPerSample(x.sub(denseTargets(labels.singletonOrThrow(), x)).abs());
  }
}
