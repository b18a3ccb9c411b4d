package org.layerlab.charts.scalar;

import java.util.Arrays;

/**
 * The {@link ColumnEnvelope} reduction kept up to date point by point: per pixel column the indices of the first, lowest, highest
 * and last point, for one pixel mapping. While the mapping stays the same (a live chart's axes change far less often than points
 * arrive) a frame only folds in the points appended since the last one, instead of scanning a million points again.
 *
 * <p>Points left of column 0 and right of the last column are summed up by the nearest one on each side, so the line still runs
 * to the plot's edges. Indices refer to the run's columns, whose values never change once written. JavaFX thread only.
 */
final class ColumnAggregate {

  private int columns = -1;
  private double scale = Double.NaN;
  private double offset = Double.NaN;
  private boolean positiveOnly;
  private Object key;
  private int[] first = new int[0];
  private int[] min = new int[0];
  private int[] max = new int[0];
  private int[] last = new int[0];
  private int left;
  private int right;
  private int folded;
  private int drawable;
  private int usedFrom = Integer.MAX_VALUE;
  private int usedTo = Integer.MIN_VALUE;

  /** Whether this aggregate was built for the mapping and key and may be extended rather than rebuilt. */
  boolean matches(int columns, double scale, double offset, boolean positiveOnly, Object key) {
    return this.columns == columns
        && this.scale == scale
        && this.offset == offset
        && this.positiveOnly == positiveOnly
        && java.util.Objects.equals(this.key, key);
  }

  /** Forgets everything and starts folding at point {@code from}. */
  void reset(int columns, double scale, double offset, boolean positiveOnly, Object key, int from) {
    this.columns = columns;
    this.scale = scale;
    this.offset = offset;
    this.positiveOnly = positiveOnly;
    this.key = key;
    if (first.length < columns) {
      first = new int[columns];
      min = new int[columns];
      max = new int[columns];
      last = new int[columns];
    }
    Arrays.fill(first, 0, columns, -1);
    left = -1;
    right = -1;
    folded = from;
    drawable = 0;
    usedFrom = Integer.MAX_VALUE;
    usedTo = Integer.MIN_VALUE;
  }

  /** Number of points folded in so far. */
  int folded() {
    return folded;
  }

  /** Points folded in whose value could be drawn. */
  int drawable() {
    return drawable;
  }

  /** Folds in the points from {@link #folded()} up to {@code to}. */
  void fold(double[] xs, double[] ys, int to) {
    for (int i = folded; i < to; i++) {
      double y = ys[i];
      double px = xs[i] * scale + offset;
      if (!Double.isFinite(y) || !Double.isFinite(px) || (positiveOnly && y <= 0)) {
        continue;
      }
      if (px < 0) {
        if (left < 0 || xs[i] >= xs[left]) {
          left = i;
        }
        continue;
      }
      if (px >= columns) {
        if (right < 0 || xs[i] < xs[right]) {
          right = i;
        }
        continue;
      }
      drawable++;
      int c = (int) px;
      if (first[c] < 0) {
        first[c] = min[c] = max[c] = last[c] = i;
        usedFrom = Math.min(usedFrom, c);
        usedTo = Math.max(usedTo, c);
        continue;
      }
      last[c] = i;
      if (y < ys[min[c]]) {
        min[c] = i;
      }
      if (y > ys[max[c]]) {
        max[c] = i;
      }
    }
    folded = Math.max(folded, to);
  }

  /** Appends the reduced points, as (pixel x, value), left to right. */
  void emit(double[] xs, double[] ys, ColumnEnvelope.Points out) {
    emit(xs, ys, out, 0);
  }

  /**
   * Appends the reduced points from column {@code fromColumn} on, preceded by the last point before it, so that the segment
   * entering the column is complete.
   */
  void emit(double[] xs, double[] ys, ColumnEnvelope.Points out, int fromColumn) {
    int start = Math.max(0, usedFrom);
    boolean includeLeft = true;
    if (fromColumn > start) {
      int c = Math.min(fromColumn - 1, usedTo);
      while (c >= start && first[c] < 0) {
        c--;
      }
      if (c >= start) {
        start = c;
        includeLeft = false;
      } else {
        start = fromColumn;
      }
    }
    if (includeLeft && left >= 0) {
      out.add(xs[left] * scale + offset, ys[left]);
    }
    for (int c = start; c <= usedTo; c++) {
      int f = first[c];
      if (f < 0) {
        continue;
      }
      int lo = Math.min(min[c], max[c]);
      int hi = Math.max(min[c], max[c]);
      int l = last[c];
      // in index order, each point once
      out.add(xs[f] * scale + offset, ys[f]);
      if (lo != f) {
        out.add(xs[lo] * scale + offset, ys[lo]);
      }
      if (hi != lo && hi != f) {
        out.add(xs[hi] * scale + offset, ys[hi]);
      }
      if (l != hi && l != f && l != lo) {
        out.add(xs[l] * scale + offset, ys[l]);
      }
    }
    if (right >= 0) {
      out.add(xs[right] * scale + offset, ys[right]);
    }
  }
}
