package org.layerlab.charts.scalar;

import java.util.Arrays;

/**
 * The points of one run in four columns (step, epoch, wall time, value), appended from any thread and read on the JavaFX thread
 * without a lock.
 *
 * <p>Writers take this object's monitor, write past the published end and then publish a new immutable {@link Snapshot}. A
 * published snapshot never changes: its arrays are only ever written beyond its {@code size}, growth copies into new arrays and
 * {@link #clear} starts new ones. A reader therefore takes {@link #snapshot()} once and reads its first {@code size} values for as
 * long as it likes, and the FX thread never waits for a producer nor a producer for the FX thread.
 *
 * <p>Non-finite values are stored: a NaN loss is a fact about the run that the chart shows as a marker rather than drops.
 */
final class ColumnStore {

  private static final int INITIAL_CAPACITY = 256;

  private volatile Snapshot snapshot = Snapshot.EMPTY;
  private final Runnable onChange;

  /** @param onChange called after every change, on the writing thread; must be cheap and thread-safe */
  ColumnStore(Runnable onChange) {
    this.onChange = onChange;
  }

  /** The current content; any thread, no lock. */
  Snapshot snapshot() {
    return snapshot;
  }

  void append(double step, double epoch, double wallMillis, double value) {
    synchronized (this) {
      Snapshot s = snapshot;
      Snapshot.Builder b = s.extend(1);
      b.put(step, epoch, wallMillis, value);
      snapshot = b.publish();
    }
    onChange.run();
  }

  void appendAll(double[] steps, double[] epochs, double[] wallMillis, double[] values) {
    int n = values.length;
    if (steps.length != n || epochs.length != n || wallMillis.length != n) {
      throw new IllegalArgumentException(
          "column lengths differ: steps " + steps.length + ", epochs " + epochs.length + ", wall times " + wallMillis.length
              + ", values " + n);
    }
    if (n == 0) {
      return;
    }
    synchronized (this) {
      Snapshot.Builder b = snapshot.extend(n);
      for (int i = 0; i < n; i++) {
        b.put(steps[i], epochs[i], wallMillis[i], values[i]);
      }
      snapshot = b.publish();
    }
    onChange.run();
  }

  void clear() {
    synchronized (this) {
      snapshot = Snapshot.empty(snapshot.generation + 1);
    }
    onChange.run();
  }

  /**
   * An immutable view of the first {@link #size} points, with summary figures kept up to date on append so that the FX thread
   * never scans a column to find a range.
   */
  static final class Snapshot {

    static final Snapshot EMPTY = empty(0);

    final double[] step;
    final double[] epoch;
    final double[] wall;
    final double[] value;
    final int size;
    /** Changes on {@link ColumnStore#clear}: caches keyed on a run's data start over. */
    final long generation;

    /** Smallest and largest finite value; NaN when there is none. */
    final double minValue;

    final double maxValue;

    /** Smallest value above zero, what a logarithmic axis can show; NaN when there is none. */
    final double minPositiveValue;

    /** Values that are NaN or infinite. */
    final int nonFiniteCount;

    /** Values at or below zero, which a logarithmic axis cannot show. */
    final int nonPositiveCount;

    /** Whether each x column is finite and non-decreasing, so a binary search may find a visible range. */
    final boolean stepSorted;

    final boolean epochSorted;
    final boolean wallSorted;

    private Snapshot(Builder b) {
      step = b.step;
      epoch = b.epoch;
      wall = b.wall;
      value = b.value;
      size = b.size;
      generation = b.generation;
      minValue = b.minValue;
      maxValue = b.maxValue;
      minPositiveValue = b.minPositiveValue;
      nonFiniteCount = b.nonFiniteCount;
      nonPositiveCount = b.nonPositiveCount;
      stepSorted = b.stepSorted;
      epochSorted = b.epochSorted;
      wallSorted = b.wallSorted;
    }

    static Snapshot empty(long generation) {
      Builder b = new Builder(new double[0], new double[0], new double[0], new double[0], 0, generation);
      return b.publish();
    }

    /** A builder that appends up to {@code extra} points after this snapshot's; only the writer holding the store's monitor. */
    Builder extend(int extra) {
      int needed = size + extra;
      double[] s = step;
      double[] e = epoch;
      double[] w = wall;
      double[] v = value;
      if (needed > s.length) {
        int capacity = Math.max(INITIAL_CAPACITY, Math.max(needed, s.length + (s.length >> 1)));
        s = Arrays.copyOf(s, capacity);
        e = Arrays.copyOf(e, capacity);
        w = Arrays.copyOf(w, capacity);
        v = Arrays.copyOf(v, capacity);
      }
      Builder b = new Builder(s, e, w, v, size, generation);
      b.minValue = minValue;
      b.maxValue = maxValue;
      b.minPositiveValue = minPositiveValue;
      b.nonFiniteCount = nonFiniteCount;
      b.nonPositiveCount = nonPositiveCount;
      b.stepSorted = stepSorted;
      b.epochSorted = epochSorted;
      b.wallSorted = wallSorted;
      return b;
    }

    /** The x of point {@code i} in the given mode; see {@link XAxisMode}. */
    double x(XAxisMode mode, int i) {
      switch (mode) {
        case EPOCH:
          return epoch[i];
        case RELATIVE_TIME:
          return (wall[i] - wall[0]) / 1000.0;
        case WALL_TIME:
          return wall[i] / 1000.0;
        case STEP:
        default:
          return step[i];
      }
    }

    /** Whether the x column of the mode is non-decreasing and finite throughout. */
    boolean sorted(XAxisMode mode) {
      switch (mode) {
        case EPOCH:
          return epochSorted;
        case RELATIVE_TIME:
        case WALL_TIME:
          return wallSorted;
        case STEP:
        default:
          return stepSorted;
      }
    }

    static final class Builder {
      private final double[] step;
      private final double[] epoch;
      private final double[] wall;
      private final double[] value;
      private int size;
      private final long generation;
      private double minValue = Double.NaN;
      private double maxValue = Double.NaN;
      private double minPositiveValue = Double.NaN;
      private int nonFiniteCount;
      private int nonPositiveCount;
      private boolean stepSorted = true;
      private boolean epochSorted = true;
      private boolean wallSorted = true;

      private Builder(double[] step, double[] epoch, double[] wall, double[] value, int size, long generation) {
        this.step = step;
        this.epoch = epoch;
        this.wall = wall;
        this.value = value;
        this.size = size;
        this.generation = generation;
      }

      void put(double s, double e, double w, double v) {
        int i = size;
        if (i > 0) {
          stepSorted &= s >= step[i - 1];
          epochSorted &= e >= epoch[i - 1];
          wallSorted &= w >= wall[i - 1];
        }
        stepSorted &= Double.isFinite(s);
        epochSorted &= Double.isFinite(e);
        wallSorted &= Double.isFinite(w);
        step[i] = s;
        epoch[i] = e;
        wall[i] = w;
        value[i] = v;
        size = i + 1;
        if (!Double.isFinite(v)) {
          nonFiniteCount++;
          return;
        }
        if (!(v >= minValue)) { // also true while minValue is NaN
          minValue = v;
        }
        if (!(v <= maxValue)) {
          maxValue = v;
        }
        if (v > 0) {
          if (!(v >= minPositiveValue)) {
            minPositiveValue = v;
          }
        } else {
          nonPositiveCount++;
        }
      }

      Snapshot publish() {
        return new Snapshot(this);
      }
    }
  }
}
