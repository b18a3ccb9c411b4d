package org.layerlab.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientsTest {

  @Test
  void theGlobalNormTakesAllArraysTogetherAndClippingKeepsTheDirection() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {3, 4});
      NDArray b = m.create(new float[] {12});
      List<NDArray> grads = List.of(a, b);

      double norm = Gradients.globalNorm(grads);
      assertEquals(13, norm, 1e-6);

      assertTrue(Gradients.clipByGlobalNorm(grads, norm, 6.5));
      double f = 6.5 / (13 + 1e-6);
      assertArrayEquals(new float[] {(float) (3 * f), (float) (4 * f)}, a.toFloatArray(), 1e-6f);
      assertArrayEquals(new float[] {(float) (12 * f)}, b.toFloatArray(), 1e-6f);
      assertEquals(6.5, Gradients.globalNorm(grads), 1e-5);

      assertFalse(Gradients.clipByGlobalNorm(grads, 6.5, 100), "below the limit nothing changes");
      assertArrayEquals(new float[] {(float) (12 * f)}, b.toFloatArray(), 1e-6f);
    }
  }

  @Test
  void noGradientsHaveNormZero() {
    assertEquals(0, Gradients.globalNorm(List.of()));
  }
}
