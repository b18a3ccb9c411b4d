package org.layerlab.charts.scalar;

import java.util.Arrays;

/**
 * Reduces a curve to what a screen can show without losing a spike: per pixel column the first, lowest, highest and last point,
 * in their original order. A polyline through them covers, in every column, exactly the vertical span of all the column's points,
 * so the drawing looks the same as one through every point (Jugel et al., "M4: A Visualization-Oriented Time Series Data
 * Aggregation", VLDB 2014). Decimating by taking every n-th point, or by averaging, would silently drop a one-step loss spike.
 *
 * <p>Points whose value is not finite, or not positive when {@code positiveOnly} (a logarithmic axis), are left out of the line;
 * the chart marks and counts them instead.
 */
final class ColumnEnvelope {

  private ColumnEnvelope() {}

  /**
   * Appends the reduced points of {@code [from, to)} to {@code out} as (pixel x, value) pairs.
   *
   * @param xs the x column; a point's pixel column is {@code floor(xs[i] * scale + offset)}
   * @param ys the values
   * @return the number of points the range held with a drawable value
   */
  static int reduce(
      double[] xs, double[] ys, int from, int to, double scale, double offset, boolean positiveOnly, Points out) {
    int drawable = 0;
    long column = Long.MIN_VALUE;
    int first = -1;
    int min = -1;
    int max = -1;
    int last = -1;
    for (int i = from; i < to; i++) {
      double y = ys[i];
      double px = xs[i] * scale + offset;
      if (!Double.isFinite(y) || !Double.isFinite(px) || (positiveOnly && y <= 0)) {
        continue;
      }
      drawable++;
      long c = (long) Math.floor(px);
      if (c != column) {
        emit(xs, ys, first, min, max, last, scale, offset, out);
        column = c;
        first = min = max = last = i;
        continue;
      }
      last = i;
      if (y < ys[min]) {
        min = i;
      }
      if (y > ys[max]) {
        max = i;
      }
    }
    emit(xs, ys, first, min, max, last, scale, offset, out);
    return drawable;
  }

  private static void emit(
      double[] xs, double[] ys, int first, int min, int max, int last, double scale, double offset, Points out) {
    if (first < 0) {
      return;
    }
    int lo = Math.min(min, max);
    int hi = Math.max(min, max);
    out.add(xs[first] * scale + offset, ys[first]);
    if (lo != first) {
      out.add(xs[lo] * scale + offset, ys[lo]);
    }
    if (hi != lo && hi != first) {
      out.add(xs[hi] * scale + offset, ys[hi]);
    }
    if (last != hi && last != first) {
      out.add(xs[last] * scale + offset, ys[last]);
    }
  }

  /** A growable list of (x, y) pairs, reused from frame to frame. */
  static final class Points {
    double[] x = new double[1024];
    double[] y = new double[1024];
    int size;

    void clear() {
      size = 0;
    }

    void add(double px, double py) {
      if (size == x.length) {
        x = Arrays.copyOf(x, size * 2);
        y = Arrays.copyOf(y, size * 2);
      }
      x[size] = px;
      y[size] = py;
      size++;
    }
  }
}
