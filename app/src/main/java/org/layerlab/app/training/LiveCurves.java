package org.layerlab.app.training;

import java.util.Objects;

/**
 * The four curves of a live run: loss and accuracy, training per step and validation per epoch. Accuracy is in percent.
 */
public record LiveCurves(PointSink trainLoss, PointSink validationLoss, PointSink trainAccuracy, PointSink validationAccuracy) {

  public static final LiveCurves NONE = new LiveCurves(PointSink.NONE, PointSink.NONE, PointSink.NONE, PointSink.NONE);

  public LiveCurves {
    Objects.requireNonNull(trainLoss);
    Objects.requireNonNull(validationLoss);
    Objects.requireNonNull(trainAccuracy);
    Objects.requireNonNull(validationAccuracy);
  }

  void clear() {
    trainLoss.clear();
    validationLoss.clear();
    trainAccuracy.clear();
    validationAccuracy.clear();
  }
}
