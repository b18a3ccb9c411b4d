package org.layerlab.charts.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.layerlab.charts.boundary.DecisionField;
import org.layerlab.charts.boundary.LabeledPoint;

/**
 * A tiny neural network in plain Java for the decision-boundary demo: two inputs, two tanh layers of eight units, a softmax over
 * two classes, trained by stochastic gradient descent on two interleaved spirals, as in TensorFlow Playground.
 */
final class PlaygroundModel {

  private static final int H = 8;

  private final Random random = new Random(42);
  private final double[][] w1 = matrix(H, 2);
  private final double[] b1 = new double[H];
  private final double[][] w2 = matrix(H, H);
  private final double[] b2 = new double[H];
  private final double[][] w3 = matrix(2, H);
  private final double[] b3 = new double[2];

  private double[][] matrix(int rows, int columns) {
    double[][] m = new double[rows][columns];
    for (double[] row : m) {
      for (int j = 0; j < columns; j++) {
        row[j] = random.nextGaussian() / Math.sqrt(columns);
      }
    }
    return m;
  }

  /** Two spirals of n points each, with a little noise. */
  static List<LabeledPoint> spirals(int n, long seed) {
    Random r = new Random(seed);
    List<LabeledPoint> out = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      for (int i = 0; i < n; i++) {
        double t = 0.25 + 2.6 * i / n * Math.PI;
        double radius = t / (2.9 * Math.PI) * 5;
        double angle = t + k * Math.PI;
        out.add(
            new LabeledPoint(
                radius * Math.sin(angle) + r.nextGaussian() * 0.12,
                radius * Math.cos(angle) + r.nextGaussian() * 0.12,
                k));
      }
    }
    return out;
  }

  double[] probabilities(double x, double y) {
    double[] h1 = new double[H];
    double[] h2 = new double[H];
    return forward(x, y, h1, h2);
  }

  private double[] forward(double x, double y, double[] h1, double[] h2) {
    for (int i = 0; i < H; i++) {
      h1[i] = Math.tanh(w1[i][0] * x + w1[i][1] * y + b1[i]);
    }
    for (int i = 0; i < H; i++) {
      double s = b2[i];
      for (int j = 0; j < H; j++) {
        s += w2[i][j] * h1[j];
      }
      h2[i] = Math.tanh(s);
    }
    double[] z = new double[2];
    for (int k = 0; k < 2; k++) {
      z[k] = b3[k];
      for (int j = 0; j < H; j++) {
        z[k] += w3[k][j] * h2[j];
      }
    }
    double m = Math.max(z[0], z[1]);
    double e0 = Math.exp(z[0] - m);
    double e1 = Math.exp(z[1] - m);
    return new double[] {e0 / (e0 + e1), e1 / (e0 + e1)};
  }

  /** One pass of stochastic gradient descent over the points in random order; returns the mean cross-entropy. */
  double epoch(List<LabeledPoint> points, double rate) {
    List<LabeledPoint> order = new ArrayList<>(points);
    java.util.Collections.shuffle(order, random);
    double loss = 0;
    double[] h1 = new double[H];
    double[] h2 = new double[H];
    for (LabeledPoint p : order) {
      double[] out = forward(p.x(), p.y(), h1, h2);
      loss -= Math.log(Math.max(1e-12, out[p.label()]));
      double[] dz = {out[0] - (p.label() == 0 ? 1 : 0), out[1] - (p.label() == 1 ? 1 : 0)};
      double[] dh2 = new double[H];
      for (int k = 0; k < 2; k++) {
        for (int j = 0; j < H; j++) {
          dh2[j] += w3[k][j] * dz[k];
          w3[k][j] -= rate * dz[k] * h2[j];
        }
        b3[k] -= rate * dz[k];
      }
      double[] dh1 = new double[H];
      for (int i = 0; i < H; i++) {
        double g = dh2[i] * (1 - h2[i] * h2[i]);
        for (int j = 0; j < H; j++) {
          dh1[j] += w2[i][j] * g;
          w2[i][j] -= rate * g * h1[j];
        }
        b2[i] -= rate * g;
      }
      for (int i = 0; i < H; i++) {
        double g = dh1[i] * (1 - h1[i] * h1[i]);
        w1[i][0] -= rate * g * p.x();
        w1[i][1] -= rate * g * p.y();
        b1[i] -= rate * g;
      }
    }
    return loss / points.size();
  }

  DecisionField field(double extent, int cells) {
    return DecisionField.sample(-extent, extent, -extent, extent, cells, cells, 2, this::probabilities);
  }
}
