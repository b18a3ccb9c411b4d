package org.layerlab.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each loss against its formula on two samples of three outputs, computed here in doubles. */
class LossesTest {

  private static final double[][] LOGITS = {{2.0, -1.0, 0.5}, {-0.3, 0.8, 3.0}};
  private static final int[] CLASSES = {0, 1};

  private static NDManager manager;

  @BeforeAll
  static void engine() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static NDList logits() {
    float[] f = new float[6];
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 3; k++) {
        f[i * 3 + k] = (float) LOGITS[i][k];
      }
    }
    return new NDList(manager.create(f, new Shape(2, 3)));
  }

  private static NDList classes() {
    return new NDList(manager.create(CLASSES));
  }

  private static double[] logSoftmax(double[] z) {
    double max = Math.max(z[0], Math.max(z[1], z[2]));
    double sum = 0;
    for (double v : z) {
      sum += Math.exp(v - max);
    }
    double[] out = new double[z.length];
    for (int k = 0; k < z.length; k++) {
      out[k] = z[k] - max - Math.log(sum);
    }
    return out;
  }

  private static double oneHot(int i, int k) {
    return CLASSES[i] == k ? 1 : 0;
  }

  private static void assertLoss(double[] perSample, SampleLoss loss, NDList labels) {
    float[] got = loss.perSample(labels, logits()).toFloatArray();
    assertArrayEquals(new float[] {(float) perSample[0], (float) perSample[1]}, got, 1e-5f);
    assertEquals((perSample[0] + perSample[1]) / 2, loss.evaluate(labels, logits()).getFloat(), 1e-5);
  }

  @Test
  void crossEntropyIsMinusTheLogProbabilityOfTheTrueClass() {
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      expected[i] = -logSoftmax(LOGITS[i])[CLASSES[i]];
    }
    assertLoss(expected, new CrossEntropyLoss(0), classes());
  }

  @Test
  void labelSmoothingMixesInTheUniformDistribution() {
    double eps = 0.1;
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      double[] lp = logSoftmax(LOGITS[i]);
      for (int k = 0; k < 3; k++) {
        double target = (1 - eps) * oneHot(i, k) + eps / 3;
        expected[i] -= target * lp[k];
      }
    }
    assertLoss(expected, new CrossEntropyLoss((float) eps), classes());
  }

  @Test
  void crossEntropyTakesTargetDistributionsToo() {
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      double[] lp = logSoftmax(LOGITS[i]);
      expected[i] = -(0.5 * lp[0] + 0.5 * lp[2]);
    }
    NDArray targets = manager.create(new float[] {0.5f, 0, 0.5f, 0.5f, 0, 0.5f}, new Shape(2, 3));
    assertLoss(expected, new CrossEntropyLoss(0), new NDList(targets));
  }

  @Test
  void binaryCrossEntropyTreatsEachClassAsAYesNoQuestion() {
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 3; k++) {
        double p = 1 / (1 + Math.exp(-LOGITS[i][k]));
        double t = oneHot(i, k);
        expected[i] += -(t * Math.log(p) + (1 - t) * Math.log(1 - p)) / 3;
      }
    }
    assertLoss(expected, new BinaryCrossEntropyLoss(), classes());
  }

  @Test
  void binaryCrossEntropyDoesNotOverflowOnLargeLogits() {
    NDArray x = manager.create(new float[] {100f, -100f}, new Shape(2, 1));
    NDArray t = manager.create(new float[] {0f, 1f}, new Shape(2, 1));
    float[] got = new BinaryCrossEntropyLoss().perSample(new NDList(t), new NDList(x)).toFloatArray();
    assertArrayEquals(new float[] {100f, 100f}, got, 1e-3f);
  }

  @Test
  void meanSquaredErrorAveragesTheSquaredDifferences() {
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 3; k++) {
        double d = LOGITS[i][k] - oneHot(i, k);
        expected[i] += d * d / 3;
      }
    }
    assertLoss(expected, new MeanSquaredErrorLoss(), classes());
  }

  @Test
  void l1AveragesTheAbsoluteDifferencesToRealTargets() {
    float[] targets = {1.5f, 0, 0, 0, 0, 2.5f};
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 3; k++) {
        expected[i] += Math.abs(LOGITS[i][k] - targets[i * 3 + k]) / 3;
      }
    }
    assertLoss(expected, new MeanAbsoluteErrorLoss(), new NDList(manager.create(targets, new Shape(2, 3))));
  }

  @Test
  void huberIsSquaredNearTheTargetAndLinearFarFromIt() {
    double delta = 1.0;
    double[] expected = new double[2];
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 3; k++) {
        double d = Math.abs(LOGITS[i][k] - oneHot(i, k));
        expected[i] += (d <= delta ? d * d / 2 : delta * (d - delta / 2)) / 3;
      }
    }
    assertLoss(expected, new HuberLoss((float) delta), classes());
  }
}
