package org.layerlab.app.training;

/** Where the histograms of the chosen parameter go; every method may be called from any thread. */
public interface HistogramSink {

  /** One histogram: {@code edges} has one more value than {@code counts}. */
  void add(long step, double[] edges, double[] counts);

  void clear();

  HistogramSink NONE =
      new HistogramSink() {
        @Override
        public void add(long step, double[] edges, double[] counts) {}

        @Override
        public void clear() {}
      };
}
