package org.layerlab.runtime.train;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trains on a thread of its own at a lower CPU priority, so that a window showing the run gets the cores first when it has
 * something to draw.
 *
 * <p>On a small machine a run keeps every core busy (its own thread and the engine's OpenMP workers); the window's two threads (the
 * JavaFX thread and its renderer) then waited for the CPU in turn with them and froze for a tenth of a second or more. On Linux the
 * nice value is per thread and inherited by the threads a thread starts, so the training thread raises its own to {@link #NICENESS}
 * before the engine starts its workers from it: they run at the same lower priority, and only when the window wants the CPU does
 * the run give way (alone it still gets all the cores). An unprivileged thread cannot lower its nice value again, hence a fresh
 * thread for each run. Elsewhere (or when the C library cannot be reached) the run simply trains at normal priority.
 *
 * <p>The command line trains on its own thread at normal priority: nothing there competes with the run.
 */
public final class BackgroundTraining {

  /**
   * How much lower: 10 gives a thread about a tenth of the CPU weight of a normal one when they compete. {@code
   * -Dlayerlab.trainingNiceness=0} keeps the run at normal priority (to measure what the lower one changes).
   */
  public static final int NICENESS = Math.max(0, Math.min(19, Integer.getInteger("layerlab.trainingNiceness", 10)));

  private static final AtomicInteger RUNS = new AtomicInteger();

  private BackgroundTraining() {}

  /** The part of the C library it uses. */
  private interface C extends Library {
    int setpriority(int which, int who, int prio);

    int getpriority(int which, int who);
  }

  private static final int PRIO_PROCESS = 0;

  /**
   * Runs {@code work} on a new thread whose CPU priority is lowered first, waits for it and returns its result; {@code work}'s
   * exception or error is thrown as it is. Interrupting the waiting thread interrupts the training thread too.
   */
  public static <T> T call(Callable<T> work) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              lowerPriorityOfThisThread();
              try {
                result.set(work.call());
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "layerlab-training-" + RUNS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      thread.interrupt(); // the caller gets the InterruptedException (its flag cleared, as Java's own waits leave it)
      throw e;
    }
    Throwable t = failure.get();
    if (t instanceof Exception e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return result.get();
  }

  /**
   * Raises the calling thread's nice value by {@link #NICENESS}; true when it did. Linux only (there the value is per thread); a
   * no-op returning false elsewhere or when the C library cannot be loaded.
   */
  public static boolean lowerPriorityOfThisThread() {
    C c = NICENESS == 0 ? null : libc();
    if (c == null) {
      return false;
    }
    int now = c.getpriority(PRIO_PROCESS, 0); // who 0: on Linux the calling thread, not the whole process
    return c.setpriority(PRIO_PROCESS, 0, Math.min(19, now + NICENESS)) == 0;
  }

  /** The calling thread's nice value, or 0 where it cannot be read. For tests and diagnostics. */
  public static int nicenessOfThisThread() {
    C c = libc();
    return c == null ? 0 : c.getpriority(PRIO_PROCESS, 0);
  }

  /** The C library, loaded once; null off Linux or when it cannot be loaded. */
  private static C libc() {
    return Libc.INSTANCE;
  }

  private static final class Libc {
    static final C INSTANCE = load();

    private static C load() {
      if (!Platform.isLinux()) {
        return null;
      }
      try {
        return Native.load("c", C.class);
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        return null;
      }
    }
  }
}
