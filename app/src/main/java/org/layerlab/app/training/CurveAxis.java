package org.layerlab.app.training;

/** What the live curves' horizontal axis measures. */
public enum CurveAxis {
  /** The global training step. */
  STEP,
  /** Progress in epochs. */
  EPOCH,
  /** Seconds since the run's first point. */
  RELATIVE_TIME
}
