package org.layerlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SeriesLockTest {

  private final SeriesDataSet dataSet = new SeriesDataSet("loss");

  @Test
  void noWriteHappensInsideAReadWhileTwoThreadsRead() throws Exception {
    // ChartFX 11.3.1's default lock let writes into read-locked sections here thousands of times a second.
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    AtomicLong torn = new AtomicLong();
    Runnable reader =
        () -> {
          while (!stop.get()) {
            dataSet
                .lock()
                .readLockGuard(
                    () -> {
                      int before = dataSet.getDataCount();
                      for (int i = 0; i < 50; i++) {
                        Thread.onSpinWait();
                      }
                      if (dataSet.getDataCount() != before) {
                        torn.incrementAndGet();
                      }
                      reads.incrementAndGet();
                    });
          }
        };
    Thread r1 = new Thread(reader, "reader-1");
    Thread r2 = new Thread(reader, "reader-2");
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; i < 100_000; i++) {
                dataSet.add(i, i, null);
              }
            },
            "writer");
    r1.start();
    r2.start();
    writer.start();
    writer.join(60_000);
    stop.set(true);
    r1.join(10_000);
    r2.join(10_000);

    assertFalse(writer.isAlive());
    assertEquals(100_000, dataSet.getDataCount());
    assertTrue(reads.get() > 0);
    assertEquals(0, torn.get(), "reads that saw a write, of " + reads.get());
  }

  @Test
  void theOnlyReaderMayWriteWithoutReleasingItsReadLock() {
    dataSet.lock().readLock();
    try {
      dataSet.add(1, 2, null); // takes the write lock inside; with ChartFX's default lock this never returned
      assertEquals(1, dataSet.getDataCount());
    } finally {
      dataSet.lock().readUnLock();
    }
  }

  @Test
  void aWriterWaitsUntilAnotherThreadStopsReading() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch stopReading = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () ->
                dataSet
                    .lock()
                    .readLockGuard(
                        () -> {
                          reading.countDown();
                          awaitQuietly(stopReading);
                        }),
            "reader");
    reader.start();
    assertTrue(reading.await(5, TimeUnit.SECONDS));

    CountDownLatch written = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () -> {
              dataSet.add(1, 1, null);
              written.countDown();
            },
            "writer");
    writer.start();
    assertFalse(written.await(200, TimeUnit.MILLISECONDS), "wrote while another thread was reading");

    stopReading.countDown();
    assertTrue(written.await(5, TimeUnit.SECONDS));
    reader.join(5_000);
  }

  @Test
  void unlockingALockNotHeldIsAnError() {
    assertThrows(IllegalStateException.class, () -> dataSet.lock().readUnLock());
    assertThrows(IllegalStateException.class, () -> dataSet.lock().writeUnLock());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
