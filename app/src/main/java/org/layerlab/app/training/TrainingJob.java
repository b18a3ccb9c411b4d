package org.layerlab.app.training;

import java.util.Optional;
import org.layerlab.runtime.events.RunEnded;

/**
 * One training run ready to go: {@link #call()} trains on the calling thread until the run ends; every other method may be called
 * from any thread, before or during {@link #call()}, and takes effect between batches.
 */
public interface TrainingJob {

  /** Trains and returns how the run ended; never throws for a training failure, which ends the run as FAILED instead. */
  RunEnded call();

  /** Asks the run to end after the current batch. */
  void stop();

  /** Asks the run to pause after the current batch (before its first one when it has not started). */
  default void pause() {}

  /** Lets a paused run train on. */
  default void resume() {}

  /** Lets a paused run train exactly one batch, then pause again. */
  default void step() {}

  /**
   * Trains at {@code rate} from the next batch on.
   *
   * @throws IllegalArgumentException when the rate is not a finite number above 0
   */
  default void changeLearningRate(double rate) {
    throw new UnsupportedOperationException("this job cannot change its learning rate");
  }

  /** The validation samples the run's confusion matrices point at; empty until the data is loaded, kept after the run ends. */
  default Optional<MonitorSamples> validationSamples() {
    return Optional.empty();
  }

  /** The training samples; empty until the data is loaded, kept after the run ends. */
  default Optional<MonitorSamples> trainingSamples() {
    return Optional.empty();
  }
}
