package org.layerlab.charts.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ColumnStoreTest {

  private final AtomicInteger changes = new AtomicInteger();
  private final ColumnStore store = new ColumnStore(changes::incrementAndGet);

  @Test
  void aSnapshotNeverChangesWhileAWriterAppendsAndGrowsTheArrays() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong checked = new AtomicLong();
    AtomicLong wrong = new AtomicLong();
    Thread reader =
        new Thread(
            () -> {
              while (!stop.get()) {
                ColumnStore.Snapshot s = store.snapshot();
                for (int i = 0; i < s.size; i += 1 + s.size / 64) {
                  if (s.step[i] != i || s.value[i] != i * 0.5) {
                    wrong.incrementAndGet();
                  }
                }
                if (s.size > 0 && s.step[s.size - 1] != s.size - 1) {
                  wrong.incrementAndGet();
                }
                checked.incrementAndGet();
              }
            });
    reader.start();
    for (int i = 0; i < 200_000; i++) {
      store.append(i, i / 1000.0, 1_000_000 + i, i * 0.5);
    }
    stop.set(true);
    reader.join(10_000);

    assertEquals(200_000, store.snapshot().size);
    assertTrue(checked.get() > 0);
    assertEquals(0, wrong.get());
    assertEquals(200_000, changes.get());
  }

  @Test
  void summaryFiguresFollowTheAppends() {
    store.appendAll(
        new double[] {0, 1, 2, 3, 4},
        new double[] {0, 0.5, 1, Double.NaN, 2},
        new double[] {10, 20, 30, 40, 50},
        new double[] {3, -1, Double.NaN, 0, 7});
    ColumnStore.Snapshot s = store.snapshot();

    assertEquals(-1, s.minValue);
    assertEquals(7, s.maxValue);
    assertEquals(3, s.minPositiveValue);
    assertEquals(1, s.nonFiniteCount);
    assertEquals(2, s.nonPositiveCount);
    assertTrue(s.stepSorted);
    assertFalse(s.epochSorted, "an unknown epoch makes the column unsearchable");
    assertEquals(1, changes.get(), "one change for one batch");
  }

  @Test
  void clearStartsANewGenerationAndLeavesOldSnapshotsIntact() {
    store.append(1, 0, 0, 5);
    ColumnStore.Snapshot before = store.snapshot();
    store.clear();

    assertEquals(0, store.snapshot().size);
    assertNotEquals(before.generation, store.snapshot().generation);
    assertEquals(1, before.size);
    assertEquals(5, before.value[0]);
  }

  @Test
  void columnsOfDifferentLengthsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> store.appendAll(new double[2], new double[2], new double[1], new double[2]));
    assertEquals(0, store.snapshot().size);
  }
}
