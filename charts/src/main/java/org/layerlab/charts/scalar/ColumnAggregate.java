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
    fold(xs, ys, to, null, false);
  }

  /**
   * Folds in the points from {@link #folded()} up to {@code to}, taking a whole block's summary instead of its points where the
   * block lies inside one pixel column. The result is the same as folding every point.
   *
   * @param blocks summaries of {@code ys}, or null
   * @param sorted whether {@code xs} is non-decreasing, which the block shortcut needs
   */
  void fold(double[] xs, double[] ys, int to, BlockSummary blocks, boolean sorted) {
    int i = folded;
    int summarised = blocks == null || !sorted ? 0 : blocks.blocks();
    while (i < to) {
      if (i % BlockSummary.SIZE == 0 && i / BlockSummary.SIZE < summarised && i + BlockSummary.SIZE <= to) {
        double px0 = xs[i] * scale + offset;
        double px1 = xs[i + BlockSummary.SIZE - 1] * scale + offset;
        if (px0 >= 0 && px1 < columns && (int) px0 == (int) px1) {
          int b = i / BlockSummary.SIZE;
          int n = blocks.drawable(b, positiveOnly);
          if (n > 0) {
            int[] points = blocks.points(b, positiveOnly);
            int previous = -1;
            for (int p : points) {
              if (p != previous) {
                foldPoint(xs, ys, p);
                previous = p;
              }
            }
            drawable += n - distinct(points); // foldPoint counted each distinct point once; the block holds n
          }
          i += BlockSummary.SIZE;
          continue;
        }
      }
      double y = ys[i];
      if (Double.isFinite(y) && !(positiveOnly && y <= 0)) {
        foldPoint(xs, ys, i);
      }
      i++;
    }
    folded = Math.max(folded, to);
  }

  private static int distinct(int[] sortedIndices) {
    int n = 0;
    int previous = -1;
    for (int p : sortedIndices) {
      if (p != previous) {
        n++;
        previous = p;
      }
    }
    return n;
  }

  /** Folds one point whose value is drawable. */
  private void foldPoint(double[] xs, double[] ys, int i) {
    double y = ys[i];
    double px = xs[i] * scale + offset;
    if (!Double.isFinite(px)) {
      return;
    }
    if (px < 0) {
      if (left < 0 || xs[i] >= xs[left]) {
        left = i;
      }
      return;
    }
    if (px >= columns) {
      if (right < 0 || xs[i] < xs[right]) {
        right = i;
      }
      return;
    }
    drawable++;
    int c = (int) px;
    if (first[c] < 0) {
      first[c] = min[c] = max[c] = last[c] = i;
      usedFrom = Math.min(usedFrom, c);
      usedTo = Math.max(usedTo, c);
      return;
    }
    last[c] = i;
    if (y < ys[min[c]]) {
      min[c] = i;
    }
    if (y > ys[max[c]]) {
      max[c] = i;
    }
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
