package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class BackgroundTrainingTest {

  @Test
  void theWorkRunsOnAThreadOfItsOwnWithALowerPriorityAndTheCallerKeepsItsOwn() throws Exception {
    assumeTrue(com.sun.jna.Platform.isLinux(), "nice values per thread are a Linux matter");
    int caller = BackgroundTraining.nicenessOfThisThread();
    int[] inside = new int[1];
    Thread[] thread = new Thread[1];
    String name =
        BackgroundTraining.call(
            () -> {
              inside[0] = BackgroundTraining.nicenessOfThisThread();
              thread[0] = Thread.currentThread();
              return Thread.currentThread().getName();
            });
    assertEquals(Math.min(19, caller + BackgroundTraining.NICENESS), inside[0]);
    assertEquals(caller, BackgroundTraining.nicenessOfThisThread(), "the calling thread keeps its priority");
    assertNotEquals(Thread.currentThread(), thread[0]);
    assertTrue(name.startsWith("layerlab-training-"), name);
    // a thread it starts inherits the lower priority (as the engine's OpenMP workers do)
    int child =
        BackgroundTraining.call(
            () -> {
              int[] seen = new int[1];
              Thread t = new Thread(() -> seen[0] = BackgroundTraining.nicenessOfThisThread());
              t.start();
              t.join();
              return seen[0];
            });
    assertEquals(Math.min(19, caller + BackgroundTraining.NICENESS), child);
  }

  @Test
  void theWorksFailureReachesTheCaller() {
    IllegalStateException unchecked = new IllegalStateException("no data");
    assertSame(unchecked, assertThrows(IllegalStateException.class, () -> BackgroundTraining.call(() -> { throw unchecked; })));
    IOException checked = new IOException("disk");
    assertSame(checked, assertThrows(IOException.class, () -> BackgroundTraining.call(() -> { throw checked; })));
  }

  @Test
  void interruptingTheCallerInterruptsTheTraining() throws Exception {
    Thread caller = Thread.currentThread();
    Thread interrupter =
        new Thread(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                return;
              }
              caller.interrupt();
            });
    interrupter.start();
    java.util.concurrent.atomic.AtomicBoolean trainingInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
    assertThrows(
        InterruptedException.class,
        () ->
            BackgroundTraining.call(
                () -> {
                  try {
                    Thread.sleep(10_000);
                  } catch (InterruptedException e) {
                    trainingInterrupted.set(true);
                  }
                  return null;
                }));
    assertFalse(Thread.currentThread().isInterrupted(), "the InterruptedException was the news; the flag is clear again");
    interrupter.join();
    Thread.sleep(100);
    assertTrue(trainingInterrupted.get(), "the training thread was interrupted as well");
  }
}
