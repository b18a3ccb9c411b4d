package org.layerlab.charts.scalar;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;

/**
 * One run's curve of one metric in a {@link ScalarChart}, such as the training loss of run 7.
 *
 * <p><b>Data, any thread.</b> {@link #append}, {@link #appendAll}, {@link #addEvent}, {@link #clear} and {@link #size} may be called
 * from any thread, typically the training thread. They only change the run's own column store and mark the chart dirty; the chart
 * redraws once on the next JavaFX pulse however many points arrived, and never calls {@code Platform.runLater} per point. Neither
 * side waits for the other: the chart reads an immutable snapshot of the points.
 *
 * <p><b>Appearance, JavaFX thread.</b> {@link #colorProperty()} and {@link #visibleProperty()} belong to the scene graph's thread;
 * the run legend binds them to its colour picker and check box.
 *
 * <p>Points are expected in order of non-decreasing step. Non-finite values are kept and shown as markers, not dropped.
 */
public final class ScalarRun {

  private final String name;
  private final ColumnStore store;
  private final List<RunEvent> events = new CopyOnWriteArrayList<>();
  private final Runnable onChange;
  private final ObjectProperty<Color> color;
  private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);

  // The smoothed values, computed on the JavaFX thread only, incrementally as points arrive.
  private Smoothing smoothedWith;
  private long smoothedGeneration = -1;
  private Smoothing.Smoother smoother;
  private double[] smoothed = new double[0];

  // The reduced curves of the last frame, extended incrementally while the pixel mapping holds. JavaFX thread only.
  final ColumnAggregate rawColumns = new ColumnAggregate();
  final ColumnAggregate smoothedColumns = new ColumnAggregate();
  final BlockSummary rawBlocks = new BlockSummary();
  final BlockSummary smoothedBlocks = new BlockSummary();
  /** Points and the pixel x of the last one when this run was last drawn; a later frame redraws from there on. */
  int drawnSize = -1;
  double drawnLastPixel = Double.NaN;

  ScalarRun(String name, Color color, Runnable onChange) {
    this.name = Objects.requireNonNull(name, "name");
    this.onChange = onChange;
    this.store = new ColumnStore(onChange);
    this.color = new SimpleObjectProperty<>(this, "color", Objects.requireNonNull(color, "color"));
  }

  /** The name shown in the legend and the crosshair readout. */
  public String name() {
    return name;
  }

  /**
   * Appends a point with only a step; the epoch is unknown (NaN, so the point has no place in epoch mode) and the wall time is
   * now. Any thread.
   */
  public void append(double step, double value) {
    store.append(step, Double.NaN, System.currentTimeMillis(), value);
  }

  /**
   * Appends a point. Any thread.
   *
   * @param step the global step
   * @param epoch progress in epochs, fractional; NaN if unknown
   * @param wallTimeMillis when the value was measured, milliseconds since 1970-01-01 UTC
   * @param value the metric's value; NaN and infinities are kept and marked on the chart
   */
  public void append(double step, double epoch, long wallTimeMillis, double value) {
    store.append(step, epoch, wallTimeMillis, value);
  }

  /**
   * Appends points in array order in one go, such as a finished run loaded from the run store. Any thread. The arrays are copied.
   *
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public void appendAll(double[] steps, double[] epochs, long[] wallTimeMillis, double[] values) {
    double[] wall = new double[wallTimeMillis.length];
    for (int i = 0; i < wall.length; i++) {
      wall[i] = wallTimeMillis[i];
    }
    store.appendAll(steps, epochs, wall, values);
  }

  /** Records an event, drawn as a vertical marker on this run's curve. Any thread. */
  public void addEvent(RunEvent event) {
    events.add(Objects.requireNonNull(event, "event"));
    onChange.run();
  }

  /** The events so far, oldest first; an unmodifiable copy. Any thread. */
  public List<RunEvent> events() {
    return List.copyOf(events);
  }

  int eventCount() {
    return events.size();
  }

  /** Removes all points and events. Any thread. */
  public void clear() {
    events.clear();
    store.clear();
  }

  /** Number of points, non-finite ones included. Any thread. */
  public int size() {
    return store.snapshot().size;
  }

  /** The value of the last point, or NaN when there is none. Any thread. */
  public double lastValue() {
    ColumnStore.Snapshot s = store.snapshot();
    return s.size == 0 ? Double.NaN : s.value[s.size - 1];
  }

  /** The run's colour, at first from the chart's colour-blind-safe palette. JavaFX thread. */
  public ObjectProperty<Color> colorProperty() {
    return color;
  }

  public Color color() {
    return color.get();
  }

  public void setColor(Color value) {
    color.set(Objects.requireNonNull(value, "color"));
  }

  /** Whether the chart draws this run; the legend's check box toggles it. JavaFX thread. */
  public BooleanProperty visibleProperty() {
    return visible;
  }

  public boolean isVisible() {
    return visible.get();
  }

  public void setVisible(boolean value) {
    visible.set(value);
  }

  ColumnStore.Snapshot snapshot() {
    return store.snapshot();
  }

  /**
   * The smoothed values of the snapshot's points with the given smoothing, extended incrementally from the last call. JavaFX
   * thread. The returned array may be longer than the snapshot; only its first {@code snapshot.size} values count.
   */
  double[] smoothed(ColumnStore.Snapshot s, Smoothing smoothing) {
    if (!smoothing.equals(smoothedWith) || s.generation != smoothedGeneration || s.size < smoother.done()) {
      smoothedWith = smoothing;
      smoothedGeneration = s.generation;
      smoother = smoothing.newSmoother();
    }
    if (smoothed.length < s.size) {
      smoothed = java.util.Arrays.copyOf(smoothed, Math.max(s.size, smoothed.length + (smoothed.length >> 1)));
    }
    smoother.extend(s.value, s.size, smoothed);
    return smoothed;
  }

  @Override
  public String toString() {
    return "ScalarRun[" + name + "]";
  }
}
