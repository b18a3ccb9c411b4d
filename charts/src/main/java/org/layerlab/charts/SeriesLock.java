package org.layerlab.charts;

import io.fair_acc.dataset.locks.DataSetLock;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The lock of a series' data set: any number of readers or one writer, reentrant on both sides, and a thread that holds the read
 * lock may also write while no other thread reads.
 *
 * <p>It replaces ChartFX 11.3.1's {@code DefaultDataSetLock} for two reasons found in that version. First, a chart read-locks its
 * data sets on the FX thread from its pre-layout hook until the next post-layout pulse, and it also does so when it is attached to
 * a scene or laid out outside a pulse (a snapshot, for instance); a series appended on the FX thread in that window, such as a
 * finished run loaded right after the chart was added to a window, then waited on a lock its own thread held and froze the FX
 * thread for good. Here the FX thread may write under its own read lock; no other thread can be inside the data set then, since
 * writers on other threads wait for the read lock to go. Second, the default lock counts readers across threads without excluding
 * writers reliably when two threads read at once.
 *
 * <p>Two threads that each hold the read lock and both ask for the write lock would wait for each other. Only the FX thread reads
 * series data sets, so this does not arise here.
 */
final class SeriesLock implements DataSetLock<DoubleDataSet> {

  private static final long serialVersionUID = 1L;

  private final transient DoubleDataSet dataSet;
  private final transient Map<Thread, Integer> readHolds = new HashMap<>();
  private transient Thread writer;
  private transient int writeHolds;

  SeriesLock(DoubleDataSet dataSet) {
    this.dataSet = dataSet;
  }

  @Override
  public synchronized DoubleDataSet readLock() {
    Thread me = Thread.currentThread();
    boolean interrupted = false;
    while (writer != null && writer != me) {
      interrupted |= awaitChange();
    }
    readHolds.merge(me, 1, Integer::sum);
    restoreInterrupt(interrupted);
    return dataSet;
  }

  @Override
  public synchronized DoubleDataSet readUnLock() {
    Thread me = Thread.currentThread();
    Integer holds = readHolds.get(me);
    if (holds == null) {
      throw new IllegalStateException("read unlock by " + me.getName() + ", which holds no read lock");
    }
    if (holds == 1) {
      readHolds.remove(me);
      notifyAll();
    } else {
      readHolds.put(me, holds - 1);
    }
    return dataSet;
  }

  @Override
  public synchronized DoubleDataSet writeLock() {
    Thread me = Thread.currentThread();
    boolean interrupted = false;
    while ((writer != null && writer != me) || readHolds.size() > (readHolds.containsKey(me) ? 1 : 0)) {
      interrupted |= awaitChange();
    }
    writer = me;
    writeHolds++;
    restoreInterrupt(interrupted);
    return dataSet;
  }

  @Override
  public synchronized DoubleDataSet writeUnLock() {
    Thread me = Thread.currentThread();
    if (writer != me) {
      throw new IllegalStateException("write unlock by " + me.getName() + ", which holds no write lock");
    }
    if (--writeHolds == 0) {
      writer = null;
      notifyAll();
    }
    return dataSet;
  }

  @Override
  public DoubleDataSet readLockGuard(Runnable reading) {
    readLock();
    try {
      reading.run();
    } finally {
      readUnLock();
    }
    return dataSet;
  }

  @Override
  public <R> R readLockGuard(Supplier<R> reading) {
    readLock();
    try {
      return reading.get();
    } finally {
      readUnLock();
    }
  }

  /** Takes the read lock; reads are short here, so optimism would buy nothing. */
  @Override
  public DoubleDataSet readLockGuardOptimistic(Runnable reading) {
    return readLockGuard(reading);
  }

  /** Takes the read lock; reads are short here, so optimism would buy nothing. */
  @Override
  public <R> R readLockGuardOptimistic(Supplier<R> reading) {
    return readLockGuard(reading);
  }

  @Override
  public DoubleDataSet writeLockGuard(Runnable writing) {
    writeLock();
    try {
      writing.run();
    } finally {
      writeUnLock();
    }
    return dataSet;
  }

  @Override
  public <R> R writeLockGuard(Supplier<R> writing) {
    writeLock();
    try {
      return writing.get();
    } finally {
      writeUnLock();
    }
  }

  /** Waits for a release; an interrupt is remembered rather than thrown, since callers of a lock cannot handle it. */
  private boolean awaitChange() {
    try {
      wait();
      return false;
    } catch (InterruptedException e) {
      return true;
    }
  }

  private static void restoreInterrupt(boolean interrupted) {
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
