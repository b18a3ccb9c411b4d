package org.layerlab.app.training;

import org.layerlab.runtime.events.DecisionBoundary;

/** Where the decision boundary of a 2-D run goes; every method may be called from any thread. The view adapts a chart to it. */
public interface BoundarySink {

  /** The run's training points: {@code xy} holds x and y of each point, {@code labels} its class. */
  void points(float[] xy, int[] labels, java.util.List<String> classNames);

  /** The latest evaluated grid. */
  void field(DecisionBoundary boundary);

  void clear();

  BoundarySink NONE =
      new BoundarySink() {
        @Override
        public void points(float[] xy, int[] labels, java.util.List<String> classNames) {}

        @Override
        public void field(DecisionBoundary boundary) {}

        @Override
        public void clear() {}
      };
}
