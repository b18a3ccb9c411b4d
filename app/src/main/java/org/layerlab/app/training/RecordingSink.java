package org.layerlab.app.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A curve that keeps every point and marker it receives and forwards them to the chart run the view attached. When the view is
 * rebuilt (a new language, a new theme) the new run gets the whole curve replayed, so a running run keeps drawing where it left off.
 *
 * <p>Threads: {@link #append} and {@link #marker} run on the training thread, {@link #retarget} on the UI thread. The forward to a
 * chart happens outside this object's lock; the replay into a new target happens inside it, which is safe because the chart runs
 * only store points (they never wait for the UI thread).
 */
final class RecordingSink implements PointSink {

  /** A marker kept for replay. */
  record Marker(double step, double epoch, long wallTimeMillis, String label) {}

  private double[] steps = new double[256];
  private double[] epochs = new double[256];
  private long[] times = new long[256];
  private double[] values = new double[256];
  private int size;
  private final List<Marker> markers = new ArrayList<>();
  private PointSink target = PointSink.NONE;

  @Override
  public void append(double step, double epoch, long wallTimeMillis, double value) {
    PointSink t;
    synchronized (this) {
      if (size == steps.length) {
        int n = size * 2;
        steps = Arrays.copyOf(steps, n);
        epochs = Arrays.copyOf(epochs, n);
        times = Arrays.copyOf(times, n);
        values = Arrays.copyOf(values, n);
      }
      steps[size] = step;
      epochs[size] = epoch;
      times[size] = wallTimeMillis;
      values[size] = value;
      size++;
      t = target;
    }
    t.append(step, epoch, wallTimeMillis, value);
  }

  @Override
  public void marker(double step, double epoch, long wallTimeMillis, String label) {
    PointSink t;
    synchronized (this) {
      markers.add(new Marker(step, epoch, wallTimeMillis, label));
      t = target;
    }
    t.marker(step, epoch, wallTimeMillis, label);
  }

  @Override
  public void clear() {
    PointSink t;
    synchronized (this) {
      size = 0;
      markers.clear();
      t = target;
    }
    t.clear();
  }

  /** Sends every point and marker so far to {@code next} and every later one too. */
  synchronized void retarget(PointSink next) {
    next.clear();
    for (int i = 0; i < size; i++) {
      next.append(steps[i], epochs[i], times[i], values[i]);
    }
    for (Marker m : markers) {
      next.marker(m.step(), m.epoch(), m.wallTimeMillis(), m.label());
    }
    target = next;
  }

  synchronized int size() {
    return size;
  }

  /** The value of point {@code i}. */
  synchronized double value(int i) {
    return values[i];
  }

  /** The epoch of point {@code i}. */
  synchronized double epoch(int i) {
    return epochs[i];
  }

  synchronized List<Marker> markers() {
    return List.copyOf(markers);
  }
}
