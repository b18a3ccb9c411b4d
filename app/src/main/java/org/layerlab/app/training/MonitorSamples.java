package org.layerlab.app.training;

import java.util.List;

/**
 * Read-only samples of a run (its validation or training set) by index, as the model sees them; safe from any thread. The monitor
 * shows the samples behind a confusion-matrix cell and the points under a decision boundary with them.
 */
public interface MonitorSamples {

  int size();

  /** One sample's shape without the batch: {@code [2]} for points, {@code [1, 28, 28]} for grey images. */
  int[] shape();

  List<String> classNames();

  int label(int index);

  /** A copy of one sample's values. */
  float[] features(int index);
}
