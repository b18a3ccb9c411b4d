package org.layerlab.app.training;

import java.util.Arrays;

/**
 * A curve that keeps every point it receives and forwards it to the chart series the view attached. When the view is rebuilt (a new
 * language, a new theme) the new series gets the whole curve replayed, so a running run keeps drawing where it left off.
 *
 * <p>Threads: {@link #append} runs on the training thread, {@link #retarget} on the UI thread. The forward to a series happens outside
 * this object's lock, because a series' own lock may wait for the UI thread; the replay into a new series happens inside it, which is
 * safe because that series is not in a scene yet.
 */
final class RecordingSink implements PointSink {

  private double[] xs = new double[256];
  private double[] ys = new double[256];
  private int size;
  private PointSink target = PointSink.NONE;

  @Override
  public void append(double x, double y) {
    PointSink t;
    synchronized (this) {
      if (size == xs.length) {
        xs = Arrays.copyOf(xs, size * 2);
        ys = Arrays.copyOf(ys, size * 2);
      }
      xs[size] = x;
      ys[size] = y;
      size++;
      t = target;
    }
    t.append(x, y);
  }

  @Override
  public void clear() {
    PointSink t;
    synchronized (this) {
      size = 0;
      t = target;
    }
    t.clear();
  }

  /** Sends every point so far to {@code next} and every later one too. */
  synchronized void retarget(PointSink next) {
    next.clear();
    for (int i = 0; i < size; i++) {
      next.append(xs[i], ys[i]);
    }
    target = next;
  }

  synchronized int size() {
    return size;
  }
}
