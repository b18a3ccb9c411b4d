package org.layerlab.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.layerlab.runtime.events.EpochMetrics;
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
          executor.tick();
          progressDuringRun.set(vm.progressTextProperty().get());
          listener.onEpoch(new EpochMetrics(1, 23, 0.9, 0.6, 0.8, 0.7, 0));
          return new RunEnded("r1", RunStatus.FINISHED, 3, 0.7, "Finished 3 epochs.", 1);
        };

    vm.train();

    assertEquals("Epoch 1/3 · batch 12/23 · 4,120 samples/s", progressDuringRun.get());
    assertEquals(3, trained.get(0).training().epochs());
    assertEquals(SPIRAL, trained.get(0).dataset());
    assertEquals(12, trainLoss.points.size());
    assertEquals(12.0 / 23, trainLoss.points.get(11)[0], 1e-12);
    assertEquals(1, validationAccuracy.points.size());
    assertEquals(70.0, validationAccuracy.points.get(0)[1], 1e-9);
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

  /** A training job whose events come from the test. */
  private static final class FakeJob implements TrainingJob {
    TrainingListener listener;
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
  }

  private static final class RecordingSink implements PointSink {
    final List<double[]> points = new ArrayList<>();

    @Override
    public void append(double x, double y) {
      points.add(new double[] {x, y});
    }

    @Override
    public void clear() {
      points.clear();
    }
  }
}
