package org.layerlab.runtime.data;

import java.util.Random;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef.Augmentation;

/**
 * Changes a batch of training images in place, each image by its own random draw: a left-right flip with probability one half, a
 * random crop with padding (a shift by a whole number of pixels from {@code -cropPadding} to {@code +cropPadding} on each axis, which
 * is what padding by {@code p} and cutting a random window of the original size does), a rotation about the centre by up to
 * {@code rotationDegrees} either way, and a shift by up to {@code shift} of the width and height.
 *
 * <p>All four make one affine map per image. Each output pixel is read from the source position that map sends it to, by bilinear
 * interpolation; pixels whose source lies outside the image are 0. The data is normalised before augmentation, so for standardised
 * images 0 is the channel's mean rather than black. With no rotation and no shift every source position is a whole pixel, and the
 * pixels are copied exactly.
 *
 * <p>Seeded: the same seed and batches give the same images. Not thread-safe: one augmenter per training thread.
 *
 * @see <a href="https://arxiv.org/abs/1512.03385">He et al. 2015, Deep Residual Learning, section 4.2: the 4-pixel padding and
 *     random crop with flips used for CIFAR-10</a>
 */
public final class ImageAugmenter {

  private static final long SALT = 0x6A09_E667_F3BC_C908L;

  private final Augmentation augmentation;
  private final int channels;
  private final int height;
  private final int width;
  private final Random random;
  private final float[] source;

  /**
   * @param sampleShape (channels, height, width)
   * @throws IllegalArgumentException when the samples are not images
   */
  public ImageAugmenter(Augmentation augmentation, Shape sampleShape, long seed) {
    if (sampleShape.rank() != 3) {
      throw new IllegalArgumentException("augmentation needs image samples (channels, height, width), got " + sampleShape);
    }
    this.augmentation = augmentation;
    this.channels = sampleShape.dim(0);
    this.height = sampleShape.dim(1);
    this.width = sampleShape.dim(2);
    // Training shuffles with a Random of the same project seed; the salt keeps the two from drawing the same numbers.
    this.random = new Random(seed ^ SALT);
    this.source = new float[channels * height * width];
  }

  /** Augments the first {@code count} images of {@code batch}, image after image. */
  public void apply(float[] batch, int count) {
    for (int i = 0; i < count; i++) {
      augment(batch, i * source.length);
    }
  }

  private void augment(float[] batch, int base) {
    boolean flip = augmentation.flip() && random.nextBoolean();
    double tx = 0;
    double ty = 0;
    int pad = augmentation.cropPadding();
    if (pad > 0) {
      tx += random.nextInt(2 * pad + 1) - pad;
      ty += random.nextInt(2 * pad + 1) - pad;
    }
    double angle = 0;
    if (augmentation.rotationDegrees() > 0) {
      angle = Math.toRadians(augmentation.rotationDegrees() * (2 * random.nextDouble() - 1));
    }
    if (augmentation.shift() > 0) {
      tx += augmentation.shift() * width * (2 * random.nextDouble() - 1);
      ty += augmentation.shift() * height * (2 * random.nextDouble() - 1);
    }
    if (!flip && tx == 0 && ty == 0 && angle == 0) {
      return;
    }
    System.arraycopy(batch, base, source, 0, source.length);
    double cx = (width - 1) / 2.0;
    double cy = (height - 1) / 2.0;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    int plane = width * height;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        // Invert the map: undo the shift, then the rotation (about the centre), then the flip.
        double u = x - tx - cx;
        double v = y - ty - cy;
        double sx = cos * u + sin * v + cx;
        double sy = -sin * u + cos * v + cy;
        if (flip) {
          sx = width - 1 - sx;
        }
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        for (int c = 0; c < channels; c++) {
          int p = c * plane;
          double top = (1 - fx) * pixel(p, x0, y0) + (fx == 0 ? 0 : fx * pixel(p, x0 + 1, y0));
          double value = top;
          if (fy != 0) {
            double bottom = (1 - fx) * pixel(p, x0, y0 + 1) + (fx == 0 ? 0 : fx * pixel(p, x0 + 1, y0 + 1));
            value = (1 - fy) * top + fy * bottom;
          }
          batch[base + p + y * width + x] = (float) value;
        }
      }
    }
  }

  private float pixel(int planeBase, int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return 0;
    }
    return source[planeBase + y * width + x];
  }
}
