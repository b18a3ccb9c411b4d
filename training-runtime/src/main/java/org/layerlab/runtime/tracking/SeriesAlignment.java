package org.layerlab.runtime.tracking;

import java.util.List;
import org.layerlab.runtime.store.MetricSeries;
import org.layerlab.runtime.store.RunEntry;

/** Puts runs' series on a common {@link Axis} and reads them at common x positions. */
public final class SeriesAlignment {

  /**
   * Runs' values at common x positions.
   *
   * @param y one row per curve, {@code y[run][i]} the run's value at {@code x[i]} (see {@link Curve#valueAt}), NaN where it has none
   */
  public record Table(Axis axis, String tag, double[] x, double[][] y) {}

  private SeriesAlignment() {}

  /** A run's series on {@code axis}. */
  public static Curve curve(RunEntry run, MetricSeries s, Axis axis) {
    int n = s.size();
    double[] x = new double[n];
    double[] y = s.values().clone();
    if (n == 0) {
      return new Curve(run.id(), s.tag(), axis, x, y, "the run has no series " + s.tag());
    }
    switch (axis) {
      case STEP:
        for (int i = 0; i < n; i++) {
          x[i] = s.steps()[i];
        }
        break;
      case EPOCH:
        if (Axis.isEpochTag(s.tag())) {
          for (int i = 0; i < n; i++) {
            x[i] = s.steps()[i];
          }
        } else if (run.batchesPerEpoch() == null || run.batchesPerEpoch() < 1) {
          return new Curve(run.id(), s.tag(), axis, new double[0], new double[0], "the run does not know its batches per epoch");
        } else {
          double batches = run.batchesPerEpoch();
          for (int i = 0; i < n; i++) {
            x[i] = s.steps()[i] / batches;
          }
        }
        break;
      case WALL_TIME:
        long start = run.summary().startedAtMillis();
        for (int i = 0; i < n; i++) {
          x[i] = (s.wallTimesMillis()[i] - start) / 1000.0;
        }
        // Wall times of points written in one batch can tie or, across a clock change, go back: keep x ascending.
        sortByX(x, y);
        break;
      default:
        throw new IllegalStateException("unknown axis " + axis);
    }
    return new Curve(run.id(), s.tag(), axis, x, y, "");
  }

  /**
   * The curves read at {@code rows} evenly spaced x positions from the smallest to the largest x of any curve (both included), such
   * as ten rows for a printed table; or, when the curves have {@code rows} distinct x positions or fewer (epoch series), at exactly
   * those. Curves must share tag and axis.
   */
  public static Table sample(List<Curve> curves, int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("a table needs at least one row, got " + rows);
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Curve c : curves) {
      if (c.size() > 0) {
        lo = Math.min(lo, c.x()[0]);
        hi = Math.max(hi, c.x()[c.size() - 1]);
      }
    }
    Axis axis = curves.isEmpty() ? Axis.STEP : curves.get(0).axis();
    String tag = curves.isEmpty() ? "" : curves.get(0).tag();
    if (lo > hi) {
      return new Table(axis, tag, new double[0], new double[curves.size()][0]);
    }
    double[] x = distinctX(curves, rows);
    if (x == null) {
      int n = lo == hi ? 1 : rows;
      x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = n == 1 ? hi : lo + (hi - lo) * i / (n - 1);
        if (axis == Axis.STEP) {
          x[i] = Math.round(x[i]);
        }
      }
    }
    int n = x.length;
    double[][] y = new double[curves.size()][n];
    for (int r = 0; r < curves.size(); r++) {
      for (int i = 0; i < n; i++) {
        y[r][i] = curves.get(r).valueAt(x[i]);
      }
    }
    return new Table(axis, tag, x, y);
  }

  /** The sorted distinct x of all curves, or {@code null} when there are more than {@code limit}. */
  private static double[] distinctX(List<Curve> curves, int limit) {
    java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
    for (Curve c : curves) {
      for (double v : c.x()) {
        if (xs.add(v) && xs.size() > limit) {
          return null;
        }
      }
    }
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void sortByX(double[] x, double[] y) {
    for (int i = 1; i < x.length; i++) {
      if (x[i] < x[i - 1]) {
        Integer[] order = new Integer[x.length];
        for (int k = 0; k < order.length; k++) {
          order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] xs = x.clone();
        double[] ys = y.clone();
        for (int k = 0; k < order.length; k++) {
          x[k] = xs[order[k]];
          y[k] = ys[order[k]];
        }
        return;
      }
    }
  }
}
