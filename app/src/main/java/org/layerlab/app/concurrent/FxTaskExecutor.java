package org.layerlab.app.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;

/**
 * The application's {@link TaskExecutor}: background work on daemon threads (so an open window never keeps the JVM alive on its
 * own), results and repeated actions on the JavaFX application thread.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(FxTaskExecutor.class.getName());

  private final ExecutorService workers = Executors.newCachedThreadPool(new DaemonThreads());

  @Override
  public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
    workers.execute(
        () -> {
          T result;
          try {
            result = work.call();
          } catch (Throwable e) { // every failure goes back to the caller, on its thread
            LOG.log(System.Logger.Level.DEBUG, "Background work failed", e);
            Platform.runLater(() -> onFailure.accept(e));
            return;
          }
          Platform.runLater(() -> onSuccess.accept(result));
        });
  }

  @Override
  public void runOnUiThread(Runnable action) {
    if (Platform.isFxApplicationThread()) {
      action.run();
    } else {
      Platform.runLater(action);
    }
  }

  @Override
  public Cancellable repeatOnUiThread(Duration period, Runnable action) {
    Timeline timeline =
        new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), event -> action.run()));
    timeline.setCycleCount(Animation.INDEFINITE);
    runOnUiThread(timeline::play);
    return () -> runOnUiThread(timeline::stop);
  }

  /** Stops accepting work; running work finishes on its daemon thread or dies with the JVM. */
  @Override
  public void close() {
    workers.shutdown();
  }

  /**
   * Stops accepting work and waits up to {@code timeout} for running work to end, so that a run asked to stop can record its end
   * before the run store closes.
   *
   * @return whether all work ended in time
   */
  public boolean closeAndWait(Duration timeout) {
    workers.shutdown();
    try {
      return workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "layerlab-worker-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
