package org.layerlab.charts.scalar;

import java.util.Arrays;

/**
 * Per block of {@link #SIZE} consecutive points, the indices that a per-column reduction needs: first and last drawable point,
 * lowest and highest value, lowest positive value, and how many are drawable. When a whole block falls into one pixel column,
 * {@link ColumnAggregate} folds these few points instead of all of the block's, so rebuilding the reduction after the axis moved
 * costs a sixty-fourth as much (a frame with ten runs of 110,000 points took 40 ms, and stalled the FX thread past 50 ms).
 * Extended incrementally as points arrive; JavaFX thread only.
 */
final class BlockSummary {

  static final int SIZE = 64;

  private Object key;
  private int blocks;
  private int[] first = new int[0];
  private int[] last = new int[0];
  private int[] min = new int[0];
  private int[] max = new int[0];
  private int[] minPositive = new int[0];
  private int[] lastPositive = new int[0];
  private int[] firstPositive = new int[0];
  private int[] maxPositive = new int[0];
  private int[] drawable = new int[0];
  private int[] drawablePositive = new int[0];

  /** Brings the summary up to the complete blocks of {@code ys[0..size)}; starts over when the key changes. */
  void update(double[] ys, int size, Object key) {
    if (!java.util.Objects.equals(this.key, key)) {
      this.key = key;
      blocks = 0;
    }
    int complete = size / SIZE;
    if (complete > first.length) {
      int capacity = Math.max(complete, first.length * 2);
      first = Arrays.copyOf(first, capacity);
      last = Arrays.copyOf(last, capacity);
      min = Arrays.copyOf(min, capacity);
      max = Arrays.copyOf(max, capacity);
      minPositive = Arrays.copyOf(minPositive, capacity);
      maxPositive = Arrays.copyOf(maxPositive, capacity);
      firstPositive = Arrays.copyOf(firstPositive, capacity);
      lastPositive = Arrays.copyOf(lastPositive, capacity);
      drawable = Arrays.copyOf(drawable, capacity);
      drawablePositive = Arrays.copyOf(drawablePositive, capacity);
    }
    for (int b = blocks; b < complete; b++) {
      int f = -1;
      int l = -1;
      int lo = -1;
      int hi = -1;
      int fp = -1;
      int lp = -1;
      int lop = -1;
      int hip = -1;
      int n = 0;
      int np = 0;
      for (int i = b * SIZE; i < (b + 1) * SIZE; i++) {
        double y = ys[i];
        if (!Double.isFinite(y)) {
          continue;
        }
        n++;
        if (f < 0) {
          f = lo = hi = i;
        }
        l = i;
        if (y < ys[lo]) {
          lo = i;
        }
        if (y > ys[hi]) {
          hi = i;
        }
        if (y > 0) {
          np++;
          if (fp < 0) {
            fp = lop = hip = i;
          }
          lp = i;
          if (y < ys[lop]) {
            lop = i;
          }
          if (y > ys[hip]) {
            hip = i;
          }
        }
      }
      first[b] = f;
      last[b] = l;
      min[b] = lo;
      max[b] = hi;
      firstPositive[b] = fp;
      lastPositive[b] = lp;
      minPositive[b] = lop;
      maxPositive[b] = hip;
      drawable[b] = n;
      drawablePositive[b] = np;
    }
    blocks = Math.max(blocks, complete);
  }

  /** Complete blocks summarised. */
  int blocks() {
    return blocks;
  }

  /**
   * The block's points a reduction needs, in index order, each once; {first, lowest or highest, highest or lowest, last}, with -1
   * for none. For a logarithmic axis only positive values count.
   */
  int[] points(int block, boolean positiveOnly) {
    int f = positiveOnly ? firstPositive[block] : first[block];
    if (f < 0) {
      return new int[0];
    }
    int lo = positiveOnly ? minPositive[block] : min[block];
    int hi = positiveOnly ? maxPositive[block] : max[block];
    int l = positiveOnly ? lastPositive[block] : last[block];
    return new int[] {f, Math.min(lo, hi), Math.max(lo, hi), l};
  }

  /** Drawable points of the block. */
  int drawable(int block, boolean positiveOnly) {
    return positiveOnly ? drawablePositive[block] : drawable[block];
  }
}
