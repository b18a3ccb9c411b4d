package org.layerlab.runtime.preview;

import java.util.concurrent.CancellationException;

/**
 * How far a piece of background work has got, and a switch to call it off, shared between the worker and whoever shows it. The
 * worker reports with {@link #report} and calls {@link #checkCancelled} between steps; a user interface reads {@link #fraction} and
 * {@link #stage} on its own schedule, so nothing is posted to it per step. All methods are thread-safe.
 */
public final class Progress {

  private volatile double fraction;
  private volatile String stage = "";
  private volatile boolean cancelled;

  /** Progress for work whose progress nobody watches and that is never cancelled. */
  public static Progress none() {
    return new Progress();
  }

  /**
   * Records how far the work is.
   *
   * @param fraction from 0 to 1, or -1 when unknown
   * @param stage what the work is doing, as a short key such as {@code "load"} or {@code "overfit"} that a user interface words
   */
  public void report(double fraction, String stage) {
    this.fraction = fraction;
    this.stage = stage == null ? "" : stage;
  }

  /** From 0 to 1, or -1 when unknown. */
  public double fraction() {
    return fraction;
  }

  /** The key of what the work is doing now, such as {@code "load"}. */
  public String stage() {
    return stage;
  }

  /** Asks the work to stop at its next check. Safe from any thread, more than once. */
  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Throws when the work has been cancelled; workers call this between steps.
   *
   * @throws CancellationException when {@link #cancel()} was called
   */
  public void checkCancelled() {
    if (cancelled) {
      throw new CancellationException("cancelled by the user");
    }
  }
}
