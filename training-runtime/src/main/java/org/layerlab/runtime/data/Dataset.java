package org.layerlab.runtime.data;

import java.util.List;
import java.util.Objects;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;

/**
 * A labelled classification dataset held in memory: every sample's features in one flat {@code float[]}, sample after sample, and
 * one {@code int} label per sample. There is no Java object per sample, so sixty thousand images cost one array and gathering a
 * batch is a series of array copies.
 *
 * <p>The arrays are taken over, not copied: whoever builds a dataset hands them over and keeps no reference.
 */
public final class Dataset {

  private final String name;
  private final float[] features;
  private final int[] labels;
  private final Shape sampleShape;
  private final int sampleSize;
  private final int classes;
  private final List<String> classNames;

  /**
   * @param features {@code labels.length * sampleShape.elements()} values
   * @param labels class indices from 0 to {@code classes - 1}
   * @param classNames one name per class
   */
  public Dataset(String name, float[] features, int[] labels, Shape sampleShape, int classes, List<String> classNames) {
    this.name = Objects.requireNonNull(name, "name");
    this.features = Objects.requireNonNull(features, "features");
    this.labels = Objects.requireNonNull(labels, "labels");
    this.sampleShape = Objects.requireNonNull(sampleShape, "sampleShape");
    this.classNames = List.copyOf(classNames);
    long size = sampleShape.elements();
    if (size < 1 || size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("sample shape " + sampleShape + " has " + size + " values");
    }
    this.sampleSize = (int) size;
    if ((long) labels.length * sampleSize != features.length) {
      throw new IllegalArgumentException(
          labels.length + " labels need " + (long) labels.length * sampleSize + " feature values, got " + features.length);
    }
    if (classes < 1 || this.classNames.size() != classes) {
      throw new IllegalArgumentException(classes + " classes but " + this.classNames.size() + " class names");
    }
    this.classes = classes;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is outside 0.." + (classes - 1));
      }
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

  public int classes() {
    return classes;
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

  /** What the model is checked against: the sample shape and the class count. */
  public DataSignature signature() {
    return new DataSignature(sampleShape, classes);
  }

  /** How many samples each class has. */
  public int[] classCounts() {
    int[] counts = new int[classes];
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

  /** A new dataset of the given samples, in the given order, with copied arrays. */
  public Dataset subset(int[] samples, String subsetName) {
    float[] f = new float[Math.multiplyExact(samples.length, sampleSize)];
    int[] l = new int[samples.length];
    gather(samples, 0, samples.length, f, l);
    return new Dataset(subsetName, f, l, sampleShape, classes, classNames);
  }

  @Override
  public String toString() {
    return name + " (" + size() + " samples of " + sampleShape + ", " + classes + " classes)";
  }
}
