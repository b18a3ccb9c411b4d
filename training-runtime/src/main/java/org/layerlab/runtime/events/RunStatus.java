package org.layerlab.runtime.events;

/** Where a run stands. Only {@link #RUNNING} is not final. */
public enum RunStatus {
  RUNNING,
  FINISHED,
  STOPPED,
  DIVERGED,
  FAILED,
  /** The process that ran it died before it ended; found and marked at the next start. */
  INTERRUPTED;

  public boolean isFinal() {
    return this != RUNNING;
  }
}
