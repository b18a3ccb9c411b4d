package org.layerlab.runtime.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.EpochRegressionScores;
import org.layerlab.runtime.events.RegressionReport;
import org.layerlab.runtime.events.TrainingTags;
import org.layerlab.runtime.events.TestReport;
import org.layerlab.runtime.events.StepDetails;
import org.layerlab.runtime.events.EpochScores;
import org.layerlab.runtime.events.LearningRateChanged;
import org.layerlab.runtime.events.CheckpointSaved;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.ParameterHistograms;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunRestored;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Writes a run's events into the {@link RunStore}.
 *
 * <p>Step and epoch metrics are buffered and written in one small transaction once a second (checked at every step and epoch end),
 * and at the end of the run, so a process killed mid-run loses at most the last second. Not at every epoch end: a small model's
 * epoch can last a tenth of a second, and a write's fixed cost and cold caches then cost more than its points. The transactions run
 * on a writer thread of the recorder's own, not on the training thread: a write costs a microsecond or two per point inside SQLite,
 * and a fast model takes a step every millisecond. The training thread only buffers, and waits only when {@value #MAX_PENDING_WRITES}
 * writes are pending (a slow disk then slows training rather than filling memory). {@link #flush()} and the end of the run wait for
 * every write. A store failure never stops training: the recorder keeps the first error, logs it, and stops writing.
 *
 * <p>When the run starts, the recorder stores its batches per epoch and, if it was given one, its provenance: a JSON document made
 * on the writer thread, so that reading the dataset's files and asking the engine delay neither a user interface nor training. A run
 * that fails before it starts gets its provenance at its end.
 */
public final class RunRecorder implements TrainingListener {

  /** Longest time metrics wait in memory before they are written, while the run reports steps or epochs. */
  static final long FLUSH_INTERVAL_MILLIS = 1000;

  /** Writes that may wait for the writer thread before the training thread waits too. */
  static final int MAX_PENDING_WRITES = 16;

  private static final System.Logger LOG = System.getLogger(RunRecorder.class.getName());
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final RunStore store;
  private final String runId;
  private final Supplier<String> provenance;
  private final ThreadPoolExecutor writer;
  private final AtomicLong writeCpuNanos = new AtomicLong();
  private List<MetricPoint> buffer = new ArrayList<>();
  private List<ParameterHistograms> histogramBuffer = new ArrayList<>();
  private final java.util.Map<String, CheckpointSaved> checkpoints = new java.util.LinkedHashMap<>();
  private TestReport testReport;
  private RegressionReport regressionReport;
  private long lastFlush = System.currentTimeMillis();
  private boolean provenanceTaken;
  private volatile RunStoreException failure;

  private RunRecorder(RunStore store, String runId, Supplier<String> provenance) {
    this.store = store;
    this.runId = runId;
    this.provenance = provenance;
    this.writer =
        new ThreadPoolExecutor(
            1,
            1,
            5,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_PENDING_WRITES),
            r -> {
              Thread t = new Thread(r, "layerlab-recorder-" + runId);
              t.setDaemon(true);
              return t;
            },
            RunRecorder::waitForRoom);
    // A recorder whose run never ends (an abandoned one) leaves no thread behind.
    writer.allowCoreThreadTimeOut(true);
  }

  /** Records a new RUNNING run for {@code project} and returns the recorder that will fill it. */
  public static RunRecorder begin(RunStore store, Project project, String runName) {
    return begin(store, project, runName, RunOptions.NONE, null);
  }

  /**
   * Records a new RUNNING run for {@code project}, in a group and with tags and notes, and returns the recorder that will fill it.
   *
   * @param provenance makes the run's provenance JSON when the run starts, on the recorder's writer thread; {@code null} for none.
   *     It may take a moment (it may hash the dataset's files); if it throws, the run is recorded without provenance.
   */
  public static RunRecorder begin(RunStore store, Project project, String runName, RunOptions options, Supplier<String> provenance) {
    String id = store.createRun(runName, project.name(), ProjectFiles.toJson(project), System.currentTimeMillis(), options);
    return new RunRecorder(store, id, provenance);
  }

  /**
   * Records a resumed run in its own record: the run is RUNNING again, and when the run has put back its checkpoint
   * ({@link #onRunRestored}) the points it recorded after that checkpoint are dropped, so that its series continue from there.
   *
   * @throws RunStoreException when the run cannot be reopened (see {@link RunStore#reopenRun})
   */
  public static RunRecorder resume(RunStore store, String runId) {
    store.reopenRun(runId);
    return new RunRecorder(store, runId, null);
  }

  /** A resumed run: what it recorded after its checkpoint goes, before it records those steps again. */
  @Override
  public synchronized void onRunRestored(RunRestored e) {
    handOver();
    long step = e.step();
    int epoch = e.epoch();
    submit(() -> store.truncateRun(runId, step, epoch));
  }

  public String runId() {
    return runId;
  }

  /** The first store error, or {@code null}. After an error nothing more is written. */
  public RunStoreException failure() {
    return failure;
  }

  /** CPU time the writer thread has spent writing this run so far: what recording costs besides the training thread's buffering. */
  public long writeCpuNanos() {
    return writeCpuNanos.get();
  }

  @Override
  public synchronized void onRunStarted(RunStarted e) {
    int batches = e.batchesPerEpoch();
    Supplier<String> p = takeProvenance();
    submit(() -> store.recordStart(runId, batches, make(p)));
  }

  @Override
  public synchronized void onStep(StepMetrics m) {
    buffer.add(new MetricPoint(MetricTags.STEP_LOSS, m.step(), m.wallTimeMillis(), m.loss()));
    if (!Double.isNaN(m.accuracy())) { // a regression has no accuracy: no series of empty points
      buffer.add(new MetricPoint(MetricTags.STEP_ACCURACY, m.step(), m.wallTimeMillis(), m.accuracy()));
    }
    buffer.add(new MetricPoint(MetricTags.STEP_SAMPLES_PER_SECOND, m.step(), m.wallTimeMillis(), m.samplesPerSecond()));
    if (m.wallTimeMillis() - lastFlush >= FLUSH_INTERVAL_MILLIS) {
      handOver();
    }
  }

  @Override
  public synchronized void onEpoch(EpochMetrics m) {
    long e = m.epoch();
    buffer.add(new MetricPoint(MetricTags.TRAIN_LOSS, e, m.wallTimeMillis(), m.trainLoss()));
    buffer.add(new MetricPoint(MetricTags.VALIDATION_LOSS, e, m.wallTimeMillis(), m.validationLoss()));
    if (!Double.isNaN(m.trainAccuracy()) || !Double.isNaN(m.validationAccuracy())) {
      buffer.add(new MetricPoint(MetricTags.TRAIN_ACCURACY, e, m.wallTimeMillis(), m.trainAccuracy()));
      buffer.add(new MetricPoint(MetricTags.VALIDATION_ACCURACY, e, m.wallTimeMillis(), m.validationAccuracy()));
    }
    if (m.wallTimeMillis() - lastFlush >= FLUSH_INTERVAL_MILLIS) {
      handOver();
    }
  }

  @Override
  public synchronized void onStepDetails(StepDetails d) {
    buffer.add(new MetricPoint(TrainingTags.STEP_LEARNING_RATE, d.step(), d.wallTimeMillis(), d.learningRate()));
    buffer.add(new MetricPoint(TrainingTags.STEP_GRADIENT_NORM, d.step(), d.wallTimeMillis(), d.gradientNorm()));
  }

  /** A hand-made learning-rate change is kept as a metric: the new rate at the first step that used it. */
  @Override
  public synchronized void onLearningRateChanged(LearningRateChanged c) {
    buffer.add(new MetricPoint(TrainingTags.EVENTS_LEARNING_RATE_CHANGE, c.step(), c.wallTimeMillis(), c.newRate()));
  }

  @Override
  public synchronized void onEpochScores(EpochScores s) {
    long e = s.epoch();
    long t = s.wallTimeMillis();
    if (s.validation() != null) {
      buffer.add(new MetricPoint(TrainingTags.VALIDATION_TOP5_ACCURACY, e, t, s.validation().topKAccuracy()));
      buffer.add(new MetricPoint(TrainingTags.VALIDATION_MACRO_PRECISION, e, t, s.validation().macroPrecision()));
      buffer.add(new MetricPoint(TrainingTags.VALIDATION_MACRO_RECALL, e, t, s.validation().macroRecall()));
      buffer.add(new MetricPoint(TrainingTags.VALIDATION_MACRO_F1, e, t, s.validation().macroF1()));
    }
    if (s.train() != null) {
      buffer.add(new MetricPoint(TrainingTags.TRAIN_TOP5_ACCURACY, e, t, s.train().topKAccuracy()));
      buffer.add(new MetricPoint(TrainingTags.TRAIN_MACRO_F1, e, t, s.train().macroF1()));
    }
  }

  @Override
  public synchronized void onEpochRegressionScores(EpochRegressionScores s) {
    long e = s.epoch();
    long t = s.wallTimeMillis();
    if (s.train() != null) {
      buffer.add(new MetricPoint(TrainingTags.TRAIN_MAE, e, t, s.train().meanAbsoluteError()));
      buffer.add(new MetricPoint(TrainingTags.TRAIN_RMSE, e, t, s.train().rootMeanSquaredError()));
      buffer.add(new MetricPoint(TrainingTags.TRAIN_R2, e, t, s.train().rSquared()));
    }
    if (s.validation() != null) {
      buffer.add(new MetricPoint(TrainingTags.VALIDATION_MAE, e, t, s.validation().meanAbsoluteError()));
      buffer.add(new MetricPoint(TrainingTags.VALIDATION_RMSE, e, t, s.validation().rootMeanSquaredError()));
      buffer.add(new MetricPoint(TrainingTags.VALIDATION_R2, e, t, s.validation().rSquared()));
    }
  }

  /** Histograms wait with the metric points and are written in the same hand-over. */
  @Override
  public synchronized void onHistograms(ParameterHistograms h) {
    histogramBuffer.add(h);
  }

  /** A regression's held-out figures, stored once at step 0 like a classifier's; the full report goes beside the checkpoints. */
  @Override
  public synchronized void onRegressionReport(RegressionReport r) {
    long t = r.wallTimeMillis();
    buffer.add(new MetricPoint(TrainingTags.TEST_LOSS, 0, t, r.scores().loss()));
    buffer.add(new MetricPoint(TrainingTags.TEST_MAE, 0, t, r.scores().meanAbsoluteError()));
    buffer.add(new MetricPoint(TrainingTags.TEST_RMSE, 0, t, r.scores().rootMeanSquaredError()));
    buffer.add(new MetricPoint(TrainingTags.TEST_R2, 0, t, r.scores().rSquared()));
    regressionReport = r;
  }

  /** The held-out scores, stored once at step 0 so that they sort apart from training steps. */
  @Override
  public synchronized void onTestReport(TestReport r) {
    long t = r.wallTimeMillis();
    buffer.add(new MetricPoint(TrainingTags.TEST_LOSS, 0, t, r.scores().loss()));
    buffer.add(new MetricPoint(TrainingTags.TEST_ACCURACY, 0, t, r.scores().accuracy()));
    buffer.add(new MetricPoint(TrainingTags.TEST_TOP5_ACCURACY, 0, t, r.scores().topKAccuracy()));
    buffer.add(new MetricPoint(TrainingTags.TEST_MACRO_F1, 0, t, r.scores().macroF1()));
    testReport = r;
  }

  /** Checkpoints are recorded as artifacts when the run ends: the last and the best folder, not one row per epoch. */
  @Override
  public synchronized void onCheckpointSaved(CheckpointSaved c) {
    checkpoints.put(c.kind(), c);
  }

  /** Writes what is buffered and the end of the run, and returns once they are in the store. */
  @Override
  public synchronized void onRunEnded(RunEnded event) {
    handOver();
    Supplier<String> p = takeProvenance();
    if (p != null) {
      submit(() -> store.recordStart(runId, null, make(p)));
    }
    for (CheckpointSaved c : checkpoints.values()) {
      String what =
          c.kind() + " checkpoint after epoch " + c.epoch() + (Double.isFinite(c.value()) ? " (" + c.metric() + " " + c.value() + ")" : "");
      submit(() -> store.addArtifact(runId, Artifact.Kind.CHECKPOINT, c.path(), folderSize(Path.of(c.path())), what));
    }
    TestReport report = testReport;
    RegressionReport regression = regressionReport;
    CheckpointSaved any = checkpoints.values().stream().findFirst().orElse(null);
    if (report != null && any != null) {
      // The run's folder holds its checkpoints: the report (confusion matrix, per-class scores, worst samples) goes beside them.
      Path file = Path.of(any.path()).toAbsolutePath().getParent().getParent().resolve("test-report.json");
      submit(() -> writeReport(report, report.set() + " report: confusion matrix, per-class scores and the worst samples", file));
    }
    if (regression != null && any != null) {
      Path file = Path.of(any.path()).toAbsolutePath().getParent().getParent().resolve("test-report.json");
      submit(() -> writeReport(regression, regression.set() + " report: regression errors and the worst-predicted samples", file));
    }
    submit(
        () -> store.endRun(runId, event.status(), event.endedAtMillis(), event.finalValidationAccuracy(), event.message(), event.text()));
    awaitWrites();
    writer.shutdown();
  }

  /** Writes what is buffered now, and returns once it and every earlier write are in the store (or have failed). */
  public synchronized void flush() {
    handOver();
    awaitWrites();
  }

  private void writeReport(Object report, String description, Path file) {
    try {
      java.nio.file.Files.createDirectories(file.getParent());
      new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValue(file.toFile(), report);
    } catch (java.io.IOException e) {
      throw new RunStoreException(
          RuntimeMessages.text("store.cannotWriteReport", String.valueOf(file), String.valueOf(e.getMessage())), e);
    }
    store.addArtifact(
        runId,
        Artifact.Kind.EVALUATION,
        file.toString(),
        file.toFile().length(),
        description);
  }

  private static long folderSize(Path folder) {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(folder)) {
      return files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  /** Passes the buffer to the writer thread and starts a new one. */
  private void handOver() {
    lastFlush = System.currentTimeMillis();
    if (failure != null) {
      buffer.clear();
      histogramBuffer.clear();
      return;
    }
    if (!histogramBuffer.isEmpty()) {
      List<ParameterHistograms> histograms = histogramBuffer;
      histogramBuffer = new ArrayList<>();
      submit(() -> store.appendHistograms(runId, histograms));
    }
    if (buffer.isEmpty()) {
      return;
    }
    List<MetricPoint> batch = buffer;
    buffer = new ArrayList<>(batch.size());
    submit(() -> store.appendMetrics(runId, batch));
  }

  private void submit(Runnable write) {
    if (failure != null || writer.isShutdown()) {
      return;
    }
    writer.execute(
        () -> {
          if (failure != null) {
            return;
          }
          long cpu = THREADS.getCurrentThreadCpuTime();
          try {
            write.run();
          } catch (RunStoreException e) {
            fail(e);
          } finally {
            writeCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
          }
        });
  }

  /** Waits until the writer has done everything submitted so far. An interrupt ends the wait early and stays set. */
  private void awaitWrites() {
    if (writer.isShutdown()) {
      return;
    }
    try {
      writer.submit(() -> {}).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("an empty task cannot fail", e);
    }
  }

  /** Waits for room in the writer's queue; an interrupted trainer writes the batch itself instead (points are keyed by step). */
  private static void waitForRoom(Runnable write, ThreadPoolExecutor executor) {
    try {
      executor.getQueue().put(write);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      write.run();
    }
  }

  /** The provenance supplier if it has not been used yet, and marks it used. */
  private Supplier<String> takeProvenance() {
    if (provenanceTaken || provenance == null) {
      return null;
    }
    provenanceTaken = true;
    return provenance;
  }

  private String make(Supplier<String> p) {
    if (p == null) {
      return null;
    }
    try {
      return p.get();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Run " + runId + " is recorded without its provenance: " + e, e);
      return null;
    }
  }

  private void fail(RunStoreException e) {
    if (failure == null) {
      failure = e;
      LOG.log(System.Logger.Level.ERROR, "Run " + runId + " is no longer recorded: " + e.getMessage());
    }
  }
}
