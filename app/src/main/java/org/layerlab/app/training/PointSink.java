package org.layerlab.app.training;

/**
 * Where the points of one live curve go. Both methods are called from the training thread, so an implementation must be safe from any
 * thread; the view adapts a chart series to it.
 */
public interface PointSink {

  void append(double x, double y);

  void clear();

  /** A sink that drops everything, used until the view attaches real ones. */
  PointSink NONE =
      new PointSink() {
        @Override
        public void append(double x, double y) {}

        @Override
        public void clear() {}
      };
}
