package org.layerlab.runtime.data;

import java.util.List;
import java.util.Objects;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;

/**
 * A dataset held in memory: every sample's features in one flat {@code float[]}, sample after sample, and per sample either one
 * {@code int} class label (classification) or {@link #targetCount()} {@code float} targets (regression). There is no Java object
 * per sample, so sixty thousand images cost one array and gathering a batch is a series of array copies.
 *
 * <p>A regression dataset ({@link #regression}) has no classes: {@link #classes()} is 0, its labels are all 0, and its
 * {@link #signature()} gives the number of targets where a classifier's gives the number of classes, since that is how many outputs
 * the model must end in. It trains with a loss that compares values (mean squared error, L1 or Huber).
 *
 * <p>The arrays are taken over, not copied: whoever builds a dataset hands them over and keeps no reference.
 */
public final class Dataset {

  private final String name;
  private final float[] features;
  private final int[] labels;
  private final float[] targets;
  private final int targetCount;
  private final List<String> targetNames;
  private final Shape sampleShape;
  private final int sampleSize;
  private final int classes;
  private final List<String> classNames;

  /**
   * A classification dataset.
   *
   * @param features {@code labels.length * sampleShape.elements()} values
   * @param labels class indices from 0 to {@code classes - 1}
   * @param classNames one name per class
   */
  public Dataset(String name, float[] features, int[] labels, Shape sampleShape, int classes, List<String> classNames) {
    this(name, features, labels, null, List.of(), sampleShape, classes, classNames);
    if (classes < 1 || this.classNames.size() != classes) {
      throw new IllegalArgumentException(classes + " classes but " + this.classNames.size() + " class names");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is outside 0.." + (classes - 1));
      }
    }
  }

  /**
   * A regression dataset: {@code targetNames.size()} real-valued targets per sample.
   *
   * @param features {@code n * sampleShape.elements()} values
   * @param targets {@code n * targetNames.size()} values, sample after sample
   * @param targetNames one name per target, such as the CSV column
   */
  public static Dataset regression(String name, float[] features, float[] targets, Shape sampleShape, List<String> targetNames) {
    int t = targetNames.size();
    if (t < 1) {
      throw new IllegalArgumentException("a regression dataset needs at least one target");
    }
    if (targets.length % t != 0) {
      throw new IllegalArgumentException(targets.length + " target values are not a whole number of samples of " + t + " targets");
    }
    return new Dataset(name, features, new int[targets.length / t], targets, targetNames, sampleShape, 0, List.of());
  }

  private Dataset(
      String name,
      float[] features,
      int[] labels,
      float[] targets,
      List<String> targetNames,
      Shape sampleShape,
      int classes,
      List<String> classNames) {
    this.name = Objects.requireNonNull(name, "name");
    this.features = Objects.requireNonNull(features, "features");
    this.labels = Objects.requireNonNull(labels, "labels");
    this.targets = targets;
    this.targetNames = List.copyOf(targetNames);
    this.targetCount = this.targetNames.size();
    this.sampleShape = Objects.requireNonNull(sampleShape, "sampleShape");
    this.classNames = List.copyOf(classNames);
    this.classes = classes;
    long size = sampleShape.elements();
    if (size < 1 || size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("sample shape " + sampleShape + " has " + size + " values");
    }
    this.sampleSize = (int) size;
    if ((long) labels.length * sampleSize != features.length) {
      throw new IllegalArgumentException(
          labels.length + " samples need " + (long) labels.length * sampleSize + " feature values, got " + features.length);
    }
  }

  /** A short human name, such as "Fashion-MNIST train". */
  public String name() {
    return name;
  }

  public int size() {
    return labels.length;
  }

  /** The shape of one sample, without the batch dimension. */
  public Shape sampleShape() {
    return sampleShape;
  }

  /** Number of values in one sample. */
  public int sampleSize() {
    return sampleSize;
  }

  /** The number of classes; 0 for a regression dataset. */
  public int classes() {
    return classes;
  }

  /** Whether the samples have real-valued targets rather than class labels. */
  public boolean isRegression() {
    return targets != null;
  }

  /** Targets per sample; 0 for a classification dataset. */
  public int targetCount() {
    return targetCount;
  }

  /** The name of each target, such as its CSV column; empty for a classification dataset. */
  public List<String> targetNames() {
    return targetNames;
  }

  /** Target {@code k} (0 to {@code targetCount() - 1}) of one sample of a regression dataset. */
  public float target(int sample, int k) {
    if (targets == null) {
      throw new IllegalStateException(name + " is a classification dataset: it has labels, not targets");
    }
    if (k < 0 || k >= targetCount) {
      throw new IndexOutOfBoundsException("target " + k + " outside 0.." + (targetCount - 1));
    }
    return targets[sample * targetCount + k];
  }

  public List<String> classNames() {
    return classNames;
  }

  public int label(int sample) {
    return labels[sample];
  }

  /** Value {@code offset} (0 to {@code sampleSize() - 1}) of one sample. */
  public float feature(int sample, int offset) {
    if (offset < 0 || offset >= sampleSize) {
      throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + (sampleSize - 1));
    }
    return features[sample * sampleSize + offset];
  }

  /**
   * What the model is checked against: the sample shape and the number of outputs it must end in, the class count (or, for
   * regression, the target count).
   */
  public DataSignature signature() {
    return new DataSignature(sampleShape, isRegression() ? targetCount : classes);
  }

  /** How many samples each class has; empty for regression. */
  public int[] classCounts() {
    int[] counts = new int[classes];
    if (isRegression()) {
      return counts;
    }
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /**
   * Copies the samples {@code order[from] .. order[from + count - 1]} into the start of {@code featuresOut} (sample after sample) and
   * their labels into {@code labelsOut}. This is the batch path: no allocation, one array copy per sample.
   */
  public void gather(int[] order, int from, int count, float[] featuresOut, int[] labelsOut) {
    for (int i = 0; i < count; i++) {
      int sample = order[from + i];
      System.arraycopy(features, sample * sampleSize, featuresOut, i * sampleSize, sampleSize);
      labelsOut[i] = labels[sample];
    }
  }

  /** Copies the targets of samples {@code order[from] .. order[from + count - 1]} into the start of {@code targetsOut}. */
  public void gatherTargets(int[] order, int from, int count, float[] targetsOut) {
    if (targets == null) {
      throw new IllegalStateException(name + " is a classification dataset: it has labels, not targets");
    }
    for (int i = 0; i < count; i++) {
      System.arraycopy(targets, order[from + i] * targetCount, targetsOut, i * targetCount, targetCount);
    }
  }

  /** A new dataset of the given samples, in the given order, with copied arrays. */
  public Dataset subset(int[] samples, String subsetName) {
    float[] f = new float[Math.multiplyExact(samples.length, sampleSize)];
    int[] l = new int[samples.length];
    gather(samples, 0, samples.length, f, l);
    if (targets == null) {
      return new Dataset(subsetName, f, l, sampleShape, classes, classNames);
    }
    float[] t = new float[Math.multiplyExact(samples.length, targetCount)];
    gatherTargets(samples, 0, samples.length, t);
    return regression(subsetName, f, t, sampleShape, targetNames);
  }

  /**
   * The feature array itself, for rescaling in place by the loader that made this dataset and holds the only reference to it.
   * Nobody else may write to it.
   */
  float[] featureArray() {
    return features;
  }

  @Override
  public String toString() {
    return name
        + " ("
        + size()
        + " samples of "
        + sampleShape
        + ", "
        + (isRegression() ? targetCount + (targetCount == 1 ? " target)" : " targets)") : classes + " classes)");
  }
}
