package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * A loss that is the mean of one value per sample, so that the samples a model gets most wrong can be found ({@link #perSample}).
 *
 * <p>Predictions are the model's raw outputs, shape (N, K) (logits for the classification losses). Labels are either class indices,
 * shape (N), or targets of the predictions' shape. Class indices given to a loss that compares values (binary cross-entropy, the
 * regression losses) are turned into one-hot targets, so that any of them can train a classifier; with real-valued targets the
 * regression losses fit a regression.
 */
public abstract class SampleLoss extends Loss {

  protected SampleLoss(String name) {
    super(name);
  }

  /** The loss of each sample, shape (N). */
  public abstract NDArray perSample(NDList labels, NDList predictions);

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    return perSample(labels, predictions).mean();
  }

  /** The targets as float values of the predictions' shape: one-hot for class indices, else the labels themselves. */
  static NDArray denseTargets(NDArray labels, NDArray predictions) {
    Shape p = predictions.getShape();
    Shape l = labels.getShape();
    if (l.equals(p)) {
      return labels.getDataType() == predictions.getDataType() ? labels : labels.toType(predictions.getDataType(), false);
    }
    long n = p.get(0);
    long k = p.size() / Math.max(1, n);
    if (l.size() == n && k > 1 && labels.getDataType().isInteger()) {
      return labels.reshape(n).oneHot((int) k, predictions.getDataType());
    }
    if (l.size() == p.size()) {
      return labels.toType(predictions.getDataType(), false).reshape(p);
    }
    throw new IllegalArgumentException("labels of shape " + l + " do not fit predictions of shape " + p);
  }

  /** The mean over every axis but the first: (N, ...) to (N). */
  static NDArray meanPerSample(NDArray values) {
    Shape s = values.getShape();
    if (s.dimension() == 1) {
      return values;
    }
    return values.reshape(s.get(0), -1).mean(new int[] {1});
  }

  static boolean isClassIndices(NDArray labels, NDArray predictions) {
    return labels.getDataType().isInteger() && labels.getShape().size() == predictions.getShape().get(0);
  }

}
