package org.layerlab.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerlab.app.concurrent.SameThreadTaskExecutor;
import org.layerlab.app.data.DataViewModel;
import org.layerlab.app.data.DatasetCatalog;
import org.layerlab.app.data.DatasetChoice;
import org.layerlab.app.setup.TrainingSetupViewModel;
import org.layerlab.app.model.ModelEditorViewModel;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.OptimizerKind;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.events.DecisionBoundary;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.EpochRegressionScores;
import org.layerlab.runtime.events.RegressionScores;
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

class TrainingViewModelTest {

  private static final DatasetRef.Spiral SPIRAL = new DatasetRef.Spiral(3, 300, 0.2, 7);
  private static final DatasetRef.Idx IMAGES = new DatasetRef.Idx("Fashion-MNIST", "/data/fashion", null, false, List.of());

  private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
  private final List<Project> trained = new ArrayList<>();
  private ModelEditorViewModel model;
  private DataViewModel data;
  private TrainingSetupViewModel setup;
  private TrainingViewModel vm;
  private FakeJob job;

  static Project spiralProject() {
    ModelSpec mlp =
        ModelSpec.of(
            LayerSpec.of("input", LayerType.INPUT),
            LayerSpec.of("dense1", LayerType.DENSE).with("units", 16).with("activation", "relu"),
            LayerSpec.of("output", LayerType.DENSE).with("units", 3));
    return new Project("Spiral", "", mlp, SPIRAL, TrainingSettings.defaults().withLearningRate(0.01).withEpochs(2));
  }

  /** Signatures as the runtime would give them; the image folder "does not exist". */
  static DataSignature signature(DatasetRef ref, Path dir) throws Exception {
    if (ref instanceof DatasetRef.Spiral s) {
      return new DataSignature(Shape.of(2), s.classes());
    }
    throw new Exception("/data/fashion: no such folder; looked for train-images-idx3-ubyte[.gz] here and found nothing.");
  }

  @BeforeEach
  void setUp() {
    Project project = spiralProject();
    model = new ModelEditorViewModel(project.model());
    job = new FakeJob();
    TrainingJobFactory jobs =
        (p, dir, listener) -> {
          trained.add(p);
          job.listener = listener;
          return job;
        };
    DatasetCatalog catalog =
        DatasetCatalog.of(List.of(new DatasetChoice("Spiral", SPIRAL), new DatasetChoice("Fashion-MNIST", IMAGES)));
    data = new DataViewModel(Path.of("."), catalog, TrainingViewModelTest::signature, executor);
    setup = new TrainingSetupViewModel(project.training());
    vm = new TrainingViewModel(project, data, setup, model.modelProperty(), model.validProperty(), jobs, executor);
    data.dataSignatureProperty().addListener((o, a, s) -> model.setDataSignature(s));
    data.checkDataset();
  }

  @Test
  void readyToTrainOnceTheDatasetIsChecked() {
    assertEquals("Samples (N, 2) · 3 classes", data.datasetInfoProperty().get());
    assertTrue(vm.canTrain());
    assertEquals("Ready: press Train to start.", vm.statusTextProperty().get());
  }

  @Test
  void fieldsStartFromTheProjectsSettings() {
    assertEquals("0.01", setup.learningRateTextProperty().get());
    assertEquals("32", setup.batchSizeTextProperty().get());
    assertEquals("2", setup.epochsTextProperty().get());
    assertEquals(OptimizerKind.ADAM, setup.optimizerProperty().get());
    assertEquals("SGD with momentum", setup.optimizerLabel(OptimizerKind.SGD));
  }

  @Test
  void unreadableLearningRateKeepsTheTextShowsWhyAndDisablesTraining() {
    setup.learningRateTextProperty().set("0.0o1");
    assertEquals("0.0o1", setup.learningRateTextProperty().get());
    assertEquals("Type a number, such as 0.001 (got '0.0o1').", setup.learningRateProblemProperty().get());
    assertFalse(vm.canTrain());
    assertEquals("Fix the training settings to train.", vm.statusTextProperty().get());
    setup.learningRateTextProperty().set("0.001");
    assertEquals("", setup.learningRateProblemProperty().get());
    assertTrue(vm.canTrain());
    assertEquals(0.001, setup.settingsProperty().get().learningRate());
  }

  @Test
  void outOfRangeSettingsUseTheProjectRulesMessages() {
    setup.batchSizeTextProperty().set("0");
    assertEquals("batch size must be from 1 to 65536, got 0", setup.batchSizeProblemProperty().get());
    setup.epochsTextProperty().set("");
    assertEquals("Type a whole number, such as 32 (got '').", setup.epochsProblemProperty().get());
    setup.learningRateTextProperty().set("20");
    assertTrue(setup.learningRateProblemProperty().get().startsWith("learning rate must be above 0 and at most 10"));
    assertFalse(setup.settingsValidProperty().get());
    assertFalse(vm.canTrain());
  }

  @Test
  void anInvalidModelEditDisablesTrainingWithTheReason() {
    model.select(1);
    model.selectedLayerProperty().get().field("units").setText("many");
    assertFalse(vm.canTrain());
    assertEquals("Fix the problems shown on the red layer cards to train.", vm.statusTextProperty().get());
    model.selectedLayerProperty().get().field("units").setText("8");
    assertTrue(vm.canTrain());
  }

  @Test
  void aDatasetThatDoesNotFitTheModelDisablesTrainingThroughTheAnalyzer() {
    data.datasetProperty().set(new DatasetChoice("Images 10 classes", new DatasetRef.Spiral(10, 100, 0.1, 1)));
    assertFalse(model.isValid());
    assertFalse(vm.canTrain());
    assertTrue(model.problemsTextProperty().get().contains("set units of 'output' to 10"), model.problemsTextProperty().get());
  }

  @Test
  void anUnreadableDatasetShowsItsMessageAndDisablesTraining() {
    data.datasetProperty().set(data.datasets().get(1));
    assertNull(data.dataSignatureProperty().get());
    assertTrue(data.datasetProblemProperty().get().contains("no such folder"));
    assertFalse(vm.canTrain());
    assertTrue(vm.statusTextProperty().get().startsWith("The dataset cannot be used: /data/fashion"));
  }

  @Test
  void trainRunsTheEditedProjectAndFeedsCurvesAndCoalescedProgress() {
    RecordingSink trainLoss = new RecordingSink();
    RecordingSink validationAccuracy = new RecordingSink();
    vm.attachCurves(new LiveCurves(trainLoss, new RecordingSink(), new RecordingSink(), validationAccuracy));
    setup.epochsTextProperty().set("3");
    AtomicReference<String> progressDuringRun = new AtomicReference<>();
    job.script =
        listener -> {
          assertTrue(vm.isRunning());
          assertFalse(vm.canTrain());
          assertTrue(vm.canStopProperty().get());
          listener.onRunStarted(new RunStarted("r1", "Spiral run", 3, 23, 720, 180, 0));
          for (int batch = 1; batch <= 12; batch++) {
            listener.onStep(new StepMetrics(batch, 1, batch, 23, 1.0 / batch, 0.5, 4120.4, 0));
          }
          // No progress text per step: it changes only when the UI's repeated refresh runs.
          assertEquals("Loading the data and starting the engine…", vm.progressTextProperty().get());
          assertEquals(0, trainLoss.points.size(), "nor points: the charts redraw at the refresh's pace, not the run's");
          executor.tick();
          assertEquals(12, trainLoss.points.size());
          progressDuringRun.set(vm.progressTextProperty().get());
          listener.onEpoch(new EpochMetrics(1, 23, 0.9, 0.6, 0.8, 0.7, 0));
          return new RunEnded("r1", RunStatus.FINISHED, 3, 0.7, "Finished 3 epochs.", 1);
        };

    vm.train();

    assertEquals("Epoch 1/3 · batch 12/23 · 4,120 samples/s", progressDuringRun.get());
    assertEquals(3, trained.get(0).training().epochs());
    assertEquals(SPIRAL, trained.get(0).dataset());
    assertEquals(12, trainLoss.points.size());
    assertEquals(12, trainLoss.points.get(11)[0], "x in steps");
    assertEquals(12.0 / 23, trainLoss.points.get(11)[1], 1e-12, "and in epochs");
    assertEquals(1, validationAccuracy.points.size());
    assertEquals(70.0, validationAccuracy.points.get(0)[2], 1e-9);
    assertFalse(vm.isRunning());
    assertEquals(0, executor.activeRepeats(), "the progress refresh stops with the run");
    assertEquals(1.0, vm.progressProperty().get());
    assertEquals("Finished", vm.progressTextProperty().get());
    assertEquals("Finished: 3 epochs, validation accuracy 70.0%.", vm.statusTextProperty().get(), "in the window's language, not the runtime's");
    assertEquals("r1", vm.lastRunProperty().get().runId());
    assertNotNull(vm.runStartedProperty().get());
    assertTrue(vm.canTrain());
  }

  @Test
  void progressShowsTheLastValidationAccuracyAfterAnEpoch() {
    job.script =
        listener -> {
          listener.onRunStarted(new RunStarted("r1", "run", 2, 10, 300, 60, 0));
          listener.onStep(new StepMetrics(10, 1, 10, 10, 0.5, 0.8, 1000, 0));
          listener.onEpoch(new EpochMetrics(1, 10, 0.5, 0.8, 0.4, 0.875, 0));
          listener.onStep(new StepMetrics(11, 2, 1, 10, 0.5, 0.8, 1000, 0));
          executor.tick();
          assertEquals("Epoch 2/2 · batch 1/10 · 1,000 samples/s · validation accuracy 87.5%", vm.progressTextProperty().get());
          assertEquals(0.55, vm.progressProperty().get(), 1e-9);
          return new RunEnded("r1", RunStatus.FINISHED, 2, 0.875, "done", 1);
        };
    vm.train();
  }

  @Test
  void aRegressionDrawsRSquaredInsteadOfAccuracy() {
    RecordingSink trainMetric = new RecordingSink();
    RecordingSink validationMetric = new RecordingSink();
    vm.attachCurves(new LiveCurves(new RecordingSink(), new RecordingSink(), trainMetric, validationMetric));
    RegressionScores train = new RegressionScores(600, 0.02, 0.1, 0.14, 0.91);
    RegressionScores validation = new RegressionScores(200, 0.03, 0.12, 0.17, 0.88);
    job.script =
        listener -> {
          listener.onRunStarted(new RunStarted("r1", "sine", 2, 10, 600, 200, 0));
          listener.onStep(new StepMetrics(10, 1, 10, 10, 0.5, Double.NaN, 1000, 0));
          listener.onEpoch(new EpochMetrics(1, 10, 0.02, Double.NaN, 0.03, Double.NaN, 0));
          listener.onEpochRegressionScores(new EpochRegressionScores(1, 10, train, validation, 0.01, 0));
          return new RunEnded("r1", RunStatus.FINISHED, 1, Double.NaN, "done", 1);
        };
    vm.train();
    assertTrue(vm.regressionProperty().get(), "the chart relabels itself");
    assertEquals(1, trainMetric.points.size(), "no empty accuracy points per step, one R-squared per epoch");
    assertEquals(100 * train.rSquared(), trainMetric.points.get(0)[2], 1e-9);
    assertEquals(1, validationMetric.points.size());
    assertEquals(100 * validation.rSquared(), validationMetric.points.get(0)[2], 1e-9);
  }

  @Test
  void stopReachesTheJobEvenWhenPressedWhileItTrains() {
    job.script =
        listener -> {
          vm.stop();
          assertTrue(job.stopped);
          assertFalse(vm.canStopProperty().get());
          assertEquals("Stopping after the current batch…", vm.statusTextProperty().get());
          return new RunEnded("r1", RunStatus.STOPPED, 0, Double.NaN, "Stopped by the user in epoch 1.", 1);
        };
    vm.train();
    assertEquals("Stopped", vm.progressTextProperty().get());
    assertEquals("Stopped: no epochs, validation accuracy \u2014.", vm.statusTextProperty().get());
    assertFalse(vm.isRunning());
  }

  @Test
  void aJobThatCannotBeCreatedEndsAsFailedWithTheReason() {
    Project project = spiralProject();
    DataViewModel failingData =
        new DataViewModel(
            Path.of("."), DatasetCatalog.of(List.of(new DatasetChoice("Spiral", SPIRAL))), TrainingViewModelTest::signature, executor);
    failingData.checkDataset();
    TrainingViewModel failing =
        new TrainingViewModel(
            project,
            failingData,
            new TrainingSetupViewModel(project.training()),
            model.modelProperty(),
            model.validProperty(),
            (p, dir, listener) -> {
              throw new IllegalStateException("the run store is read-only");
            },
            executor);

    failing.train();
    assertEquals(RunStatus.FAILED, failing.lastRunProperty().get().status());
    assertEquals("The run could not start: the run store is read-only", failing.statusTextProperty().get());
    assertFalse(failing.isRunning());
  }

  @Test
  void trainDoesNothingWhenTrainingIsDisabled() {
    setup.epochsTextProperty().set("zero");
    vm.train();
    assertTrue(trained.isEmpty());
  }

  @Test
  void theShownThroughputIsSmoothedAndTheTimingLineAppears() {
    job.script =
        listener -> {
          listener.onRunStarted(new RunStarted("r1", "run", 2, 10, 300, 60, 0));
          listener.onStep(new StepMetrics(1, 1, 1, 10, 0.5, 0.8, 1000, 0));
          executor.tick();
          listener.onStep(new StepMetrics(2, 1, 2, 10, 0.5, 0.8, 2000, 0));
          executor.tick();
          long expected = Math.round(ProgressEstimator.THROUGHPUT_WEIGHT * 1000 + (1 - ProgressEstimator.THROUGHPUT_WEIGHT) * 2000);
          assertEquals("Epoch 1/2 · batch 2/10 · " + String.format("%,d", expected) + " samples/s", vm.progressTextProperty().get());
          assertTrue(vm.timingTextProperty().get().startsWith("Elapsed 0:0"), vm.timingTextProperty().get());
          return new RunEnded("r1", RunStatus.FINISHED, 2, 0.875, "done", 1);
        };
    vm.train();
  }

  @Test
  void pauseStepAndResumeAreOfferedOnlyWhenTheyApply() {
    assertFalse(vm.canPauseProperty().get(), "no run");
    job.script =
        listener -> {
          assertTrue(vm.canPauseProperty().get());
          assertFalse(vm.canStepProperty().get(), "step only while paused");
          assertFalse(vm.canResumeProperty().get());
          listener.onRunStarted(new RunStarted("r1", "run", 2, 10, 300, 60, 0));
          listener.onStep(new StepMetrics(1, 1, 1, 10, 0.5, 0.8, 1000, 0));

          vm.pause();
          assertEquals(List.of("pause"), job.calls);
          assertFalse(vm.canPauseProperty().get());
          assertFalse(vm.canStepProperty().get(), "not paused yet: the batch is still training");
          assertTrue(vm.canResumeProperty().get());
          assertEquals("Pausing after the current batch…", vm.statusTextProperty().get());

          listener.onRunPaused(new RunPaused(1, 1, 2, 0));
          assertTrue(vm.pausedProperty().get());
          assertTrue(vm.canStepProperty().get());
          assertTrue(vm.statusTextProperty().get().startsWith("Paused after step 1 (next: epoch 1, batch 2)"));

          vm.step();
          assertEquals(List.of("pause", "step"), job.calls);
          assertFalse(vm.canStepProperty().get(), "one step at a time");
          listener.onRunResumed(new RunResumed(1, true, 0));
          assertTrue(vm.pausedProperty().get(), "a single step keeps the run paused for the user");
          listener.onStep(new StepMetrics(2, 1, 2, 10, 0.5, 0.8, 1000, 0));
          listener.onRunPaused(new RunPaused(2, 1, 3, 0));
          assertTrue(vm.canStepProperty().get(), "ready for the next step");

          vm.resume();
          assertEquals(List.of("pause", "step", "resume"), job.calls);
          listener.onRunResumed(new RunResumed(2, false, 0));
          assertFalse(vm.pausedProperty().get());
          assertTrue(vm.canPauseProperty().get());
          assertFalse(vm.canStepProperty().get());
          assertFalse(vm.canResumeProperty().get());
          return new RunEnded("r1", RunStatus.FINISHED, 2, 0.875, "done", 1);
        };
    vm.train();
    assertFalse(vm.canPauseProperty().get());
    assertFalse(vm.canResumeProperty().get());
  }

  @Test
  void stepByStepStartsTheRunPaused() {
    vm.stepByStepProperty().set(true);
    job.script =
        listener -> {
          assertEquals(List.of("pause"), job.calls, "paused before its first batch");
          listener.onRunStarted(new RunStarted("r1", "run", 2, 10, 300, 60, 0));
          listener.onRunPaused(new RunPaused(0, 1, 1, 0));
          assertTrue(vm.canStepProperty().get());
          return new RunEnded("r1", RunStatus.STOPPED, 0, Double.NaN, "stopped", 1);
        };
    vm.train();
  }

  @Test
  void aLearningRateIsCheckedSentAndMarkedOnTheCurves() {
    RecordingSink trainLoss = new RecordingSink();
    vm.attachCurves(new LiveCurves(trainLoss, new RecordingSink(), new RecordingSink(), new RecordingSink()));
    vm.learningRateTextProperty().set("0.005");
    assertFalse(vm.canApplyLearningRateProperty().get(), "no run to apply it to");
    job.script =
        listener -> {
          listener.onRunStarted(new RunStarted("r1", "run", 2, 10, 300, 60, 0));
          vm.learningRateTextProperty().set("fast");
          assertEquals("Type a number, such as 0.001 (got 'fast').", vm.learningRateProblemProperty().get());
          assertFalse(vm.canApplyLearningRateProperty().get());
          vm.learningRateTextProperty().set("-1");
          assertTrue(vm.learningRateProblemProperty().get().startsWith("The learning rate must be above 0"));
          vm.learningRateTextProperty().set("50");
          assertFalse(vm.canApplyLearningRateProperty().get(), "above the settings' limit");
          vm.learningRateTextProperty().set("0.0025");
          assertEquals("", vm.learningRateProblemProperty().get());
          assertTrue(vm.canApplyLearningRateProperty().get());

          vm.applyLearningRate();
          assertEquals(List.of("lr 0.0025"), job.calls);
          assertEquals("The run trains at 0.0025 from its next batch.", vm.learningRateNoteProperty().get());
          listener.onLearningRateChanged(new LearningRateChanged(21, 3, 0.01, 0.0025, 0));
          listener.onStep(new StepMetrics(21, 3, 1, 10, 0.5, 0.8, 1000, 0));
          listener.onStepDetails(new StepDetails(21, 3, 1, 0.0025, 1.0, false, 0));
          executor.tick();
          assertEquals(0.0025, vm.currentLearningRateProperty().get(), 1e-12);
          assertEquals("Learning rate changed from 0.01 to 0.0025 at step 21; the curves mark it.", vm.learningRateNoteProperty().get());
          return new RunEnded("r1", RunStatus.FINISHED, 2, 0.875, "done", 1);
        };
    vm.train();
    assertEquals(List.of("lr 0.0025"), trainLoss.markers);
    assertEquals(List.of("lr 0.0025"), vm.curveMarkers());
    assertTrue(vm.timingTextProperty().get().startsWith("Took 0:0"), vm.timingTextProperty().get());

    org.layerlab.app.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    try {
      vm.relocalize();
      assertEquals("学习率已在第 21 步从 0.01 改为 0.0025；曲线上有标记。", vm.learningRateNoteProperty().get());
      assertTrue(vm.timingTextProperty().get().startsWith("用时 0:0"), vm.timingTextProperty().get());
    } finally {
      org.layerlab.app.i18n.Messages.setLocale(java.util.Locale.ENGLISH);
    }
  }

  @Test
  void howARunEndedIsSaidInTheWindowsLanguageAndTheEventKeepsEnglish() {
    org.layerlab.model.LocalText what = org.layerlab.runtime.text.RuntimeMessages.text("run.diverged.trainingLoss", "NaN", "12", "1", "4");
    org.layerlab.model.LocalText text = org.layerlab.runtime.text.RuntimeMessages.text("run.diverged", what, "0.5", "Adam", "0.05");
    job.script = listener -> new RunEnded("r1", RunStatus.DIVERGED, 0, Double.NaN, text.english(), 1, text);
    vm.train();
    assertEquals(text.english(), vm.statusTextProperty().get());
    assertEquals(text.english(), vm.lastRunProperty().get().message(), "the event's message stays English for the run store");

    org.layerlab.app.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    try {
      vm.relocalize();
      String chinese = text.message(java.util.Locale.SIMPLIFIED_CHINESE);
      assertEquals(chinese, vm.statusTextProperty().get());
      assertEquals(chinese, TrainingViewModel.describe(vm.lastRunProperty().get()));
      assertNotEquals(text.english(), chinese);
    } finally {
      org.layerlab.app.i18n.Messages.setLocale(java.util.Locale.ENGLISH);
    }
  }

  @Test
  void aSpiralsArmsAreNamedInTheWindowsLanguageInTheConfusionMatrix() {
    job.samples = new FakeSamples(30);
    List<String> arms = org.layerlab.runtime.data.SpiralGenerator.generate(SPIRAL).classNames();
    job.script =
        listener -> {
          listener.onRunStarted(new RunStarted("r1", "run", 1, 10, 300, 30, 0));
          listener.onValidationConfusion(
              new ValidationConfusion(1, 10, arms, new long[][] {{10, 0, 0}, {0, 9, 1}, {3, 0, 7}}, new int[3][3][0], 64, 0));
          return new RunEnded("r1", RunStatus.FINISHED, 1, 0.87, "done", 1);
        };
    vm.train();
    assertEquals(arms, vm.confusionProperty().get().classNames());

    org.layerlab.app.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    try {
      vm.relocalize();
      List<String> shown = vm.confusionProperty().get().classNames();
      for (int c = 0; c < arms.size(); c++) {
        assertEquals(
            org.layerlab.runtime.text.RuntimeMessages.get(java.util.Locale.SIMPLIFIED_CHINESE, "generated.arm", String.valueOf(c + 1)),
            shown.get(c));
      }
      assertEquals(3, vm.confusionProperty().get().count(2, 0), "the counts are the run's");
    } finally {
      org.layerlab.app.i18n.Messages.setLocale(java.util.Locale.ENGLISH);
    }
    vm.relocalize();
    assertEquals(arms, vm.confusionProperty().get().classNames());
  }

  @Test
  void theBoundaryLegendNamesASpiralsArmsInTheLanguageOfTheViewShowingThem() {
    List<String> arms = org.layerlab.runtime.data.SpiralGenerator.generate(SPIRAL).classNames();
    job.samples = new FakeSamples(30, arms);
    List<List<String>> legends = new ArrayList<>();
    BoundarySink sink =
        new BoundarySink() {
          @Override
          public void points(float[] xy, int[] labels, List<String> classNames) {
            legends.add(classNames);
          }

          @Override
          public void field(DecisionBoundary boundary) {}

          @Override
          public void clear() {}
        };
    vm.attachBoundary(sink);
    job.script =
        listener -> {
          listener.onRunStarted(new RunStarted("r1", "run", 1, 10, 30, 30, 0));
          return new RunEnded("r1", RunStatus.FINISHED, 1, 0.87, "done", 1);
        };
    vm.train();
    assertEquals(List.of(arms), legends, "an English window, the run's own names");

    org.layerlab.app.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    try {
      vm.attachBoundary(sink); // the monitor's view rebuilt in Chinese
      List<String> chinese = new ArrayList<>();
      for (int c = 0; c < arms.size(); c++) {
        chinese.add(org.layerlab.runtime.text.RuntimeMessages.get(java.util.Locale.SIMPLIFIED_CHINESE, "generated.arm", String.valueOf(c + 1)));
      }
      assertEquals(chinese, legends.get(1));
    } finally {
      org.layerlab.app.i18n.Messages.setLocale(java.util.Locale.ENGLISH);
    }
  }

  @Test
  void aConfusionCellShowsItsValidationSamplesWithTheirLabels() {
    // Validation samples i have label i % 3 and features (i, -i).
    job.samples = new FakeSamples(30);
    int[][][] cells = new int[3][3][0];
    cells[2][0] = new int[] {5, 11, 29};
    cells[1][1] = new int[] {1, 4};
    long[][] counts = {{10, 0, 0}, {0, 9, 1}, {3, 0, 7}};
    job.script =
        listener -> {
          listener.onRunStarted(new RunStarted("r1", "run", 1, 10, 300, 30, 0));
          listener.onValidationConfusion(new ValidationConfusion(1, 10, List.of("a", "b", "c"), counts, cells, 64, 0));
          return new RunEnded("r1", RunStatus.FINISHED, 1, 0.87, "done", 1);
        };
    vm.train();
    assertEquals(3, vm.confusionProperty().get().count(2, 0));

    vm.selectCell(2, 0);
    assertEquals(List.of(5, 11, 29), vm.cellSamples().stream().map(CellSample::index).toList());
    for (CellSample s : vm.cellSamples()) {
      assertEquals("c", s.trueLabel());
      assertEquals("a", s.predictedLabel());
      assertEquals(s.index(), s.features()[0], 0, "the sample's own values");
      assertEquals(-s.index(), s.features()[1], 0);
    }
    assertEquals("True c, predicted a: 3 samples after epoch 1, 3 shown.", vm.cellTextProperty().get());
    vm.selectCell(0, 1);
    assertTrue(vm.cellSamples().isEmpty());
    assertEquals("True a, predicted b: no samples.", vm.cellTextProperty().get());
  }

  @Test
  void twoFeatureDataGetsBoundaryPointsAndTheLatestField() {
    job.samples = new FakeSamples(30);
    List<float[]> drawn = new ArrayList<>();
    List<DecisionBoundary> fields = new ArrayList<>();
    vm.attachBoundary(
        new BoundarySink() {
          @Override
          public void points(float[] xy, int[] labels, List<String> classNames) {
            drawn.add(xy);
          }

          @Override
          public void field(DecisionBoundary boundary) {
            fields.add(boundary);
          }

          @Override
          public void clear() {}
        });
    DecisionBoundary b = new DecisionBoundary(1, 10, -1, 1, -1, 1, 2, 2, 3, new float[12], 0);
    job.script =
        listener -> {
          listener.onRunStarted(new RunStarted("r1", "run", 1, 10, 30, 30, 0));
          listener.onDecisionBoundary(b);
          return new RunEnded("r1", RunStatus.FINISHED, 1, 0.87, "done", 1);
        };
    vm.train();
    assertTrue(vm.boundaryAvailableProperty().get());
    assertEquals(1, drawn.size());
    assertEquals(60, drawn.get(0).length, "x and y of every training point");
    assertEquals(List.of(b), fields);
    assertEquals(b, vm.latestBoundary());
  }

  @Test
  void histogramsAreOnByDefaultAndListedPerParameter() {
    job.script =
        listener -> {
          listener.onRunStarted(new RunStarted("r1", "run", 1, 10, 30, 30, 0));
          ParameterHistogram w = new ParameterHistogram("dense1", "weight", ParameterHistogram.WEIGHTS, 4, 0, 1, 0.5, 0.1, new double[] {0, 0.5, 1}, new long[] {1, 3});
          ParameterHistogram g = new ParameterHistogram("dense1", "weight", ParameterHistogram.GRADIENTS, 4, 0, 1, 0.5, 0.1, new double[] {0, 0.5, 1}, new long[] {2, 2});
          listener.onHistograms(new ParameterHistograms(10, 1, List.of(w, g), 0));
          listener.onHistograms(new ParameterHistograms(20, 1, List.of(w, g), 0));
          return new RunEnded("r1", RunStatus.FINISHED, 1, 0.87, "done", 1);
        };
    vm.train();
    assertEquals(TrainingViewModel.MONITOR_HISTOGRAM_EVERY, trained.get(0).training().reporting().histogramEvery());
    assertEquals(List.of("dense1 · weight · weights", "dense1 · weight · gradients"), vm.histogramKeys());
    assertEquals("dense1 · weight · weights", vm.selectedHistogramProperty().get(), "the first is shown");
    assertEquals(2, vm.histogramCount("dense1 · weight · gradients"));

    vm.recordHistogramsProperty().set(false);
    vm.train();
    assertEquals(0, trained.get(1).training().reporting().histogramEvery(), "the settings' choice when the monitor adds none");
  }

  /** A training job whose events come from the test. */
  private static final class FakeJob implements TrainingJob {
    TrainingListener listener;
    final List<String> calls = new ArrayList<>();
    MonitorSamples samples;
    java.util.function.Function<TrainingListener, RunEnded> script =
        l -> new RunEnded("r0", RunStatus.FINISHED, 1, 0.5, "ok", 1);
    volatile boolean stopped;

    @Override
    public RunEnded call() {
      return script.apply(listener);
    }

    @Override
    public void stop() {
      stopped = true;
    }

    @Override
    public void pause() {
      calls.add("pause");
    }

    @Override
    public void resume() {
      calls.add("resume");
    }

    @Override
    public void step() {
      calls.add("step");
    }

    @Override
    public void changeLearningRate(double rate) {
      calls.add("lr " + rate);
    }

    @Override
    public java.util.Optional<MonitorSamples> validationSamples() {
      return java.util.Optional.ofNullable(samples);
    }

    @Override
    public java.util.Optional<MonitorSamples> trainingSamples() {
      return java.util.Optional.ofNullable(samples);
    }
  }

  /** Two-feature samples: sample i has features (i, -i) and class i % 3. */
  private record FakeSamples(int size, List<String> classNames) implements MonitorSamples {
    FakeSamples(int size) {
      this(size, List.of("a", "b", "c"));
    }

    @Override
    public int[] shape() {
      return new int[] {2};
    }

    @Override
    public int label(int index) {
      return index % 3;
    }

    @Override
    public float[] features(int index) {
      return new float[] {index, -index};
    }
  }

  /** Keeps each point as {step, epoch, value} and each marker's label. */
  static final class RecordingSink implements PointSink {
    final List<double[]> points = new ArrayList<>();
    final List<String> markers = new ArrayList<>();

    @Override
    public void append(double step, double epoch, long wallTimeMillis, double value) {
      points.add(new double[] {step, epoch, value});
    }

    @Override
    public void marker(double step, double epoch, long wallTimeMillis, String label) {
      markers.add(label);
    }

    @Override
    public void clear() {
      points.clear();
      markers.clear();
    }
  }
}
