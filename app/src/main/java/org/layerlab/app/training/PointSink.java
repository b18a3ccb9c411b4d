package org.layerlab.app.training;

/**
 * Where the points of one live curve go. An implementation must be safe from any thread; the view adapts a chart's run to it.
 */
public interface PointSink {

  /**
   * One point.
   *
   * @param step the global step (for a per-epoch curve, the step at the epoch's end)
   * @param epoch progress in epochs, such as 2.5 half-way through the third
   * @param wallTimeMillis when it was measured
   */
  void append(double step, double epoch, long wallTimeMillis, double value);

  /** Several points at once, in order; {@code count} of each array. */
  default void appendAll(double[] steps, double[] epochs, long[] wallTimesMillis, double[] values, int count) {
    for (int i = 0; i < count; i++) {
      append(steps[i], epochs[i], wallTimesMillis[i], values[i]);
    }
  }

  /** A vertical marker with a short label, such as a learning-rate change. */
  void marker(double step, double epoch, long wallTimeMillis, String label);

  void clear();

  /** A sink that drops everything, used until the view attaches real ones. */
  PointSink NONE =
      new PointSink() {
        @Override
        public void append(double step, double epoch, long wallTimeMillis, double value) {}

        @Override
        public void marker(double step, double epoch, long wallTimeMillis, String label) {}

        @Override
        public void clear() {}
      };
}
