package org.layerlab.runtime.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.layerlab.runtime.compile.BlockCompiler;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.ImageAugmenter;

/**
 * Reusable arrays that one batch of a dataset is gathered into, and from which the batch's NDArrays are made. Allocated once per
 * run, so the batch path allocates no Java arrays.
 */
final class BatchBuffers {

  private final Dataset data;
  private final float[] features;
  private final int[] labels;
  /** A regression's targets, sample after sample; null for a classification. */
  private final float[] targets;
  private int count;

  BatchBuffers(Dataset data, int batchSize) {
    this.data = data;
    this.features = new float[batchSize * data.sampleSize()];
    this.labels = new int[batchSize];
    this.targets = data.isRegression() ? new float[batchSize * data.targetCount()] : null;
  }

  /** Gathers samples {@code order[from] .. order[from + count - 1]}. */
  void fill(int[] order, int from, int count) {
    data.gather(order, from, count, features, labels);
    if (targets != null) {
      data.gatherTargets(order, from, count, targets);
    }
    this.count = count;
  }

  /** Applies random image changes to the gathered training samples. */
  void augment(ImageAugmenter augmenter) {
    augmenter.apply(features, count);
  }

  int count() {
    return count;
  }

  /** The gathered labels; only the first {@link #count()} belong to the batch. */
  int[] labelArray() {
    return labels;
  }

  /** The gathered features as one (count, sample shape...) float array in {@code manager}. */
  NDList features(NDManager manager) {
    Shape shape = BlockCompiler.batchShape(data.sampleShape(), count);
    return new NDList(manager.create(FloatBuffer.wrap(features, 0, count * data.sampleSize()), shape));
  }

  /** The gathered targets of a regression, sample after sample; only the first {@code count() * targetCount} belong to the batch. */
  float[] targetArray() {
    if (targets == null) {
      throw new IllegalStateException(data.name() + " is a classification dataset: it has labels, not targets");
    }
    return targets;
  }

  /**
   * What the loss compares the outputs with: the gathered labels as one (count) int array, or for a regression the targets as one
   * (count, targets) float array, in {@code manager}.
   */
  NDList labels(NDManager manager) {
    if (targets != null) {
      int k = data.targetCount();
      return new NDList(manager.create(FloatBuffer.wrap(targets, 0, count * k), new Shape(count, k)));
    }
    return new NDList(manager.create(IntBuffer.wrap(labels, 0, count), new Shape(count), DataType.INT32));
  }

  /** How many of the gathered samples have their largest logit at their label; ties go to the lower class. */
  int countCorrect(float[] logits) {
    int classes = data.classes();
    int right = 0;
    for (int i = 0; i < count; i++) {
      int base = i * classes;
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (logits[base + c] > logits[base + best]) {
          best = c;
        }
      }
      if (best == labels[i]) {
        right++;
      }
    }
    return right;
  }
}
