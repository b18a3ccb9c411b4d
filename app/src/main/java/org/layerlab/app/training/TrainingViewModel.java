package org.layerlab.app.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.app.concurrent.Cancellable;
import org.layerlab.app.concurrent.TaskExecutor;
import org.layerlab.app.data.DataViewModel;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.setup.TrainingSetupViewModel;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;

/**
 * One training run at a time, on the data page's dataset with the training page's settings, with its progress and live curves.
 *
 * <p>Threads: the run's listener is called on the training thread. It appends to the {@link LiveCurves} directly (their sinks are
 * thread-safe chart series) and stores the latest step and epoch in atomic references; a repeated action on the UI thread reads them
 * every {@value #PROGRESS_PERIOD_MILLIS} ms and updates the progress properties. Nothing is posted to the UI thread per step.
 */
public final class TrainingViewModel {

  /** How often the progress text is refreshed while a run trains. */
  static final long PROGRESS_PERIOD_MILLIS = 100;

  private final Project baseProject;
  private final Path projectDir;
  private final ObservableObjectValue<ModelSpec> model;
  private final ObservableBooleanValue modelValid;
  private final TrainingJobFactory jobs;
  private final TaskExecutor executor;

  private final DataViewModel data;
  private final TrainingSetupViewModel setup;

  // the run
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyBooleanWrapper stopping = new ReadOnlyBooleanWrapper(this, "stopping");
  private final ReadOnlyBooleanWrapper canTrain = new ReadOnlyBooleanWrapper(this, "canTrain");
  private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(this, "canStop");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
  private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
  private final ReadOnlyObjectWrapper<RunStarted> runStarted = new ReadOnlyObjectWrapper<>(this, "runStarted");
  private final ReadOnlyObjectWrapper<RunEnded> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");
  private final ReadOnlyBooleanWrapper curvesEmpty = new ReadOnlyBooleanWrapper(this, "curvesEmpty", true);

  // The run writes here; the view's chart series are attached behind, and a rebuilt view gets the curves so far replayed.
  private final RecordingSink trainLossCurve = new RecordingSink();
  private final RecordingSink validationLossCurve = new RecordingSink();
  private final RecordingSink trainAccuracyCurve = new RecordingSink();
  private final RecordingSink validationAccuracyCurve = new RecordingSink();
  private final LiveCurves curves = new LiveCurves(trainLossCurve, validationLossCurve, trainAccuracyCurve, validationAccuracyCurve);
  private RunControl current;
  private Cancellable progressRefresh;

  /**
   * @param project the opened project; its name and every setting the pages do not edit are kept for every run
   * @param data the data page: the chosen dataset and its signature
   * @param setup the training page: the settings to train with
   * @param model the model to train, as the model editor holds it
   * @param modelValid whether that model can be trained
   */
  public TrainingViewModel(
      Project project,
      DataViewModel data,
      TrainingSetupViewModel setup,
      ObservableObjectValue<ModelSpec> model,
      ObservableBooleanValue modelValid,
      TrainingJobFactory jobs,
      TaskExecutor executor) {
    this.baseProject = Objects.requireNonNull(project, "project");
    this.data = Objects.requireNonNull(data, "data");
    this.setup = Objects.requireNonNull(setup, "setup");
    this.projectDir = data.projectDir();
    this.model = Objects.requireNonNull(model, "model");
    this.modelValid = Objects.requireNonNull(modelValid, "modelValid");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.executor = Objects.requireNonNull(executor, "executor");
    for (Observable o :
        List.of(
            modelValid,
            setup.settingsValidProperty(),
            data.dataSignatureProperty(),
            data.checkingDatasetProperty(),
            data.datasetProblemProperty(),
            running,
            stopping,
            lastRun)) {
      o.addListener(x -> updateState());
    }
    updateState();
  }

  /** The data page this run trains on. */
  public DataViewModel data() {
    return data;
  }

  /** The training page whose settings this run trains with. */
  public TrainingSetupViewModel setup() {
    return setup;
  }

  // ---- the run ------------------------------------------------------------------------------------------------------------------

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public boolean isRunning() {
    return running.get();
  }

  public ReadOnlyBooleanProperty canTrainProperty() {
    return canTrain.getReadOnlyProperty();
  }

  public boolean canTrain() {
    return canTrain.get();
  }

  public ReadOnlyBooleanProperty canStopProperty() {
    return canStop.getReadOnlyProperty();
  }

  /** From 0 to 1 while training, -1 (indeterminate) while the run loads its data. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Such as "Epoch 3/40 · batch 12/23 · 4,120 samples/s". */
  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }

  /** Why Train is disabled, what the run is doing, or how the last run ended. */
  public ReadOnlyStringProperty statusTextProperty() {
    return statusText.getReadOnlyProperty();
  }

  /** The current run's start, set once its data is loaded and the run is recorded. */
  public ReadOnlyObjectProperty<RunStarted> runStartedProperty() {
    return runStarted.getReadOnlyProperty();
  }

  /** How the last run ended, or {@code null} before the first one. */
  public ReadOnlyObjectProperty<RunEnded> lastRunProperty() {
    return lastRun.getReadOnlyProperty();
  }

  /** Whether no run has drawn curves yet in this window, so the charts can explain what will appear. */
  public ReadOnlyBooleanProperty curvesEmptyProperty() {
    return curvesEmpty.getReadOnlyProperty();
  }

  /** Where the live curves go; the view attaches chart series here. */
  public void attachCurves(LiveCurves liveCurves) {
    Objects.requireNonNull(liveCurves, "liveCurves");
    trainLossCurve.retarget(liveCurves.trainLoss());
    validationLossCurve.retarget(liveCurves.validationLoss());
    trainAccuracyCurve.retarget(liveCurves.trainAccuracy());
    validationAccuracyCurve.retarget(liveCurves.validationAccuracy());
  }

  /** How many training-loss points the current or last run has drawn; survives a rebuilt view. */
  public int trainLossPoints() {
    return trainLossCurve.size();
  }

  /** The project a run would train now: the opened one with the edited model, the selected dataset and these settings. */
  public Project projectToTrain() {
    return baseProject.withModel(model.get()).withDataset(data.ref()).withTraining(setup.settingsProperty().get().withValidationFraction(data.validationFractionProperty().get()));
  }

  /** Starts a run in the background when {@link #canTrain()}; does nothing otherwise. */
  public void train() {
    if (!canTrain.get()) {
      return;
    }
    Project project = projectToTrain();
    LiveCurves target = curves;
    target.clear();
    RunControl run = new RunControl(project.training().epochs());
    current = run;
    lastRun.set(null);
    runStarted.set(null);
    progress.set(-1);
    progressText.set(Messages.get("training.loading"));
    curvesEmpty.set(false);
    running.set(true);
    progressRefresh = executor.repeatOnUiThread(Duration.ofMillis(PROGRESS_PERIOD_MILLIS), this::refreshProgress);
    TrainingListener listener = new LiveListener(run, target);
    executor.execute(
        () -> {
          TrainingJob job = jobs.create(project, projectDir, listener);
          run.attach(job);
          return job.call();
        },
        ended -> finished(run, ended),
        error ->
            finished(
                run,
                new RunEnded(
                    null,
                    RunStatus.FAILED,
                    0,
                    Double.NaN,
                    Messages.get("training.couldNotStart", error.getMessage() == null ? error.toString() : error.getMessage()),
                    System.currentTimeMillis())));
  }

  /** Asks the running run to end after its current batch. */
  public void stop() {
    if (current != null) {
      current.stop();
      stopping.set(true);
    }
  }

  /** Stops a running run and the progress refresh; for closing the window. */
  public void shutdown() {
    stop();
    if (progressRefresh != null) {
      progressRefresh.cancel();
    }
  }

  /** Republishes every text in the current language; a running run goes on. */
  public void relocalize() {
    if (current != null) {
      refreshProgress();
    } else if (lastRun.get() != null) {
      progressText.set(Messages.get("status." + lastRun.get().status().name()));
    }
    updateState();
  }

  /** Reads the latest step and epoch the training thread stored and shows them. Runs on the UI thread. */
  void refreshProgress() {
    RunControl run = current;
    if (run == null) {
      return;
    }
    StepMetrics step = run.latestStep.get();
    if (step == null) {
      progress.set(-1);
      progressText.set(Messages.get(run.started.get() == null ? "training.loading" : "training.firstBatch"));
      return;
    }
    RunStarted started = run.started.get();
    int epochs = started == null ? run.epochs : started.epochs();
    progress.set(Math.min(1, step.epochFraction() / epochs));
    String text =
        Messages.get(
            "training.progress", step.epoch(), epochs, step.batch(), step.batchesPerEpoch(), Math.round(step.samplesPerSecond()));
    EpochMetrics epoch = run.latestEpoch.get();
    if (epoch != null) {
      text += Messages.get("training.progress.validation", Messages.percent(epoch.validationAccuracy()));
    }
    progressText.set(text);
  }

  private void finished(RunControl run, RunEnded ended) {
    if (progressRefresh != null) {
      progressRefresh.cancel();
      progressRefresh = null;
    }
    refreshProgress();
    current = null;
    if (ended.status() == RunStatus.FINISHED) {
      progress.set(1);
    } else if (progress.get() < 0) {
      progress.set(0);
    }
    progressText.set(Messages.get("status." + ended.status().name()));
    stopping.set(false);
    lastRun.set(ended);
    running.set(false);
  }

  private void updateState() {
    boolean ready =
        modelValid.get()
            && setup.settingsValidProperty().get()
            && data.dataSignatureProperty().get() != null
            && !data.checkingDatasetProperty().get()
            && !running.get();
    canTrain.set(ready);
    canStop.set(running.get() && !stopping.get());
    String status;
    if (running.get()) {
      status = stopping.get() ? Messages.get("training.stopping") : Messages.get("training.running");
    } else if (!data.datasetProblemProperty().get().isEmpty()) {
      status = Messages.get("training.datasetProblem", data.datasetProblemProperty().get());
    } else if (!modelValid.get()) {
      status = Messages.get("training.fixModel");
    } else if (!setup.settingsValidProperty().get()) {
      status = Messages.get("training.fixSettings");
    } else if (data.dataSignatureProperty().get() == null) {
      status = Messages.get("dataset.checking");
    } else if (lastRun.get() != null) {
      status = describe(lastRun.get());
    } else {
      status = Messages.get("training.ready");
    }
    statusText.set(status);
  }

  /**
   * How a run ended, in the window's language. The runtime's own message is English; it is kept for failures, where it names the
   * cause.
   */
  public static String describe(RunEnded ended) {
    if (ended.status() == RunStatus.FINISHED || ended.status() == RunStatus.STOPPED) {
      return Messages.get(
          "training.ended",
          Messages.get("status." + ended.status().name()),
          ended.epochsCompleted(),
          Messages.percent(ended.finalValidationAccuracy()));
    }
    return ended.message();
  }

  /** One run's stop switch and latest progress, shared between the UI thread and the training thread. */
  private static final class RunControl {
    final int epochs;
    final AtomicReference<RunStarted> started = new AtomicReference<>();
    final AtomicReference<StepMetrics> latestStep = new AtomicReference<>();
    final AtomicReference<EpochMetrics> latestEpoch = new AtomicReference<>();
    private TrainingJob job;
    private boolean stopRequested;

    RunControl(int epochs) {
      this.epochs = epochs;
    }

    /** Called on the worker once the job exists; a stop that came earlier is passed on. */
    synchronized void attach(TrainingJob job) {
      this.job = job;
      if (stopRequested) {
        job.stop();
      }
    }

    synchronized void stop() {
      stopRequested = true;
      if (job != null) {
        job.stop();
      }
    }
  }

  /** Feeds a run's events to the curves and the progress references; runs on the training thread. */
  private final class LiveListener implements TrainingListener {
    private final RunControl run;
    private final LiveCurves target;

    LiveListener(RunControl run, LiveCurves target) {
      this.run = run;
      this.target = target;
    }

    @Override
    public void onRunStarted(RunStarted event) {
      run.started.set(event);
      executor.runOnUiThread(() -> runStarted.set(event));
    }

    @Override
    public void onStep(StepMetrics m) {
      target.trainLoss().append(m.epochFraction(), m.loss());
      target.trainAccuracy().append(m.epochFraction(), 100 * m.accuracy());
      run.latestStep.set(m);
    }

    @Override
    public void onEpoch(EpochMetrics m) {
      target.validationLoss().append(m.epoch(), m.validationLoss());
      target.validationAccuracy().append(m.epoch(), 100 * m.validationAccuracy());
      run.latestEpoch.set(m);
    }
  }
}
