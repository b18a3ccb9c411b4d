package org.layerlab.app.runs;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How far a long action (an export, an import) has got, written by its worker and read by the UI thread on a timer, and whether the
 * user asked it to stop. The worker checks {@link #cancelled()} between runs.
 */
public final class JobProgress {

  private volatile double fraction = -1;
  private volatile String detail = "";
  private final AtomicBoolean cancel = new AtomicBoolean();
  private volatile boolean cancellable = true;
  private volatile boolean stoppedEarly;

  /** Done {@code done} of {@code total} pieces; {@code detail} such as "3 / 10". */
  public void set(int done, int total) {
    fraction = total <= 0 ? -1 : Math.min(1, (double) done / total);
    detail = total <= 0 ? "" : done + " / " + total;
  }

  /** From 0 to 1, or -1 while the worker cannot tell. */
  public double fraction() {
    return fraction;
  }

  public String detail() {
    return detail;
  }

  public void cancel() {
    cancel.set(true);
  }

  public boolean cancelled() {
    return cancel.get();
  }

  /** Says whether the work can stop part-way; a single file written as a whole cannot. */
  public void setCancellable(boolean value) {
    cancellable = value;
  }

  public boolean cancellable() {
    return cancellable;
  }

  /** Called by the worker when it stopped because it was cancelled, leaving work undone. */
  public void stoppedEarly() {
    stoppedEarly = true;
  }

  public boolean hasStoppedEarly() {
    return stoppedEarly;
  }
}
