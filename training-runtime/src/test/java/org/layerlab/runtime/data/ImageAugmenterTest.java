package org.layerlab.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef.Augmentation;

class ImageAugmenterTest {

  private static final int C = 2;
  private static final int H = 5;
  private static final int W = 6;

  /** Image {@code i}: value 1 + i * 1000 + c * 100 + y * 10 + x, so that every pixel says where it came from. */
  private static float[] batch(int count) {
    float[] b = new float[count * C * H * W];
    for (int i = 0; i < count; i++) {
      for (int c = 0; c < C; c++) {
        for (int y = 0; y < H; y++) {
          for (int x = 0; x < W; x++) {
            b[((i * C + c) * H + y) * W + x] = 1 + i * 1000 + c * 100 + y * 10 + x;
          }
        }
      }
    }
    return b;
  }

  private static float at(float[] b, int i, int c, int y, int x) {
    return b[((i * C + c) * H + y) * W + x];
  }

  @Test
  void flippingMirrorsSomeImagesAndLeavesTheOthersExactly() {
    int n = 40;
    float[] b = batch(n);
    new ImageAugmenter(new Augmentation(true, 0, 0, 0), Shape.of(C, H, W), 7).apply(b, n);

    int flipped = 0;
    float[] original = batch(n);
    for (int i = 0; i < n; i++) {
      boolean same = at(b, i, 1, 2, 0) == at(original, i, 1, 2, 0);
      for (int c = 0; c < C; c++) {
        for (int y = 0; y < H; y++) {
          for (int x = 0; x < W; x++) {
            float expected = same ? at(original, i, c, y, x) : at(original, i, c, y, W - 1 - x);
            assertEquals(expected, at(b, i, c, y, x), "image " + i);
          }
        }
      }
      flipped += same ? 0 : 1;
    }
    assertTrue(flipped > 10 && flipped < 30, flipped + " of 40 flipped");
  }

  @Test
  void cropWithPaddingShiftsByWholePixelsAndFillsWithZero() {
    int n = 30;
    float[] b = batch(n);
    new ImageAugmenter(new Augmentation(false, 2, 0, 0), Shape.of(C, H, W), 3).apply(b, n);
    float[] original = batch(n);

    int moved = 0;
    for (int i = 0; i < n; i++) {
      boolean found = false;
      for (int dy = -2; dy <= 2 && !found; dy++) {
        for (int dx = -2; dx <= 2 && !found; dx++) {
          boolean all = true;
          for (int c = 0; c < C && all; c++) {
            for (int y = 0; y < H && all; y++) {
              for (int x = 0; x < W && all; x++) {
                int sy = y - dy;
                int sx = x - dx;
                float expected = sy < 0 || sx < 0 || sy >= H || sx >= W ? 0 : at(original, i, c, sy, sx);
                all = at(b, i, c, y, x) == expected;
              }
            }
          }
          if (all) {
            found = true;
            moved += dx != 0 || dy != 0 ? 1 : 0;
          }
        }
      }
      assertTrue(found, "image " + i + " is not a whole-pixel shift of at most 2: " + Arrays.toString(Arrays.copyOfRange(b, i * 60, i * 60 + 6)));
    }
    assertTrue(moved > 20, moved + " of 30 moved");
  }

  @Test
  void rotationKeepsTheCentreAndMovesTheCorners() {
    int n = 20;
    float[] b = new float[n * 1 * 9 * 9];
    Arrays.fill(b, 1f);
    new ImageAugmenter(new Augmentation(false, 0, 30, 0), Shape.of(1, 9, 9), 5).apply(b, n);

    int cornersCut = 0;
    for (int i = 0; i < n; i++) {
      assertEquals(1f, b[i * 81 + 4 * 9 + 4], 1e-6, "the centre of a rotation stays");
      cornersCut += b[i * 81] < 0.99f ? 1 : 0;
    }
    assertTrue(cornersCut > 10, "rotating a square image pulls zeros into its corners: " + cornersCut + " of 20");
  }

  @Test
  void theSameSeedGivesTheSameImagesAndOnlyCountImagesChange() {
    Augmentation all = new Augmentation(true, 1, 10, 0.1);
    float[] a = batch(4);
    float[] b = batch(4);
    new ImageAugmenter(all, Shape.of(C, H, W), 11).apply(a, 3);
    new ImageAugmenter(all, Shape.of(C, H, W), 11).apply(b, 3);
    assertArrayEquals(a, b);
    float[] untouched = batch(4);
    assertArrayEquals(Arrays.copyOfRange(untouched, 3 * 60, 4 * 60), Arrays.copyOfRange(a, 3 * 60, 4 * 60));
  }

  @Test
  void samplesThatAreNoImagesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ImageAugmenter(new Augmentation(true, 0, 0, 0), Shape.of(2), 1));
  }
}
