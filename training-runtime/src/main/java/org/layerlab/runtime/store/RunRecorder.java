package org.layerlab.runtime.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;

/**
 * Writes a run's events into the {@link RunStore}.
 *
 * <p>Step metrics are buffered and written in one small transaction at least once a second, and at every epoch end, so a process
 * killed mid-run loses at most the last second of steps. A store failure never stops training: the recorder keeps the first error,
 * logs it, and stops writing.
 *
 * <p>When the run starts, the recorder stores its batches per epoch and, if it was given one, its provenance: a JSON document made
 * on the training thread, where reading the dataset's files and asking the engine do not hold up a user interface. A run that
 * fails before it starts gets its provenance at its end.
 */
public final class RunRecorder implements TrainingListener {

  /** Longest time step metrics wait in memory before they are written. */
  static final long FLUSH_INTERVAL_MILLIS = 1000;

  private static final System.Logger LOG = System.getLogger(RunRecorder.class.getName());

  private final RunStore store;
  private final String runId;
  private final Supplier<String> provenance;
  private final List<MetricPoint> buffer = new ArrayList<>();
  private long lastFlush = System.currentTimeMillis();
  private boolean provenanceRecorded;
  private RunStoreException failure;

  private RunRecorder(RunStore store, String runId, Supplier<String> provenance) {
    this.store = store;
    this.runId = runId;
    this.provenance = provenance;
  }

  /** Records a new RUNNING run for {@code project} and returns the recorder that will fill it. */
  public static RunRecorder begin(RunStore store, Project project, String runName) {
    return begin(store, project, runName, RunOptions.NONE, null);
  }

  /**
   * Records a new RUNNING run for {@code project}, in a group and with tags and notes, and returns the recorder that will fill it.
   *
   * @param provenance makes the run's provenance JSON when the run starts, on the training thread; {@code null} for none. It may
   *     take a moment (it may hash the dataset's files); if it throws, the run is recorded without provenance.
   */
  public static RunRecorder begin(RunStore store, Project project, String runName, RunOptions options, Supplier<String> provenance) {
    String id = store.createRun(runName, project.name(), ProjectFiles.toJson(project), System.currentTimeMillis(), options);
    return new RunRecorder(store, id, provenance);
  }

  public String runId() {
    return runId;
  }

  /** The first store error, or {@code null}. After an error nothing more is written. */
  public synchronized RunStoreException failure() {
    return failure;
  }

  @Override
  public synchronized void onRunStarted(RunStarted e) {
    if (failure != null) {
      return;
    }
    try {
      store.recordStart(runId, e.batchesPerEpoch(), makeProvenance());
    } catch (RunStoreException ex) {
      fail(ex);
    }
  }

  @Override
  public synchronized void onStep(StepMetrics m) {
    buffer.add(new MetricPoint(MetricTags.STEP_LOSS, m.step(), m.wallTimeMillis(), m.loss()));
    buffer.add(new MetricPoint(MetricTags.STEP_ACCURACY, m.step(), m.wallTimeMillis(), m.accuracy()));
    buffer.add(new MetricPoint(MetricTags.STEP_SAMPLES_PER_SECOND, m.step(), m.wallTimeMillis(), m.samplesPerSecond()));
    if (m.wallTimeMillis() - lastFlush >= FLUSH_INTERVAL_MILLIS) {
      flush();
    }
  }

  @Override
  public synchronized void onEpoch(EpochMetrics m) {
    long e = m.epoch();
    buffer.add(new MetricPoint(MetricTags.TRAIN_LOSS, e, m.wallTimeMillis(), m.trainLoss()));
    buffer.add(new MetricPoint(MetricTags.TRAIN_ACCURACY, e, m.wallTimeMillis(), m.trainAccuracy()));
    buffer.add(new MetricPoint(MetricTags.VALIDATION_LOSS, e, m.wallTimeMillis(), m.validationLoss()));
    buffer.add(new MetricPoint(MetricTags.VALIDATION_ACCURACY, e, m.wallTimeMillis(), m.validationAccuracy()));
    flush();
  }

  @Override
  public synchronized void onRunEnded(RunEnded event) {
    flush();
    if (failure != null) {
      return;
    }
    try {
      if (!provenanceRecorded && provenance != null) {
        store.recordStart(runId, null, makeProvenance());
      }
      store.endRun(runId, event.status(), event.endedAtMillis(), event.finalValidationAccuracy(), event.message());
    } catch (RunStoreException e) {
      fail(e);
    }
  }

  /** Writes what is buffered now. */
  public synchronized void flush() {
    lastFlush = System.currentTimeMillis();
    if (buffer.isEmpty() || failure != null) {
      buffer.clear();
      return;
    }
    try {
      store.appendMetrics(runId, List.copyOf(buffer));
    } catch (RunStoreException e) {
      fail(e);
    }
    buffer.clear();
  }

  private String makeProvenance() {
    if (provenance == null || provenanceRecorded) {
      return null;
    }
    provenanceRecorded = true;
    try {
      return provenance.get();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Run " + runId + " is recorded without its provenance: " + e, e);
      return null;
    }
  }

  private void fail(RunStoreException e) {
    failure = e;
    LOG.log(System.Logger.Level.ERROR, "Run " + runId + " is no longer recorded: " + e.getMessage());
  }
}
