package org.layerlab.app.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} for tests: work and its callbacks run at once on the calling thread, and repeated actions run only when the
 * test calls {@link #tick()}.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {

  private final List<Runnable> repeating = new ArrayList<>();
  private int executed;

  @Override
  public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
    executed++;
    T result;
    try {
      result = work.call();
    } catch (Exception e) {
      onFailure.accept(e);
      return;
    }
    onSuccess.accept(result);
  }

  @Override
  public void runOnUiThread(Runnable action) {
    action.run();
  }

  @Override
  public Cancellable repeatOnUiThread(Duration period, Runnable action) {
    repeating.add(action);
    return () -> repeating.remove(action);
  }

  /** Runs every active repeated action once. */
  public void tick() {
    List.copyOf(repeating).forEach(Runnable::run);
  }

  /** How many repeated actions are active. */
  public int activeRepeats() {
    return repeating.size();
  }

  /** How many pieces of background work were run. */
  public int executed() {
    return executed;
  }
}
