package org.layerlab.runtime.preview;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.layerlab.model.analysis.DataSignature;

/**
 * A look at a dataset before training: a few samples in the form that suits them, how many samples each class has, and the sample
 * shape and class count the model must fit. Samples are as read, before any normalisation.
 *
 * @param kind how the samples are best shown
 * @param signature the sample shape and the number of outputs the model must end in
 * @param groupNames the class names; for regression the one group, named after the targets
 * @param regression whether the samples have real-valued targets rather than classes
 * @param counts samples per class (one entry for regression), not counting the dataset's own test set
 * @param ownTestCounts samples per class of the dataset's own test set, or {@code null} when it has none
 * @param images a few images of each class ({@link Kind#IMAGES})
 * @param table the first rows of the file ({@link Kind#TABLE}), or {@code null}
 * @param points the points of a 2-D set, coloured by class ({@link Kind#POINTS}), or x and target of a 1-D regression
 *     ({@link Kind#CURVE}, label 0)
 * @param sequences a few sequences of each class ({@link Kind#SEQUENCES})
 * @param source where the data came from, in words (English, from the data loader)
 */
public record DataPreview(
    Kind kind,
    DataSignature signature,
    List<String> groupNames,
    boolean regression,
    int[] counts,
    int[] ownTestCounts,
    List<ImageSample> images,
    CsvHead table,
    List<Point> points,
    List<Sequence> sequences,
    String source) {

  /** How the samples are best shown. */
  public enum Kind {
    /** Images (channels, height, width): a grid of pictures with their class names. */
    IMAGES,
    /** Rows of a CSV file: a table. */
    TABLE,
    /** Two features and a class: a scatter plot coloured by class. */
    POINTS,
    /** One feature and one real target: the target against the feature. */
    CURVE,
    /** Sequences (steps, features): a line per sequence, coloured by class. */
    SEQUENCES,
    /** Other feature vectors: a table of values. */
    VECTORS
  }

  /**
   * One image.
   *
   * @param pixels channels-first, each plane row by row, as read (0 to 1 for the image formats Layerlab reads)
   */
  public record ImageSample(int channels, int height, int width, float[] pixels, int label) {
    public ImageSample {
      if (pixels.length != channels * height * width) {
        throw new IllegalArgumentException(pixels.length + " values for " + channels + " x " + height + " x " + width);
      }
    }
  }

  /** A point of a 2-D set, or (x, target) of a 1-D regression. */
  public record Point(double x, double y, int label) {}

  /** One sequence: the first feature of every step. */
  public record Sequence(float[] values, int label) {}

  public DataPreview {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(signature, "signature");
    groupNames = List.copyOf(groupNames);
    counts = counts.clone();
    ownTestCounts = ownTestCounts == null ? null : ownTestCounts.clone();
    images = List.copyOf(images);
    points = List.copyOf(points);
    sequences = List.copyOf(sequences);
    source = source == null ? "" : source;
  }

  /** All samples, the dataset's own test set not included. */
  public int total() {
    return Arrays.stream(counts).sum();
  }

  /** Whether the dataset has a test set of its own, so that a test fraction does not apply. */
  public boolean hasOwnTestSet() {
    return ownTestCounts != null;
  }

  /** How the samples divide into training, validation and test for these fractions. */
  public SplitCounts split(double testFraction, double validationFraction) {
    return SplitCounts.of(counts, ownTestCounts, testFraction, validationFraction);
  }

  @Override
  public int[] counts() {
    return counts.clone();
  }

  @Override
  public int[] ownTestCounts() {
    return ownTestCounts == null ? null : ownTestCounts.clone();
  }
}
