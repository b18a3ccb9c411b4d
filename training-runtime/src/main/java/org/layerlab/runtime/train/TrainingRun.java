package org.layerlab.runtime.train;

import java.util.concurrent.Callable;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.TrainingListener;

/**
 * One training run: loads the data, compiles the model, trains for the project's epochs and reports through a {@link TrainingListener}.
 *
 * <p>{@link #call()} trains on the calling thread and returns when the run ends; callers run it on a background thread of their
 * choice. {@link #stop()} may be called from any thread: the run ends after the current batch with status STOPPED. Exceptions
 * never escape {@code call()}: a failure ends the run with status FAILED and a message naming the cause and the fix.
 */
public final class TrainingRun implements Callable<RunEnded> {
  // The body is written in the training engine; this file fixes the contract first.
  public TrainingRun(TrainingRequest request, TrainingListener listener) {
    throw new UnsupportedOperationException("not yet built");
  }

  @Override
  public RunEnded call() {
    throw new UnsupportedOperationException("not yet built");
  }

  public void stop() {
    throw new UnsupportedOperationException("not yet built");
  }
}
