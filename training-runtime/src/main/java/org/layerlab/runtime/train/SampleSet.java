package org.layerlab.runtime.train;

import java.util.List;
import java.util.Objects;
import org.layerlab.runtime.data.Dataset;

/**
 * Read-only access to the samples a run trains or validates on, by index, as the model sees them (after the data loader's scaling):
 * for a monitor that shows the samples behind a confusion-matrix cell, or the points under a decision boundary. Safe from any
 * thread: the samples never change once loaded. It keeps the data in memory as long as it is referenced.
 */
public final class SampleSet {

  private final Dataset data;

  SampleSet(Dataset data) {
    this.data = Objects.requireNonNull(data, "data");
  }

  /** How many samples there are. */
  public int size() {
    return data.size();
  }

  /** The shape of one sample, without the batch: {@code [2]} for points, {@code [1, 28, 28]} for grey images. */
  public int[] shape() {
    return data.sampleShape().toArray();
  }

  /** Values per sample. */
  public int sampleSize() {
    return data.sampleSize();
  }

  /** The class names, indexed by label. */
  public List<String> classNames() {
    return data.classNames();
  }

  /** Sample {@code index}'s class. */
  public int label(int index) {
    check(index);
    return data.label(index);
  }

  /** A copy of sample {@code index}'s values, in the order of {@link #shape()}. */
  public float[] features(int index) {
    check(index);
    float[] out = new float[data.sampleSize()];
    for (int k = 0; k < out.length; k++) {
      out[k] = data.feature(index, k);
    }
    return out;
  }

  /** One value of sample {@code index}, without a copy. */
  public float feature(int index, int offset) {
    check(index);
    return data.feature(index, offset);
  }

  private void check(int index) {
    if (index < 0 || index >= data.size()) {
      throw new IndexOutOfBoundsException("sample " + index + " is outside 0.." + (data.size() - 1) + " of " + data.name());
    }
  }
}
