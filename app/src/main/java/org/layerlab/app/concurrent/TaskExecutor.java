package org.layerlab.app.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work away from the user interface thread and hands results back to it.
 *
 * <p>ViewModels use this instead of threads and {@code Platform.runLater}, so that a test can inject an executor that does everything
 * on the calling thread and the whole asynchronous flow becomes deterministic.
 */
public interface TaskExecutor {

  /**
   * Runs {@code work} in the background; then calls exactly one of {@code onSuccess} (with the result) or {@code onFailure} (with what
   * {@code work} threw) on the user interface thread.
   */
  <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

  /** Runs {@code action} on the user interface thread: later, or at once when already on it. */
  void runOnUiThread(Runnable action);

  /**
   * Calls {@code action} on the user interface thread about every {@code period} until the returned handle is cancelled. This is how
   * fast-changing state from a worker (such as training progress) is shown: the worker stores its latest value, the UI reads it here.
   */
  Cancellable repeatOnUiThread(Duration period, Runnable action);
}
