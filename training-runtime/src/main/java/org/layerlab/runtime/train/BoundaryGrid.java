package org.layerlab.runtime.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import java.nio.FloatBuffer;
import org.layerlab.runtime.compile.BlockCompiler;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.events.DecisionBoundary;

/**
 * Evaluates a two-feature classifier on a grid over the plane of its training data, as TensorFlow Playground draws behind its
 * points. The grid spans the data's bounds plus a margin of a tenth on every side; one forward pass of {@code size * size} points
 * in evaluation mode (about a millisecond for a small network at 100 x 100).
 */
final class BoundaryGrid {

  /** Columns and rows of the grid. */
  static final int SIZE = 100;

  private static final double MARGIN = 0.1;

  private final Dataset train;
  private final double xMin;
  private final double xMax;
  private final double yMin;
  private final double yMax;
  private final float[] points;

  private BoundaryGrid(Dataset train) {
    this.train = train;
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < train.size(); i++) {
      double x = train.feature(i, 0);
      double y = train.feature(i, 1);
      if (Double.isFinite(x) && Double.isFinite(y)) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
    if (!(x1 > x0)) {
      x0 = Double.isFinite(x0) ? x0 - 1 : -1;
      x1 = x0 + 2;
    }
    if (!(y1 > y0)) {
      y0 = Double.isFinite(y0) ? y0 - 1 : -1;
      y1 = y0 + 2;
    }
    double mx = (x1 - x0) * MARGIN;
    double my = (y1 - y0) * MARGIN;
    this.xMin = x0 - mx;
    this.xMax = x1 + mx;
    this.yMin = y0 - my;
    this.yMax = y1 + my;
    this.points = new float[SIZE * SIZE * 2];
    for (int r = 0; r < SIZE; r++) {
      for (int c = 0; c < SIZE; c++) {
        int i = (r * SIZE + c) * 2;
        points[i] = (float) (xMin + (c + 0.5) * (xMax - xMin) / SIZE);
        points[i + 1] = (float) (yMin + (r + 0.5) * (yMax - yMin) / SIZE);
      }
    }
  }

  /** A grid for {@code train} when its samples are two numbers of a classification, else {@code null}. */
  static BoundaryGrid forData(Dataset train) {
    if (train.isRegression() || train.sampleSize() != 2 || train.size() == 0 || train.classes() < 2) {
      return null;
    }
    return new BoundaryGrid(train);
  }

  /** The model's class probabilities at every cell's centre. */
  DecisionBoundary evaluate(Trainer trainer, int epoch, long step) {
    int n = SIZE * SIZE;
    int classes = train.classes();
    float[] logits;
    try (NDManager scope = trainer.getManager().newSubManager()) {
      NDList input = new NDList(scope.create(FloatBuffer.wrap(points), BlockCompiler.batchShape(train.sampleShape(), n)));
      logits = trainer.evaluate(input).singletonOrThrow().toFloatArray();
    }
    float[] p = new float[n * classes];
    for (int i = 0; i < n; i++) {
      int base = i * classes;
      float max = Float.NEGATIVE_INFINITY;
      for (int k = 0; k < classes; k++) {
        max = Math.max(max, logits[base + k]);
      }
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        double e = Math.exp(logits[base + k] - max);
        p[base + k] = (float) e;
        sum += e;
      }
      for (int k = 0; k < classes; k++) {
        p[base + k] = (float) (p[base + k] / sum);
      }
    }
    return new DecisionBoundary(epoch, step, xMin, xMax, yMin, yMax, SIZE, SIZE, classes, p, System.currentTimeMillis());
  }
}
