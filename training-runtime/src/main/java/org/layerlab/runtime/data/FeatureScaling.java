package org.layerlab.runtime.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Arrays;
import java.util.Locale;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef.Normalisation;

/**
 * A normalisation fitted to a training set: {@code x' = (x - offset) / scale} for every value, with one offset and scale per group of
 * values. Min-max uses the group's minimum and range; standardisation its mean and standard deviation (of the population). A group
 * whose values are all equal gets scale 1, so it becomes 0 rather than a division by zero.
 *
 * <p>Groups follow the sample shape: an image (channels, height, width) has one group per channel, as CIFAR models are usually
 * normalised; a vector (features) one per feature; a sequence (steps, features) one per feature across all steps. Every group's
 * statistics come from the training samples only. The same scaling is applied to validation and test samples, and must be applied to
 * anything the trained model is asked later.
 */
public final class FeatureScaling {

  private final Normalisation mode;
  private final Shape sampleShape;
  private final double[] offset;
  private final double[] scale;
  private final int fittedOn;

  private FeatureScaling(Normalisation mode, Shape sampleShape, double[] offset, double[] scale, int fittedOn) {
    this.mode = mode;
    this.sampleShape = sampleShape;
    this.offset = offset;
    this.scale = scale;
    this.fittedOn = fittedOn;
  }

  /** The scaling {@code mode} calls for, with statistics of {@code train}. */
  public static FeatureScaling fit(Dataset train, Normalisation mode) {
    if (mode == Normalisation.NONE) {
      throw new IllegalArgumentException("normalisation NONE fits nothing");
    }
    Shape shape = train.sampleShape();
    int groups = groups(shape);
    double[] offset = new double[groups];
    double[] scale = new double[groups];
    float[] x = train.featureArray();
    int size = train.sampleSize();
    int[] groupOf = groupOf(shape);
    if (mode == Normalisation.MIN_MAX) {
      double[] min = new double[groups];
      double[] max = new double[groups];
      Arrays.fill(min, Double.POSITIVE_INFINITY);
      Arrays.fill(max, Double.NEGATIVE_INFINITY);
      for (int i = 0; i < x.length; i++) {
        int g = groupOf[i % size];
        min[g] = Math.min(min[g], x[i]);
        max[g] = Math.max(max[g], x[i]);
      }
      for (int g = 0; g < groups; g++) {
        offset[g] = train.size() == 0 ? 0 : min[g];
        double range = max[g] - min[g];
        scale[g] = range > 0 ? range : 1;
      }
    } else {
      double[] sum = new double[groups];
      long[] count = new long[groups];
      for (int i = 0; i < x.length; i++) {
        int g = groupOf[i % size];
        sum[g] += x[i];
        count[g]++;
      }
      double[] squares = new double[groups];
      for (int g = 0; g < groups; g++) {
        offset[g] = count[g] == 0 ? 0 : sum[g] / count[g];
      }
      // a second pass around the mean: summing squares of raw values loses the digits that matter when the mean is large
      for (int i = 0; i < x.length; i++) {
        int g = groupOf[i % size];
        double d = x[i] - offset[g];
        squares[g] += d * d;
      }
      for (int g = 0; g < groups; g++) {
        double std = count[g] == 0 ? 0 : Math.sqrt(squares[g] / count[g]);
        scale[g] = std > 1e-12 ? std : 1;
      }
    }
    return new FeatureScaling(mode, shape, offset, scale, train.size());
  }

  /** Rescales the features of {@code data}, which the caller made and holds the only reference to, in place. */
  void applyInPlace(Dataset data) {
    if (!data.sampleShape().equals(sampleShape)) {
      throw new IllegalArgumentException("fitted to samples " + sampleShape + ", given " + data.sampleShape());
    }
    float[] x = data.featureArray();
    int size = data.sampleSize();
    float[] perOffset = new float[size];
    float[] perScale = new float[size];
    int[] groupOf = groupOf(sampleShape);
    for (int o = 0; o < size; o++) {
      int g = groupOf[o];
      perOffset[o] = (float) offset[g];
      perScale[o] = (float) (1 / scale[g]);
    }
    for (int i = 0; i < x.length; i++) {
      int o = i % size;
      x[i] = (x[i] - perOffset[o]) * perScale[o];
    }
  }

  /** Rescales one sample's values (or a batch's, sample after sample) in place, as the training data was. */
  public void apply(float[] values, int samples) {
    int size = (int) sampleShape.elements();
    int[] groupOf = groupOf(sampleShape);
    for (int s = 0; s < samples; s++) {
      for (int o = 0; o < size; o++) {
        int g = groupOf[o];
        values[s * size + o] = (float) ((values[s * size + o] - offset[g]) / scale[g]);
      }
    }
  }

  /** The fitted statistics as a file holds them, so that a trained model can scale what it is asked later. */
  private record Stored(String mode, int[] sampleShape, double[] offsets, double[] scales, int fittedOn) {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** This scaling as JSON: its mode, the sample shape it was fitted to, and every group's offset and scale. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(new Stored(mode.jsonName(), sampleShape.toArray(), offset, scale, fittedOn));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("numbers and a name always make JSON", e);
    }
  }

  /**
   * A scaling read back from {@link #toJson()}.
   *
   * @throws IllegalArgumentException naming what is wrong when the text is not such a scaling
   */
  public static FeatureScaling fromJson(String json) {
    Stored s;
    try {
      s = JSON.readValue(json, Stored.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a saved normalisation: " + e.getOriginalMessage(), e);
    }
    Normalisation mode =
        Normalisation.fromJsonName(String.valueOf(s.mode()))
            .filter(m -> m != Normalisation.NONE)
            .orElseThrow(() -> new IllegalArgumentException("unknown normalisation '" + s.mode() + "'"));
    if (s.sampleShape() == null || s.offsets() == null || s.scales() == null) {
      throw new IllegalArgumentException("a saved normalisation needs sampleShape, offsets and scales");
    }
    Shape shape = Shape.of(s.sampleShape());
    int groups = groups(shape);
    if (s.offsets().length != groups || s.scales().length != groups) {
      throw new IllegalArgumentException(
          "samples of " + shape + " have " + groups + " groups, but " + s.offsets().length + " offsets and " + s.scales().length + " scales are saved");
    }
    return new FeatureScaling(mode, shape, s.offsets().clone(), s.scales().clone(), s.fittedOn());
  }

  /** The shape of the samples it was fitted to. */
  public Shape sampleShape() {
    return sampleShape;
  }

  public Normalisation mode() {
    return mode;
  }

  /** The value subtracted from each group (channel or feature). */
  public double[] offsets() {
    return offset.clone();
  }

  /** The value each group is divided by after the offset is subtracted. */
  public double[] scales() {
    return scale.clone();
  }

  /** How many values share one offset and scale: channels of an image, features of a vector or of a sequence's steps. */
  static int groups(Shape shape) {
    if (shape.rank() >= 3) {
      return shape.dim(0);
    }
    return shape.dim(shape.rank() - 1);
  }

  /** The group of each value of a sample, by its offset in the sample. */
  private static int[] groupOf(Shape shape) {
    int size = (int) shape.elements();
    int[] g = new int[size];
    int plane = shape.rank() >= 3 ? size / shape.dim(0) : 0;
    int features = shape.dim(shape.rank() - 1);
    for (int o = 0; o < size; o++) {
      g[o] = shape.rank() >= 3 ? o / plane : o % features;
    }
    return g;
  }

  /** In words, for the run's data source line: which statistics, of how many groups, from how many samples. */
  public String describe() {
    String what = mode == Normalisation.MIN_MAX ? "scaled to 0..1 (min-max)" : "standardised (mean 0, standard deviation 1)";
    String per = sampleShape.rank() >= 3 ? "per channel" : "per feature";
    StringBuilder sb = new StringBuilder(what).append(' ').append(per).append(" with statistics of the ").append(fittedOn);
    sb.append(" training samples");
    if (offset.length <= 4) {
      sb.append(" (").append(mode == Normalisation.MIN_MAX ? "min " : "mean ").append(list(offset));
      sb.append(mode == Normalisation.MIN_MAX ? ", range " : ", std ").append(list(scale)).append(')');
    }
    return sb.toString();
  }

  private static String list(double[] v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.4g", v[i]));
    }
    return sb.toString();
  }
}
