package org.layerlab.charts;

import io.fair_acc.dataset.locks.DataSetLock;
import io.fair_acc.dataset.spi.DoubleDataSet;

/** A ChartFX {@link DoubleDataSet} guarded by a {@link SeriesLock} instead of ChartFX's default lock. */
// DataSet declares lock() generic in the caller's data-set type; AbstractDataSet narrows it the same unchecked way. javac reports
// the narrowing against the class, so the suppression sits here.
@SuppressWarnings("unchecked")
final class SeriesDataSet extends DoubleDataSet {

  private static final long serialVersionUID = 1L;

  private final transient SeriesLock lock = new SeriesLock(this);

  SeriesDataSet(String name) {
    super(name);
  }

  @Override
  public DataSetLock<DoubleDataSet> lock() {
    return lock;
  }
}
