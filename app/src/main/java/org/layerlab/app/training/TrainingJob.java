package org.layerlab.app.training;

import org.layerlab.runtime.events.RunEnded;

/** One training run ready to go: {@link #call()} trains on the calling thread until the run ends; {@link #stop()} from any thread. */
public interface TrainingJob {

  /** Trains and returns how the run ended; never throws for a training failure, which ends the run as FAILED instead. */
  RunEnded call();

  /** Asks the run to end after the current batch. Safe from any thread, before or during {@link #call()}. */
  void stop();
}
