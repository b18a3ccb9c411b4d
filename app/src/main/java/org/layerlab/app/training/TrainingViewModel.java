package org.layerlab.app.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
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
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.data.GeneratedClasses;
import org.layerlab.runtime.events.DecisionBoundary;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.EpochRegressionScores;
import org.layerlab.runtime.events.LearningRateChanged;
import org.layerlab.runtime.events.ParameterHistogram;
import org.layerlab.runtime.events.ParameterHistograms;
import org.layerlab.runtime.events.RunPaused;
import org.layerlab.runtime.events.RunResumed;
import org.layerlab.runtime.events.StepDetails;
import org.layerlab.runtime.events.ValidationConfusion;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;

/**
 * The run monitor's state: one training run at a time, on the data page's dataset with the training page's settings, with its
 * progress, live curves, confusion matrix, decision boundary and histograms, and its controls (stop, pause, single step, resume, a
 * learning rate changed by hand).
 *
 * <p>Threads: the run's listener is called on the training thread. Per step it only appends to the curves' recording sinks and
 * stores the latest step in atomic references; a repeated action on the UI thread reads them every {@value #PROGRESS_PERIOD_MILLIS}
 * ms, updates the progress properties and hands the new points to the chart runs, so the charts redraw at most that often however
 * fast the run steps. Nothing is posted to the UI thread per step: only the
 * rare events are (run start, pause and resume, a learning-rate change, one confusion matrix per epoch, a histogram's first
 * appearance). The decision boundary and the histograms go straight to their thread-safe sinks.
 */
public final class TrainingViewModel {

  /** How often the progress text is refreshed while a run trains. */
  static final long PROGRESS_PERIOD_MILLIS = 100;

  /** Histograms every this many steps when the settings record none and the monitor asks for them. */
  static final int MONITOR_HISTOGRAM_EVERY = 50;

  /** The most training points drawn under a decision boundary. */
  static final int MAX_BOUNDARY_POINTS = 3000;

  /** Learning rates the monitor accepts, as the training settings do. */
  static final double MAX_LEARNING_RATE = 10;

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
  private final ReadOnlyStringWrapper timingText = new ReadOnlyStringWrapper(this, "timingText", "");
  private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
  private final ReadOnlyObjectWrapper<RunStarted> runStarted = new ReadOnlyObjectWrapper<>(this, "runStarted");
  private final ReadOnlyObjectWrapper<RunEnded> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");
  private final ReadOnlyBooleanWrapper curvesEmpty = new ReadOnlyBooleanWrapper(this, "curvesEmpty", true);

  // pause, single step, resume
  private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
  private final ReadOnlyBooleanWrapper pauseRequested = new ReadOnlyBooleanWrapper(this, "pauseRequested");
  private final ReadOnlyBooleanWrapper stepping = new ReadOnlyBooleanWrapper(this, "stepping");
  private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(this, "canPause");
  private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
  private final ReadOnlyBooleanWrapper canStep = new ReadOnlyBooleanWrapper(this, "canStep");
  private final BooleanProperty stepByStep = new SimpleBooleanProperty(this, "stepByStep", false);
  private RunPaused pausedAt;
  private long runMillis = -1;

  // the learning rate by hand
  private final StringProperty learningRateText = new SimpleStringProperty(this, "learningRateText", "");
  private final ReadOnlyStringWrapper learningRateProblem = new ReadOnlyStringWrapper(this, "learningRateProblem", "");
  private final ReadOnlyStringWrapper learningRateNote = new ReadOnlyStringWrapper(this, "learningRateNote", "");
  private final ReadOnlyBooleanWrapper canApplyLearningRate = new ReadOnlyBooleanWrapper(this, "canApplyLearningRate");
  private final ReadOnlyDoubleWrapper currentLearningRate = new ReadOnlyDoubleWrapper(this, "currentLearningRate", Double.NaN);
  private LearningRateChanged lastRateChange;
  private double pendingRate = Double.NaN;

  // how the curves are drawn; kept here so a rebuilt view keeps them
  private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0.6);
  private final ObjectProperty<CurveAxis> curveAxis = new SimpleObjectProperty<>(this, "curveAxis", CurveAxis.STEP);
  private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);

  // confusion matrix and its samples
  private final ReadOnlyObjectWrapper<ValidationConfusion> confusion = new ReadOnlyObjectWrapper<>(this, "confusion");
  /** The latest confusion as the run sent it (English class names); {@link #confusion} shows it in the window's language. */
  private ValidationConfusion confusionSent;
  /** The dataset of the latest run, whose generated class names the window says in its language. */
  private volatile DatasetRef runDataset;
  private final ObservableList<CellSample> cellSamples = FXCollections.observableArrayList();
  // One read-only view each, kept: such a view listens to its list weakly and would stop reporting changes once collected.
  private final ObservableList<CellSample> cellSamplesView = FXCollections.unmodifiableObservableList(cellSamples);
  private final ReadOnlyStringWrapper cellText = new ReadOnlyStringWrapper(this, "cellText", "");
  private int[] selectedCell;

  // decision boundary
  private final ReadOnlyBooleanWrapper boundaryAvailable = new ReadOnlyBooleanWrapper(this, "boundaryAvailable");
  private final ReadOnlyBooleanWrapper regression = new ReadOnlyBooleanWrapper(this, "regression");
  private final AtomicReference<DecisionBoundary> latestBoundary = new AtomicReference<>();
  private final AtomicReference<BoundaryPoints> boundaryPoints = new AtomicReference<>();
  private volatile BoundarySink boundaryTarget = BoundarySink.NONE;

  // histograms
  private final BooleanProperty recordHistograms = new SimpleBooleanProperty(this, "recordHistograms", true);
  private final HistogramFeed histograms = new HistogramFeed();
  private final ObservableList<String> histogramKeys = FXCollections.observableArrayList();
  private final ObservableList<String> histogramKeysView = FXCollections.unmodifiableObservableList(histogramKeys);
  private final ObjectProperty<String> selectedHistogram = new SimpleObjectProperty<>(this, "selectedHistogram");
  private final ReadOnlyBooleanWrapper histogramsRecorded = new ReadOnlyBooleanWrapper(this, "histogramsRecorded");
  private HistogramSink histogramTarget = HistogramSink.NONE;

  // The run writes here; the view's chart runs are attached behind, and a rebuilt view gets the curves so far replayed.
  private final RecordingSink trainLossCurve = new RecordingSink();
  private final RecordingSink validationLossCurve = new RecordingSink();
  private final RecordingSink trainAccuracyCurve = new RecordingSink();
  private final RecordingSink validationAccuracyCurve = new RecordingSink();
  private final LiveCurves curves = new LiveCurves(trainLossCurve, validationLossCurve, trainAccuracyCurve, validationAccuracyCurve);
  private RunControl current;
  /** The last run's job, kept after it ends: its samples stay readable for the confusion matrix. */
  private RunControl lastControl;
  private ProgressEstimator estimator;
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
            lastRun,
            paused,
            pauseRequested,
            stepping)) {
      o.addListener(x -> updateState());
    }
    learningRateText.addListener(x -> validateLearningRate());
    selectedHistogram.addListener((obs, old, now) -> histograms.select(now, histogramTarget));
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

  /** Such as "Elapsed 0:42 · about 1:05 left"; empty before a run. */
  public ReadOnlyStringProperty timingTextProperty() {
    return timingText.getReadOnlyProperty();
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

  /** Where the live curves go; the view attaches chart runs here. */
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

  /** The markers on the training curves (learning-rate changes), as labels, in order. */
  public List<String> curveMarkers() {
    return trainLossCurve.markers().stream().map(RecordingSink.Marker::label).toList();
  }

  /** The project a run would train now: the opened one with the edited model, the selected dataset and these settings. */
  public Project projectToTrain() {
    return baseProject.withModel(model.get()).withDataset(data.ref()).withTraining(setup.settingsProperty().get().withValidationFraction(data.validationFractionProperty().get()));
  }

  /**
   * What a run trains: {@link #projectToTrain()}, with histograms every {@value #MONITOR_HISTOGRAM_EVERY} steps when the monitor
   * records them and the settings ask for none.
   */
  Project withMonitorReporting(Project project) {
    TrainingSettings t = project.training();
    if (!recordHistograms.get() || t.reporting().histogramEvery() > 0) {
      return project;
    }
    return project.withTraining(
        t.withReporting(new TrainingSettings.Reporting(MONITOR_HISTOGRAM_EVERY, t.reporting().worstSamples())));
  }

  /** Starts a run in the background when {@link #canTrain()}; does nothing otherwise. In step-by-step mode it starts paused. */
  public void train() {
    if (!canTrain.get()) {
      return;
    }
    Project project = withMonitorReporting(projectToTrain());
    runDataset = project.dataset();
    LiveCurves target = curves;
    target.clear();
    RunControl run = new RunControl(project.training().epochs());
    current = run;
    lastControl = run;
    lastRun.set(null);
    runStarted.set(null);
    progress.set(-1);
    progressText.set(Messages.get("training.loading"));
    timingText.set("");
    regression.set(false);
    curvesEmpty.set(false);
    resetMonitor(project.training().reporting().histogramEvery() > 0);
    estimator = new ProgressEstimator(System.currentTimeMillis());
    if (stepByStep.get()) {
      run.pause();
      pauseRequested.set(true);
    }
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
        error -> {
          // said again in the window's language when it changes; a data problem in the runtime's words for that language
          Localized couldNotStart = locale -> Messages.get("training.couldNotStart", LocalText.describe(error, locale));
          finished(
              run,
              new RunEnded(
                  null,
                  RunStatus.FAILED,
                  0,
                  Double.NaN,
                  couldNotStart.message(Messages.locale()),
                  System.currentTimeMillis(),
                  couldNotStart));
        });
  }

  private void resetMonitor(boolean withHistograms) {
    paused.set(false);
    pauseRequested.set(false);
    stepping.set(false);
    pausedAt = null;
    runMillis = -1;
    lastRateChange = null;
    pendingRate = Double.NaN;
    learningRateNote.set("");
    currentLearningRate.set(Double.NaN);
    confusion.set(null);
    confusionSent = null;
    cellSamples.clear();
    cellText.set("");
    selectedCell = null;
    boundaryAvailable.set(false);
    latestBoundary.set(null);
    boundaryPoints.set(null);
    boundaryTarget.clear();
    histograms.clear();
    histogramKeys.clear();
    selectedHistogram.set(null);
    histogramsRecorded.set(withHistograms);
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

  // ---- pause, single step, resume ------------------------------------------------------------------------------------------------

  /** Whether the run is paused between batches (also while it trains the one batch of a single step). */
  public ReadOnlyBooleanProperty pausedProperty() {
    return paused.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canPauseProperty() {
    return canPause.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canResumeProperty() {
    return canResume.getReadOnlyProperty();
  }

  /** Single steps are possible only while the run is paused and no step is under way. */
  public ReadOnlyBooleanProperty canStepProperty() {
    return canStep.getReadOnlyProperty();
  }

  /** Step-by-step training, for a classroom: a run starts paused, and each Step trains one batch. */
  public BooleanProperty stepByStepProperty() {
    return stepByStep;
  }

  /** Asks the run to pause after its current batch. */
  public void pause() {
    if (current != null && canPause.get()) {
      current.pause();
      pauseRequested.set(true);
    }
  }

  /** Lets a paused run train on. */
  public void resume() {
    if (current != null && canResume.get()) {
      current.resume();
      pauseRequested.set(false);
      paused.set(false);
      stepping.set(false);
      if (estimator != null) {
        estimator.resume(System.currentTimeMillis());
      }
    }
  }

  /** Lets a paused run train one batch; it pauses again after it. */
  public void step() {
    if (current != null && canStep.get()) {
      current.step();
      stepping.set(true);
    }
  }

  // ---- the learning rate by hand ---------------------------------------------------------------------------------------------

  /** The rate typed into the monitor, applied with {@link #applyLearningRate()}. */
  public StringProperty learningRateTextProperty() {
    return learningRateText;
  }

  /** Why the typed rate cannot be applied; empty when it can (or nothing is typed). */
  public ReadOnlyStringProperty learningRateProblemProperty() {
    return learningRateProblem.getReadOnlyProperty();
  }

  /** What became of the last rate applied: waiting for the next batch, or in effect from a step. */
  public ReadOnlyStringProperty learningRateNoteProperty() {
    return learningRateNote.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canApplyLearningRateProperty() {
    return canApplyLearningRate.getReadOnlyProperty();
  }

  /** The rate of the run's latest step, NaN before one. */
  public ReadOnlyDoubleProperty currentLearningRateProperty() {
    return currentLearningRate.getReadOnlyProperty();
  }

  /** Sends the typed rate to the run, which trains at it from its next batch. */
  public void applyLearningRate() {
    if (!canApplyLearningRate.get()) {
      return;
    }
    double rate = Double.parseDouble(learningRateText.get().trim());
    try {
      current.changeLearningRate(rate);
      pendingRate = rate;
      showRateNote();
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      learningRateProblem.set(Messages.describe(e));
      updateState();
    }
  }

  private void showRateNote() {
    if (lastRateChange != null && (Double.isNaN(pendingRate) || pendingRate == lastRateChange.newRate())) {
      learningRateNote.set(
          Messages.get(
              "monitor.lr.changed", formatRate(lastRateChange.oldRate()), formatRate(lastRateChange.newRate()), lastRateChange.step()));
    } else if (!Double.isNaN(pendingRate)) {
      learningRateNote.set(Messages.get("monitor.lr.pending", formatRate(pendingRate)));
    } else {
      learningRateNote.set("");
    }
  }

  private void validateLearningRate() {
    String text = learningRateText.get() == null ? "" : learningRateText.get().trim();
    String problem = "";
    if (!text.isEmpty()) {
      try {
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v) || v <= 0 || v > MAX_LEARNING_RATE) {
          problem = Messages.get("monitor.lr.range", text, formatRate(MAX_LEARNING_RATE));
        }
      } catch (NumberFormatException e) {
        problem = Messages.get("monitor.lr.notNumber", text);
      }
    }
    learningRateProblem.set(problem);
    updateState();
  }

  static String formatRate(double rate) {
    return String.format(Locale.ROOT, "%.4g", rate).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
  }

  // ---- curve settings ----------------------------------------------------------------------------------------------------------

  /** The weight of TensorBoard's exponential moving average on the curves, 0 (none) to 0.999. */
  public DoubleProperty smoothingProperty() {
    return smoothing;
  }

  public ObjectProperty<CurveAxis> curveAxisProperty() {
    return curveAxis;
  }

  public BooleanProperty logYProperty() {
    return logY;
  }

  // ---- confusion matrix ------------------------------------------------------------------------------------------------------

  /** The latest epoch's validation confusion matrix, {@code null} before the first epoch ends. */
  public ReadOnlyObjectProperty<ValidationConfusion> confusionProperty() {
    return confusion.getReadOnlyProperty();
  }

  /** The samples of the chosen cell, at most as many as the run keeps per cell. */
  public ObservableList<CellSample> cellSamples() {
    return cellSamplesView;
  }

  /** Which cell is shown and how many samples it has; empty before a choice. */
  public ReadOnlyStringProperty cellTextProperty() {
    return cellText.getReadOnlyProperty();
  }

  /** Shows the validation samples of true class {@code trueClass} predicted as {@code predictedClass}, at the latest epoch. */
  public void selectCell(int trueClass, int predictedClass) {
    ValidationConfusion c = confusion.get();
    if (c == null || trueClass < 0 || predictedClass < 0 || trueClass >= c.classNames().size() || predictedClass >= c.classNames().size()) {
      return;
    }
    selectedCell = new int[] {trueClass, predictedClass};
    String trueLabel = c.classNames().get(trueClass);
    String predictedLabel = c.classNames().get(predictedClass);
    Optional<MonitorSamples> samples = lastControl == null ? Optional.empty() : lastControl.validationSamples();
    int[] indices = c.samples(trueClass, predictedClass);
    List<CellSample> out = new java.util.ArrayList<>(indices.length);
    if (samples.isPresent()) {
      MonitorSamples set = samples.get();
      for (int i : indices) {
        out.add(new CellSample(i, set.shape(), set.features(i), trueLabel, predictedLabel));
      }
    }
    cellSamples.setAll(out);
    long count = c.count(trueClass, predictedClass);
    cellText.set(
        count == 0
            ? Messages.get("monitor.cell.empty", trueLabel, predictedLabel)
            : Messages.get("monitor.cell.samples", trueLabel, predictedLabel, c.epoch(), count, out.size()));
  }

  // ---- decision boundary -----------------------------------------------------------------------------------------------------

  /** Whether the current or last run's data has two features, so it has a decision boundary. */
  /** Whether the current or last run is a regression, whose second chart shows R-squared instead of accuracy. */
  public ReadOnlyBooleanProperty regressionProperty() {
    return regression.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty boundaryAvailableProperty() {
    return boundaryAvailable.getReadOnlyProperty();
  }

  /** The latest boundary, {@code null} before the first epoch of 2-D data ends. Any thread. */
  public DecisionBoundary latestBoundary() {
    return latestBoundary.get();
  }

  /** Where the boundary and its points go; the view attaches a chart here, and gets what the run has drawn so far. */
  public void attachBoundary(BoundarySink sink) {
    Objects.requireNonNull(sink, "sink");
    sink.clear();
    BoundaryPoints points = boundaryPoints.get();
    if (points != null) {
      sink.points(points.xy(), points.labels(), legendNames(points)); // a view rebuilt in another language says them in it
    }
    DecisionBoundary b = latestBoundary.get();
    if (b != null) {
      sink.field(b);
    }
    boundaryTarget = sink;
  }

  private record BoundaryPoints(float[] xy, int[] labels, List<String> classNames) {}

  /** The boundary legend's class names in the window's language (a generated set's only; others are the data's own). */
  private List<String> legendNames(BoundaryPoints points) {
    return GeneratedClasses.inLanguage(runDataset, points.classNames(), Messages.locale());
  }

  // ---- histograms --------------------------------------------------------------------------------------------------------------

  /** Whether a run records histograms when its settings ask for none (every {@value #MONITOR_HISTOGRAM_EVERY} steps). */
  public BooleanProperty recordHistogramsProperty() {
    return recordHistograms;
  }

  /** Whether the current or last run records histograms. */
  public ReadOnlyBooleanProperty histogramsRecordedProperty() {
    return histogramsRecorded.getReadOnlyProperty();
  }

  /** The parameters with histograms so far, such as "dense1 · weight · weights". */
  public ObservableList<String> histogramKeys() {
    return histogramKeysView;
  }

  /** The parameter whose histograms are shown. */
  public ObjectProperty<String> selectedHistogramProperty() {
    return selectedHistogram;
  }

  /** How many histograms of {@code key} the run has sent. */
  public int histogramCount(String key) {
    return histograms.count(key);
  }

  /** Where the chosen parameter's histograms go; the view attaches a chart here. */
  public void attachHistograms(HistogramSink sink) {
    histogramTarget = Objects.requireNonNull(sink, "sink");
    histograms.select(selectedHistogram.get(), sink);
  }

  static String histogramKey(ParameterHistogram h) {
    String kind =
        ParameterHistogram.GRADIENTS.equals(h.kind()) ? Messages.get("monitor.histogram.gradients") : Messages.get("monitor.histogram.weights");
    return h.layerId() + " \u00b7 " + h.parameter() + " \u00b7 " + kind;
  }

  // ---- refresh -----------------------------------------------------------------------------------------------------------------

  /** Republishes every text in the current language; a running run goes on. */
  public void relocalize() {
    if (current != null) {
      refreshProgress();
    } else if (lastRun.get() != null) {
      progressText.set(Messages.get("status." + lastRun.get().status().name()));
      showRunTime();
    }
    showRateNote();
    if (confusionSent != null) {
      confusion.set(inWindowLanguage(confusionSent));
    }
    if (selectedCell != null) {
      selectCell(selectedCell[0], selectedCell[1]);
    }
    validateLearningRate();
    updateState();
  }

  /** Hands the curves' new points to the charts: ten times a second while a run trains, and once when it ends. UI thread. */
  private void publishCurves() {
    trainLossCurve.publish();
    validationLossCurve.publish();
    trainAccuracyCurve.publish();
    validationAccuracyCurve.publish();
  }

  /** Reads the latest step and epoch the training thread stored and shows them, and draws the new points. Runs on the UI thread. */
  void refreshProgress() {
    RunControl run = current;
    if (run == null) {
      return;
    }
    publishCurves();
    long now = System.currentTimeMillis();
    StepMetrics step = run.latestStep.get();
    if (step == null) {
      progress.set(-1);
      progressText.set(Messages.get(run.started.get() == null ? "training.loading" : "training.firstBatch"));
      if (estimator != null) {
        timingText.set(Messages.get("monitor.elapsed", ProgressEstimator.clock(estimator.elapsedMillis(now) / 1000.0)));
      }
      return;
    }
    RunStarted started = run.started.get();
    int epochs = started == null ? run.epochs : started.epochs();
    progress.set(Math.min(1, step.epochFraction() / epochs));
    estimator.observe(step.step(), step.samplesPerSecond(), now);
    double throughput = estimator.samplesPerSecond();
    String text =
        Messages.get(
            "training.progress",
            step.epoch(),
            epochs,
            step.batch(),
            step.batchesPerEpoch(),
            Math.round(Double.isNaN(throughput) ? step.samplesPerSecond() : throughput));
    EpochMetrics epoch = run.latestEpoch.get();
    if (epoch != null) {
      text += Messages.get("training.progress.validation", Messages.percent(epoch.validationAccuracy()));
    }
    progressText.set(text);
    long total = (long) epochs * step.batchesPerEpoch();
    double left = estimator.secondsLeft(total, now);
    String elapsed = ProgressEstimator.clock(estimator.elapsedMillis(now) / 1000.0);
    timingText.set(
        Double.isNaN(left) || estimator.isPaused()
            ? Messages.get("monitor.elapsed", elapsed)
            : Messages.get("monitor.elapsedAndLeft", elapsed, ProgressEstimator.clock(left)));
    StepDetails details = run.latestDetails.get();
    if (details != null) {
      currentLearningRate.set(details.learningRate());
    }
  }

  private void finished(RunControl run, RunEnded ended) {
    if (progressRefresh != null) {
      progressRefresh.cancel();
      progressRefresh = null;
    }
    refreshProgress();
    runMillis = estimator == null ? -1 : estimator.elapsedMillis(System.currentTimeMillis());
    showRunTime();
    current = null;
    if (ended.status() == RunStatus.FINISHED) {
      progress.set(1);
    } else if (progress.get() < 0) {
      progress.set(0);
    }
    progressText.set(Messages.get("status." + ended.status().name()));
    stopping.set(false);
    paused.set(false);
    pauseRequested.set(false);
    stepping.set(false);
    lastRun.set(ended);
    running.set(false);
  }

  /** How long the ended run took, in place of the running figures. */
  private void showRunTime() {
    timingText.set(runMillis < 0 ? "" : Messages.get("monitor.took", ProgressEstimator.clock(runMillis / 1000.0)));
  }

  private void updateState() {
    boolean ready =
        modelValid.get()
            && setup.settingsValidProperty().get()
            && data.dataSignatureProperty().get() != null
            && !data.checkingDatasetProperty().get()
            && !running.get();
    canTrain.set(ready);
    boolean live = running.get() && !stopping.get();
    canStop.set(live);
    canPause.set(live && !paused.get() && !pauseRequested.get());
    canResume.set(live && (paused.get() || pauseRequested.get()));
    canStep.set(live && paused.get() && !stepping.get());
    String lr = learningRateText.get() == null ? "" : learningRateText.get().trim();
    canApplyLearningRate.set(live && !lr.isEmpty() && learningRateProblem.get().isEmpty());
    String status;
    if (running.get()) {
      if (stopping.get()) {
        status = Messages.get("training.stopping");
      } else if (paused.get() && pausedAt != null) {
        status = Messages.get(stepping.get() ? "monitor.stepping" : "monitor.paused", pausedAt.step(), pausedAt.epoch(), pausedAt.batch());
      } else if (pauseRequested.get()) {
        status = Messages.get("monitor.pausing");
      } else {
        status = Messages.get("training.running");
      }
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
    return ended.message(Messages.locale());
  }

  /** {@code c} with the class names of a generated dataset in the window's language; the run's own names stay English. */
  private ValidationConfusion inWindowLanguage(ValidationConfusion c) {
    List<String> names = GeneratedClasses.inLanguage(runDataset, c.classNames(), Messages.locale());
    return names.equals(c.classNames())
        ? c
        : new ValidationConfusion(c.epoch(), c.step(), names, c.counts(), c.cellSamples(), c.samplesPerCell(), c.wallTimeMillis());
  }

  // ---- events from the training thread ---------------------------------------------------------------------------------------

  private void onPaused(RunPaused event) {
    pausedAt = event;
    stepping.set(false);
    paused.set(true);
    pauseRequested.set(false);
    if (estimator != null) {
      estimator.pause(event.wallTimeMillis());
    }
    updateState();
  }

  private void onResumed(RunResumed event) {
    if (event.singleStep()) {
      return; // a single step: the run stays paused for the user, one batch goes through
    }
    paused.set(false);
    if (estimator != null) {
      estimator.resume(event.wallTimeMillis());
    }
  }

  /** One run's controls and latest progress, shared between the UI thread and the training thread. */
  private static final class RunControl {
    final int epochs;
    final AtomicReference<RunStarted> started = new AtomicReference<>();
    final AtomicReference<StepMetrics> latestStep = new AtomicReference<>();
    final AtomicReference<StepDetails> latestDetails = new AtomicReference<>();
    final AtomicReference<EpochMetrics> latestEpoch = new AtomicReference<>();
    private TrainingJob job;
    private boolean stopRequested;
    private boolean pauseRequested;

    RunControl(int epochs) {
      this.epochs = epochs;
    }

    /** Called on the worker once the job exists; a stop or pause that came earlier is passed on. */
    synchronized void attach(TrainingJob job) {
      this.job = job;
      if (pauseRequested) {
        job.pause();
      }
      if (stopRequested) {
        job.stop();
      }
    }

    synchronized TrainingJob job() {
      return job;
    }

    synchronized void stop() {
      stopRequested = true;
      if (job != null) {
        job.stop();
      }
    }

    synchronized void pause() {
      pauseRequested = true;
      if (job != null) {
        job.pause();
      }
    }

    synchronized void resume() {
      pauseRequested = false;
      if (job != null) {
        job.resume();
      }
    }

    synchronized void step() {
      if (job != null) {
        job.step();
      }
    }

    synchronized void changeLearningRate(double rate) {
      if (job == null) {
        throw new IllegalArgumentException(Messages.get("monitor.lr.notStarted"));
      }
      job.changeLearningRate(rate);
    }

    Optional<MonitorSamples> validationSamples() {
      TrainingJob j = job();
      return j == null ? Optional.empty() : j.validationSamples();
    }

    Optional<MonitorSamples> trainingSamples() {
      TrainingJob j = job();
      return j == null ? Optional.empty() : j.trainingSamples();
    }
  }

  /** Feeds a run's events to the curves, the sinks and the progress references; runs on the training thread. */
  private final class LiveListener implements TrainingListener {
    private final RunControl run;
    private final LiveCurves target;
    private boolean regressionSeen;

    LiveListener(RunControl run, LiveCurves target) {
      this.run = run;
      this.target = target;
    }

    @Override
    public void onRunStarted(RunStarted event) {
      run.started.set(event);
      BoundaryPoints points = run.trainingSamples().map(TrainingViewModel::pointsOf).orElse(null);
      if (points != null) {
        boundaryPoints.set(points);
        boundaryTarget.points(points.xy(), points.labels(), legendNames(points));
      }
      executor.runOnUiThread(
          () -> {
            runStarted.set(event);
            boundaryAvailable.set(points != null);
          });
    }

    @Override
    public void onStep(StepMetrics m) {
      target.trainLoss().append(m.step(), m.epochFraction(), m.wallTimeMillis(), m.loss());
      if (!Double.isNaN(m.accuracy())) { // a regression's steps have no accuracy
        target.trainAccuracy().append(m.step(), m.epochFraction(), m.wallTimeMillis(), 100 * m.accuracy());
      }
      run.latestStep.set(m);
    }

    @Override
    public void onStepDetails(StepDetails d) {
      run.latestDetails.set(d);
    }

    @Override
    public void onEpoch(EpochMetrics m) {
      target.validationLoss().append(m.step(), m.epoch(), m.wallTimeMillis(), m.validationLoss());
      if (!Double.isNaN(m.validationAccuracy())) {
        target.validationAccuracy().append(m.step(), m.epoch(), m.wallTimeMillis(), 100 * m.validationAccuracy());
      }
      run.latestEpoch.set(m);
    }

    /** A regression has no accuracy: its second chart shows R-squared (in percent), training and validation, once per epoch. */
    @Override
    public void onEpochRegressionScores(EpochRegressionScores s) {
      target.trainAccuracy().append(s.step(), s.epoch(), s.wallTimeMillis(), 100 * s.train().rSquared());
      target.validationAccuracy().append(s.step(), s.epoch(), s.wallTimeMillis(), 100 * s.validation().rSquared());
      if (!regressionSeen) {
        regressionSeen = true;
        executor.runOnUiThread(() -> regression.set(true));
      }
    }

    @Override
    public void onRunPaused(RunPaused event) {
      executor.runOnUiThread(() -> onPaused(event));
    }

    @Override
    public void onRunResumed(RunResumed event) {
      executor.runOnUiThread(() -> onResumed(event));
    }

    @Override
    public void onLearningRateChanged(LearningRateChanged e) {
      RunStarted started = run.started.get();
      double epoch = started == null ? Double.NaN : (double) (e.step() - 1) / started.batchesPerEpoch();
      String label = "lr " + formatRate(e.newRate());
      target.trainLoss().marker(e.step(), epoch, e.wallTimeMillis(), label);
      target.trainAccuracy().marker(e.step(), epoch, e.wallTimeMillis(), label);
      executor.runOnUiThread(
          () -> {
            lastRateChange = e;
            pendingRate = Double.NaN;
            showRateNote();
          });
    }

    @Override
    public void onValidationConfusion(ValidationConfusion c) {
      executor.runOnUiThread(
          () -> {
            confusionSent = c;
            confusion.set(inWindowLanguage(c));
            if (selectedCell != null) {
              selectCell(selectedCell[0], selectedCell[1]);
            }
          });
    }

    @Override
    public void onDecisionBoundary(DecisionBoundary b) {
      latestBoundary.set(b);
      boundaryTarget.field(b);
    }

    @Override
    public void onHistograms(ParameterHistograms all) {
      List<String> fresh = new java.util.ArrayList<>();
      for (ParameterHistogram h : all.histograms()) {
        double[] counts = new double[h.binCounts().length];
        long[] raw = h.binCounts();
        for (int i = 0; i < counts.length; i++) {
          counts[i] = raw[i];
        }
        String key = histogramKey(h);
        if (histograms.add(key, new HistogramFeed.Entry(all.step(), h.binEdges(), counts))) {
          fresh.add(key);
        }
      }
      if (!fresh.isEmpty()) {
        executor.runOnUiThread(
            () -> {
              histogramKeys.addAll(fresh);
              if (selectedHistogram.get() == null) {
                selectedHistogram.set(fresh.get(0));
              }
            });
      }
    }
  }

  /** The training points of 2-D data, at most {@value #MAX_BOUNDARY_POINTS} evenly spread; {@code null} for other data. */
  private static BoundaryPoints pointsOf(MonitorSamples samples) {
    int[] shape = samples.shape();
    if (shape.length != 1 || shape[0] != 2 || samples.size() == 0) {
      return null;
    }
    int n = Math.min(samples.size(), MAX_BOUNDARY_POINTS);
    float[] xy = new float[2 * n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int index = (int) ((long) i * samples.size() / n);
      float[] f = samples.features(index);
      xy[2 * i] = f[0];
      xy[2 * i + 1] = f[1];
      labels[i] = samples.label(index);
    }
    return new BoundaryPoints(xy, labels, samples.classNames()); // the run's own names; see legendNames

  }
}
