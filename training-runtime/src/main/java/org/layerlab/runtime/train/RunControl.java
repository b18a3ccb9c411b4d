package org.layerlab.runtime.train;

/**
 * Pause, resume, single step and stop of one run, asked for from any thread and obeyed by the training thread between batches.
 *
 * <p>While paused, each {@link #step()} lets exactly one batch through, after which the run pauses again: single-step mode, for
 * watching one batch at a time. A pause asked for before the run starts takes effect before its first batch. A stop wakes a paused run.
 */
final class RunControl {

  /** What the training thread is told when it asks whether it may train the next batch. */
  enum Turn {
    /** Train the batch. */
    GO,
    /** End the run: a stop was asked for, or the thread was interrupted. */
    STOP
  }

  /** What the training thread reports while it waits; called on the training thread, outside the lock. */
  interface Reporter {
    void paused();

    void resumed(boolean singleStep);
  }

  /** A learning rate set by hand during the run, taken up between batches. */
  final RateOverride rates = new RateOverride();

  private final Object lock = new Object();
  private boolean paused;
  private boolean stopRequested;
  private long stepsGranted;

  void pause() {
    synchronized (lock) {
      paused = true;
      lock.notifyAll();
    }
  }

  void resume() {
    synchronized (lock) {
      paused = false;
      stepsGranted = 0;
      lock.notifyAll();
    }
  }

  /** Lets one more batch through a paused run; pauses a running one after its current batch. */
  void step() {
    synchronized (lock) {
      if (paused) {
        stepsGranted++;
      } else {
        paused = true;
      }
      lock.notifyAll();
    }
  }

  void stop() {
    synchronized (lock) {
      stopRequested = true;
      lock.notifyAll();
    }
  }

  boolean isPaused() {
    synchronized (lock) {
      return paused;
    }
  }

  boolean stopRequested() {
    synchronized (lock) {
      return stopRequested || Thread.currentThread().isInterrupted();
    }
  }

  /**
   * Called by the training thread before each batch: returns at once when the run is not paused, else reports the pause and waits
   * for a resume, a single step or a stop, and reports the resume.
   */
  Turn awaitTurn(Reporter reporter) {
    boolean reportedPause = false;
    while (true) {
      boolean singleStep;
      synchronized (lock) {
        if (stopRequested || Thread.currentThread().isInterrupted()) {
          return Turn.STOP;
        }
        if (!paused) {
          if (!reportedPause) {
            return Turn.GO;
          }
          singleStep = false;
        } else if (stepsGranted > 0 && reportedPause) {
          stepsGranted--;
          singleStep = true;
        } else if (reportedPause) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Turn.STOP;
          }
          continue;
        } else {
          singleStep = false; // paused, not yet reported: report below, outside the lock
        }
      }
      if (!reportedPause) {
        reporter.paused();
        reportedPause = true;
        continue;
      }
      reporter.resumed(singleStep);
      return Turn.GO;
    }
  }
}
