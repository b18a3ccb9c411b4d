package org.layerlab.app.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A curve that keeps every point and marker it receives and hands them to the chart run the view attached when {@link #publish()}
 * is called, ten times a second while a run trains: a chart then redraws at most that often however fast the run steps, which keeps
 * the software renderer's work, and so the UI thread's waits for it, small. When the view is rebuilt (a new language, a new theme)
 * the new run gets the whole curve replayed, so a running run keeps drawing where it left off.
 *
 * <p>Threads: {@link #append} and {@link #marker} run on the training thread, {@link #publish} and {@link #retarget} on the UI
 * thread. Forwarding happens inside this object's lock, which is safe because the chart runs only store points (they never wait for
 * the UI thread).
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
  /** Points and markers already handed to the target. */
  private int published;
  private int publishedMarkers;

  @Override
  public synchronized void append(double step, double epoch, long wallTimeMillis, double value) {
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
  }

  @Override
  public synchronized void marker(double step, double epoch, long wallTimeMillis, String label) {
    markers.add(new Marker(step, epoch, wallTimeMillis, label));
  }

  @Override
  public synchronized void clear() {
    size = 0;
    published = 0;
    markers.clear();
    publishedMarkers = 0;
    target.clear();
  }

  /** Hands the points and markers that arrived since the last call to the target. */
  synchronized void publish() {
    if (published < size) {
      int n = size - published;
      target.appendAll(
          Arrays.copyOfRange(steps, published, size),
          Arrays.copyOfRange(epochs, published, size),
          Arrays.copyOfRange(times, published, size),
          Arrays.copyOfRange(values, published, size),
          n);
      published = size;
    }
    for (; publishedMarkers < markers.size(); publishedMarkers++) {
      Marker m = markers.get(publishedMarkers);
      target.marker(m.step(), m.epoch(), m.wallTimeMillis(), m.label());
    }
  }

  /** Sends every point and marker published so far to {@code next}, and every later one too. */
  synchronized void retarget(PointSink next) {
    next.clear();
    if (published > 0) {
      next.appendAll(
          Arrays.copyOf(steps, published), Arrays.copyOf(epochs, published), Arrays.copyOf(times, published), Arrays.copyOf(values, published), published);
    }
    for (Marker m : markers.subList(0, publishedMarkers)) {
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
