package org.layerlab.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each optimizer against a few steps worked out by hand on a tiny quadratic, {@code f(w) = Σ a_i (w_i - c_i)² / 2} with gradient
 * {@code a_i (w_i - c_i)}. The expected values follow PyTorch's documented update rules, written out here per element in doubles, so
 * that a wrong sign, a missing bias correction or a misplaced epsilon shows.
 */
class OptimizerUpdateTest {

  private static final double[] START = {1.0, -2.0};
  private static final double[] A = {1.0, 3.0};
  private static final double[] C = {0.5, 0.25};
  private static final int STEPS = 4;

  private static NDManager manager;

  @BeforeAll
  static void engine() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static double grad(double w, int i) {
    return A[i] * (w - C[i]);
  }

  /** Runs the optimizer for {@link #STEPS} steps from {@link #START}, each gradient taken at the weights the engine holds. */
  private static double[] run(LayerlabOptimizer optimizer) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray w = scope.create(toFloats(START));
      for (int s = 0; s < STEPS; s++) {
        float[] now = w.toFloatArray();
        float[] g = new float[now.length];
        for (int i = 0; i < now.length; i++) {
          g[i] = (float) grad(now[i], i);
        }
        try (NDArray gradient = scope.create(g)) {
          optimizer.update("w", w, gradient);
        }
      }
      return toDoubles(w.toFloatArray());
    }
  }

  private static Tracker rate(double lr) {
    return Tracker.fixed((float) lr);
  }

  @Test
  void plainSgdStepsAgainstTheGradient() {
    double lr = 0.1;
    double[] w = START.clone();
    for (int s = 0; s < STEPS; s++) {
      for (int i = 0; i < 2; i++) {
        w[i] -= lr * grad(w[i], i);
      }
    }
    assertClose(w, run(SgdOptimizer.builder().setLearningRateTracker(rate(lr)).build()));
  }

  @Test
  void sgdMomentumAccumulatesAVelocity() {
    double lr = 0.1;
    double mu = 0.9;
    double[] w = START.clone();
    double[] b = new double[2];
    for (int s = 0; s < STEPS; s++) {
      for (int i = 0; i < 2; i++) {
        b[i] = mu * b[i] + grad(w[i], i);
        w[i] -= lr * b[i];
      }
    }
    assertClose(w, run(SgdOptimizer.builder().setLearningRateTracker(rate(lr)).optMomentum((float) mu).build()));
  }

  @Test
  void nesterovLooksAheadAlongTheVelocity() {
    double lr = 0.1;
    double mu = 0.9;
    double[] w = START.clone();
    double[] b = new double[2];
    for (int s = 0; s < STEPS; s++) {
      for (int i = 0; i < 2; i++) {
        double g = grad(w[i], i);
        b[i] = mu * b[i] + g;
        w[i] -= lr * (g + mu * b[i]);
      }
    }
    double[] got =
        run(SgdOptimizer.builder().setLearningRateTracker(rate(lr)).optMomentum((float) mu).optNesterov(true).build());
    assertClose(w, got);
  }

  @Test
  void sgdWeightDecayAddsTheWeightToTheGradient() {
    double lr = 0.1;
    double wd = 0.5;
    double[] w = START.clone();
    for (int s = 0; s < STEPS; s++) {
      for (int i = 0; i < 2; i++) {
        w[i] -= lr * (grad(w[i], i) + wd * w[i]);
      }
    }
    assertClose(w, run(SgdOptimizer.builder().setLearningRateTracker(rate(lr)).optWeightDecays((float) wd).build()));
  }

  @ParameterizedTest(name = "fused kernel {0}")
  @ValueSource(booleans = {true, false})
  void adamCorrectsTheBiasOfItsMoments(boolean fused) {
    assertClose(adamByHand(0.05, 0, false), run(AdamOptimizer.builder().setLearningRateTracker(rate(0.05)).optFused(fused).build()));
  }

  @ParameterizedTest(name = "fused kernel {0}")
  @ValueSource(booleans = {true, false})
  void adamWeightDecayIsL2InsideTheMoments(boolean fused) {
    LayerlabOptimizer adam = AdamOptimizer.builder().setLearningRateTracker(rate(0.05)).optWeightDecays(0.1f).optFused(fused).build();
    assertClose(adamByHand(0.05, 0.1, false), run(adam));
  }

  @ParameterizedTest(name = "fused kernel {0}")
  @ValueSource(booleans = {true, false})
  void adamWDecaysTheWeightsOutsideTheMoments(boolean fused) {
    LayerlabOptimizer adamW =
        AdamOptimizer.adamWBuilder().setLearningRateTracker(rate(0.05)).optWeightDecays(0.1f).optFused(fused).build();
    double[] expected = adamByHand(0.05, 0.1, true);
    assertClose(expected, run(adamW));
    assertNotClose(adamByHand(0.05, 0.1, false), expected);
  }

  private static double[] adamByHand(double lr, double wd, boolean decoupled) {
    double b1 = 0.9;
    double b2 = 0.999;
    double eps = 1e-8;
    double[] w = START.clone();
    double[] m = new double[2];
    double[] v = new double[2];
    for (int t = 1; t <= STEPS; t++) {
      for (int i = 0; i < 2; i++) {
        double g = grad(w[i], i);
        if (decoupled) {
          w[i] *= 1 - lr * wd;
        } else {
          g += wd * w[i];
        }
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        double mHat = m[i] / (1 - Math.pow(b1, t));
        double vHat = v[i] / (1 - Math.pow(b2, t));
        w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
      }
    }
    return w;
  }

  @Test
  void adagradDividesByTheRootOfAllSquaredGradients() {
    double lr = 0.5;
    double eps = 1e-10;
    double[] w = START.clone();
    double[] sum = new double[2];
    for (int s = 0; s < STEPS; s++) {
      for (int i = 0; i < 2; i++) {
        double g = grad(w[i], i);
        sum[i] += g * g;
        w[i] -= lr * g / (Math.sqrt(sum[i]) + eps);
      }
    }
    assertClose(w, run(AdagradOptimizer.builder().setLearningRateTracker(rate(lr)).build()));
  }

  @Test
  void rmsPropDividesByARunningRootMeanSquare() {
    double lr = 0.01;
    double rho = 0.9;
    double eps = 1e-8;
    double[] w = START.clone();
    double[] v = new double[2];
    for (int s = 0; s < STEPS; s++) {
      for (int i = 0; i < 2; i++) {
        double g = grad(w[i], i);
        v[i] = rho * v[i] + (1 - rho) * g * g;
        w[i] -= lr * g / (Math.sqrt(v[i]) + eps);
      }
    }
    assertClose(w, run(RmsPropOptimizer.builder().setLearningRateTracker(rate(lr)).optRho((float) rho).build()));
  }

  @Test
  void adadeltaScalesTheStepByPastStepsOverPastGradients() {
    double lr = 1.0;
    double rho = 0.9;
    double eps = 1e-6;
    double[] w = START.clone();
    double[] v = new double[2];
    double[] u = new double[2];
    for (int s = 0; s < STEPS; s++) {
      for (int i = 0; i < 2; i++) {
        double g = grad(w[i], i);
        v[i] = rho * v[i] + (1 - rho) * g * g;
        double delta = Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps) * g;
        u[i] = rho * u[i] + (1 - rho) * delta * delta;
        w[i] -= lr * delta;
      }
    }
    assertClose(w, run(AdadeltaOptimizer.builder().setLearningRateTracker(rate(lr)).build()));
  }

  @Test
  void theScheduleSetsTheRateOfEachUpdate() {
    double[] rates = {0.1, 0.05, 0.025, 0.0125};
    double[] w = START.clone();
    for (int s = 0; s < STEPS; s++) {
      for (int i = 0; i < 2; i++) {
        w[i] -= rates[s] * grad(w[i], i);
      }
    }
    LearningRateSchedule halving = LearningRateSchedule.exponentialDecay(0.1, 1, 0.5);
    assertClose(w, run(SgdOptimizer.builder().setLearningRateTracker(new ScheduleTracker(halving)).build()));
  }

  @Test
  void aParameterFactorScalesOnlyThatParameter() {
    ParameterRates rates = new ParameterRates(rate(0.2), Map.of("body", 0.1f));
    assertEquals(0.02f, rates.getNewValue("body", 1), 1e-7);
    assertEquals(0.2f, rates.getNewValue("head", 1), 1e-7);
  }

  @Test
  void savedStateAndUpdateCountContinueARunExactly() {
    // Uninterrupted: 4 Adam steps. Interrupted: 2 steps, state saved, a new optimizer restored with it does the other 2.
    double[] uninterrupted = run(AdamOptimizer.builder().setLearningRateTracker(rate(0.05)).build());

    LayerlabOptimizer first = AdamOptimizer.builder().setLearningRateTracker(rate(0.05)).build();
    try (NDManager scope = manager.newSubManager()) {
      NDArray w = scope.create(toFloats(START));
      step(first, w, scope);
      step(first, w, scope);
      Map<String, Map<String, NDArray>> saved = new HashMap<>();
      first.stateByParameter().forEach((id, byName) -> {
        Map<String, NDArray> copy = new HashMap<>();
        byName.forEach((name, a) -> copy.put(name, scope.create(a.toFloatArray())));
        saved.put(id, copy);
      });
      LayerlabOptimizer second = AdamOptimizer.builder().setLearningRateTracker(rate(0.05)).optBeginNumUpdate(2).build();
      second.restoreState(saved);
      step(second, w, scope);
      step(second, w, scope);
      assertClose(uninterrupted, toDoubles(w.toFloatArray()));
    }
  }

  private static void step(LayerlabOptimizer optimizer, NDArray w, NDManager scope) {
    float[] now = w.toFloatArray();
    float[] g = new float[now.length];
    for (int i = 0; i < now.length; i++) {
      g[i] = (float) grad(now[i], i);
    }
    optimizer.update("w", w, scope.create(g));
  }

  @Test
  void settingsOutOfRangeAreRefusedWithTheirName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SgdOptimizer.builder().setLearningRateTracker(rate(0.1)).optNesterov(true).build());
    assertEquals("Nesterov momentum needs a momentum above 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AdamOptimizer.builder().setLearningRateTracker(rate(0.1)).optBeta1(1f).build());
  }

  private static void assertClose(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 2e-5 * Math.max(1, Math.abs(expected[i])), "element " + i);
    }
  }

  private static void assertNotClose(double[] a, double[] b) {
    boolean differ = false;
    for (int i = 0; i < a.length; i++) {
      differ |= Math.abs(a[i] - b[i]) > 1e-4;
    }
    assertEquals(true, differ, "the two rules should give different weights");
  }

  private static float[] toFloats(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  private static double[] toDoubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
