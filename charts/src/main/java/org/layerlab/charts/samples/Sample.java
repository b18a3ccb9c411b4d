package org.layerlab.charts.samples;

import java.util.Objects;

/**
 * An input image with its true and predicted label, for a {@link SampleGrid}.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param argb the pixels row by row as opaque ARGB; copied
 * @param trueLabel the class the sample belongs to
 * @param predictedLabel the class the model gave it; null if not yet predicted
 * @param confidence the model's probability for its prediction, NaN if unknown
 */
public record Sample(int width, int height, int[] argb, String trueLabel, String predictedLabel, double confidence) {

  public Sample {
    Objects.requireNonNull(argb, "argb");
    Objects.requireNonNull(trueLabel, "trueLabel");
    if (width < 1 || height < 1 || argb.length != width * height) {
      throw new IllegalArgumentException(argb.length + " pixels for " + width + " x " + height);
    }
    argb = argb.clone();
  }

  /**
   * A grey-scale image such as an MNIST digit.
   *
   * @param pixels row by row, 0 black to 1 white; values outside are clamped
   */
  public static Sample grayscale(
      int width, int height, double[] pixels, String trueLabel, String predictedLabel, double confidence) {
    int[] argb = new int[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      int v = channel(pixels[i]);
      argb[i] = 0xff000000 | (v << 16) | (v << 8) | v;
    }
    return new Sample(width, height, argb, trueLabel, predictedLabel, confidence);
  }

  /**
   * A colour image such as a CIFAR-10 picture.
   *
   * @param pixels channels-first (red plane, green plane, blue plane), each row by row, 0 to 1, as tensors usually are
   */
  public static Sample rgb(int width, int height, double[] pixels, String trueLabel, String predictedLabel, double confidence) {
    int plane = width * height;
    if (pixels.length != 3 * plane) {
      throw new IllegalArgumentException(pixels.length + " values for 3 x " + width + " x " + height);
    }
    int[] argb = new int[plane];
    for (int i = 0; i < plane; i++) {
      argb[i] = 0xff000000 | (channel(pixels[i]) << 16) | (channel(pixels[plane + i]) << 8) | channel(pixels[2 * plane + i]);
    }
    return new Sample(width, height, argb, trueLabel, predictedLabel, confidence);
  }

  private static int channel(double v) {
    return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
  }

  /** Whether a prediction exists and differs from the true label. */
  public boolean isMisclassified() {
    return predictedLabel != null && !predictedLabel.equals(trueLabel);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sample s
        && width == s.width
        && height == s.height
        && java.util.Arrays.equals(argb, s.argb)
        && trueLabel.equals(s.trueLabel)
        && Objects.equals(predictedLabel, s.predictedLabel)
        && Double.compare(confidence, s.confidence) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(width, height, java.util.Arrays.hashCode(argb), trueLabel, predictedLabel, confidence);
  }

  @Override
  public String toString() {
    return "Sample[" + width + "x" + height + ", " + trueLabel + " -> " + predictedLabel + "]";
  }
}
