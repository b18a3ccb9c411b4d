package org.layerlab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.project.OptimizerKind;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.model.project.TrainingSettings.Algorithm;
import org.layerlab.model.project.TrainingSettings.LossKind;
import org.layerlab.model.project.TrainingSettings.Metric;
import org.layerlab.model.project.TrainingSettings.Schedule;
import org.layerlab.model.project.TrainingSettings.ScheduleKind;
import org.layerlab.runtime.optim.LearningRateSchedule;

class TrainingSetupViewModelTest {

  private TrainingSetupViewModel vm;

  @BeforeEach
  void setUp() {
    Messages.setLocale(Locale.ENGLISH);
    vm = new TrainingSetupViewModel(TrainingSettings.defaults());
  }

  private void type(String key, String text) {
    vm.field(key).textProperty().set(text);
  }

  private Set<String> shown() {
    return vm.fields().stream().filter(f -> f.appliesProperty().get()).map(SetupField::key).collect(Collectors.toSet());
  }

  @Test
  void optimizerFieldsMapToTheOptimizerOptions() {
    vm.algorithmProperty().set(Algorithm.ADAMW);
    type("beta1", "0.85");
    type("beta2", "0.99");
    type("epsilon", "1e-7");
    type("weightDecay", "0.01");
    type("gradientClipNorm", "2.5");
    TrainingSettings s = vm.settingsProperty().get();
    assertEquals(Algorithm.ADAMW, s.algorithm());
    assertEquals(OptimizerKind.ADAM, s.optimizer());
    assertEquals(0.85, s.optimizerOptions().beta1());
    assertEquals(0.99, s.optimizerOptions().beta2());
    assertEquals(1e-7, s.optimizerOptions().epsilon());
    assertEquals(0.01, s.optimizerOptions().weightDecay());
    assertEquals(2.5, s.optimizerOptions().gradientClipNorm());
    assertTrue(vm.settingsValidProperty().get());

    type("epsilon", "");
    assertTrue(Double.isNaN(vm.settingsProperty().get().optimizerOptions().epsilon()), "empty is the optimizer's default");
    assertEquals("default (1e-8)", vm.field("epsilon").promptProperty().get());
  }

  @Test
  void onlyTheChosenOptimizersOptionsApply() {
    vm.optimizerProperty().set(OptimizerKind.SGD);
    assertEquals(Algorithm.SGD, vm.algorithmProperty().get());
    assertTrue(shown().containsAll(List.of("momentum", "weightDecay", "gradientClipNorm")));
    assertFalse(shown().contains("beta1") || shown().contains("epsilon") || shown().contains("rho"));
    assertTrue(vm.nesterovAppliesProperty().get());
    assertFalse(vm.algorithmAppliesProperty().get(), "SGD has one rule, so no rule list");

    vm.optimizerProperty().set(OptimizerKind.ADAM);
    vm.algorithmProperty().set(Algorithm.RMSPROP);
    assertTrue(shown().containsAll(List.of("rho", "epsilon")));
    assertFalse(shown().contains("momentum") || shown().contains("beta1"));
    assertFalse(vm.nesterovAppliesProperty().get());
    assertTrue(vm.algorithmAppliesProperty().get());
    assertEquals(List.of(Algorithm.ADAM, Algorithm.ADAMW, Algorithm.ADAGRAD, Algorithm.RMSPROP, Algorithm.ADADELTA), vm.algorithms());
  }

  @Test
  void nesterovNeedsMomentumAndShowsTheSettingsMessage() {
    vm.optimizerProperty().set(OptimizerKind.SGD);
    vm.nesterovProperty().set(true);
    assertTrue(vm.settingsProperty().get().optimizerOptions().nesterov());
    type("momentum", "0");
    assertEquals("Nesterov momentum needs the sgd optimizer with a momentum above 0", vm.nesterovProblemProperty().get());
    assertFalse(vm.settingsValidProperty().get());
    vm.optimizerProperty().set(OptimizerKind.ADAM);
    assertFalse(vm.settingsProperty().get().optimizerOptions().nesterov(), "Nesterov does not apply to Adam");
    assertTrue(vm.settingsValidProperty().get());
  }

  @Test
  void anOptionThatDoesNotApplyNeverBlocksTraining() {
    vm.optimizerProperty().set(OptimizerKind.SGD);
    type("momentum", "lots");
    assertEquals("Type a number, such as 0.001 (got 'lots').", vm.field("momentum").problemProperty().get());
    assertFalse(vm.settingsValidProperty().get());
    vm.optimizerProperty().set(OptimizerKind.ADAM);
    assertEquals("", vm.field("momentum").problemProperty().get());
    assertTrue(vm.settingsValidProperty().get());
    assertEquals("lots", vm.field("momentum").textProperty().get(), "the typed text stays for when SGD comes back");

    type("loss.labelSmoothing", "0.1");
    vm.lossKindProperty().set(LossKind.MEAN_SQUARED_ERROR);
    assertTrue(vm.settingsValidProperty().get(), "smoothing only applies to cross-entropy");
    assertEquals(0, vm.settingsProperty().get().loss().labelSmoothing());
    vm.lossKindProperty().set(LossKind.SOFTMAX_CROSS_ENTROPY);
    assertEquals(0.1, vm.settingsProperty().get().loss().labelSmoothing());
  }

  @Test
  void scheduleFieldsMapToTheScheduleOfEachKind() {
    type("epochs", "20");
    vm.scheduleKindProperty().set(ScheduleKind.STEP);
    assertEquals(Set.of("schedule.gamma", "schedule.everyEpochs"), scheduleFieldsShown());
    type("schedule.everyEpochs", "4");
    type("schedule.gamma", "0.5");
    assertEquals(Schedule.step(4, 0.5), vm.settingsProperty().get().schedule());

    vm.scheduleKindProperty().set(ScheduleKind.MULTI_STEP);
    type("schedule.milestones", "5, 12");
    Schedule multi = vm.settingsProperty().get().schedule();
    assertEquals(ScheduleKind.MULTI_STEP, multi.kind());
    assertEquals(List.of(5, 12), multi.milestones());
    assertEquals(0.5, multi.gamma(), "gamma is shared by the decaying kinds");
    type("schedule.milestones", "12 5");
    assertEquals("milestones must be epochs from 0 in ascending order, got [12, 5]", vm.field("schedule.milestones").problemProperty().get());
    type("schedule.milestones", "5, x");
    assertEquals("Type epochs separated by commas, such as 30, 60 (got '5, x').", vm.field("schedule.milestones").problemProperty().get());

    vm.scheduleKindProperty().set(ScheduleKind.WARMUP_COSINE);
    assertEquals(Set.of("schedule.warmupEpochs", "schedule.minLearningRate"), scheduleFieldsShown());
    type("schedule.warmupEpochs", "3");
    type("schedule.minLearningRate", "0.0001");
    Schedule warm = vm.settingsProperty().get().schedule();
    assertEquals(ScheduleKind.WARMUP_COSINE, warm.kind());
    assertEquals(3, warm.warmupEpochs());
    assertEquals(0.0001, warm.minLearningRate());
    type("schedule.warmupEpochs", "20");
    assertEquals("warm-up must be from 1 to 19 epochs (fewer than the run's 20), got 20",
        vm.field("schedule.warmupEpochs").problemProperty().get());
    assertFalse(vm.settingsValidProperty().get());

    vm.scheduleKindProperty().set(ScheduleKind.PLATEAU);
    vm.plateauMonitorProperty().set(Metric.VALIDATION_ACCURACY);
    type("schedule.patience", "2");
    assertTrue(vm.settingsValidProperty().get(), "the warm-up no longer applies");
    Schedule plateau = vm.settingsProperty().get().schedule();
    assertEquals(ScheduleKind.PLATEAU, plateau.kind());
    assertEquals(Metric.VALIDATION_ACCURACY, plateau.monitor());
    assertEquals(2, plateau.patience());
    assertEquals(0.0001, plateau.minLearningRate());
  }

  private Set<String> scheduleFieldsShown() {
    return shown().stream().filter(k -> k.startsWith("schedule.")).collect(Collectors.toSet());
  }

  @Test
  void lossEarlyStoppingRunAndReportingFieldsMapToTheSettings() {
    vm.lossKindProperty().set(LossKind.HUBER);
    type("loss.huberDelta", "0.5");
    vm.earlyStoppingProperty().set(true);
    vm.earlyStoppingMetricProperty().set(Metric.VALIDATION_F1);
    type("earlyStopping.patience", "4");
    type("earlyStopping.minDelta", "0.001");
    type("seed", "12345678901");
    vm.validationFractionProperty().set(0.1);
    type("threads", "2");
    type("histogramEvery", "50");
    type("worstSamples", "25");
    TrainingSettings s = vm.settingsProperty().get();
    assertEquals(new TrainingSettings.LossFunction(LossKind.HUBER, 0, 0.5), s.loss());
    assertEquals(new TrainingSettings.EarlyStopping(Metric.VALIDATION_F1, 4, 0.001), s.earlyStopping());
    assertEquals(12345678901L, s.seed());
    assertEquals(0.1, s.validationFraction());
    assertEquals(2, s.threads());
    assertEquals(new TrainingSettings.Reporting(50, 25), s.reporting());
    assertTrue(vm.settingsValidProperty().get());
    assertEquals(TrainingSettings.DeviceChoice.AUTO, s.device(), "a project without a device trains where the engine chooses");
    vm.deviceProperty().set(TrainingSettings.DeviceChoice.CPU);
    assertEquals(TrainingSettings.DeviceChoice.CPU, vm.settingsProperty().get().device());

    vm.earlyStoppingProperty().set(false);
    assertNull(vm.settingsProperty().get().earlyStopping());
    assertFalse(vm.field("earlyStopping.patience").appliesProperty().get());
  }

  @Test
  void outOfRangeValuesShowTheSettingsOwnMessageUnderTheirField() {
    type("threads", "300");
    assertEquals("threads must be from 0 (the engine's default) to 256, got 300", vm.field("threads").problemProperty().get());
    type("worstSamples", "-1");
    assertEquals("worstSamples must be from 0 to 1000, got -1", vm.field("worstSamples").problemProperty().get());
    type("beta2", "1");
    assertEquals("beta2 must be from 0 to below 1, got 1.0 (0.999 is usual)", vm.field("beta2").problemProperty().get());
    assertFalse(vm.settingsValidProperty().get());
    type("threads", "0");
    type("worstSamples", "10");
    type("beta2", "0.999");
    assertTrue(vm.settingsValidProperty().get());
  }

  @Test
  void aProjectsSettingsComeBackUnchangedThroughTheForm() {
    TrainingSettings file =
        TrainingSettings.defaults()
            .withAlgorithm(Algorithm.ADADELTA)
            .withOptimizerOptions(TrainingSettings.OptimizerOptions.DEFAULT.withRho(0.8).withWeightDecay(0.001))
            .withSchedule(Schedule.cosine(0.00001))
            .withLoss(TrainingSettings.LossFunction.DEFAULT.withLabelSmoothing(0.05))
            .withEarlyStopping(new TrainingSettings.EarlyStopping(Metric.VALIDATION_LOSS, 3, 0.01))
            .withTransfer(TrainingSettings.Transfer.from("run-7"))
            .withThreads(4)
            .withReporting(new TrainingSettings.Reporting(100, 5));
    TrainingSetupViewModel form = new TrainingSetupViewModel(file);
    assertEquals(file, form.settingsProperty().get());
    assertEquals("0.8", form.field("rho").textProperty().get());
    assertTrue(form.settingsValidProperty().get());
  }

  @Test
  void everySampleProjectsSettingsPassThroughTheFormUnchanged() throws Exception {
    java.nio.file.Path samples = org.layerlab.app.StartupOptions.samplesDir();
    List<java.nio.file.Path> files;
    try (var walk = java.nio.file.Files.walk(samples, 2)) {
      files = walk.filter(f -> f.getFileName().toString().endsWith("project.json")).sorted().toList();
    }
    assertTrue(files.size() >= 5, "the samples: " + files);
    for (java.nio.file.Path file : files) {
      TrainingSettings opened = org.layerlab.model.project.ProjectFiles.read(file).training();
      TrainingSetupViewModel form = new TrainingSetupViewModel(opened);
      assertEquals(opened, form.settingsProperty().get(), file.toString());
      assertTrue(form.settingsValidProperty().get(), file + ": " + form.settingsProperty().get().problems());
    }
  }

  @Test
  void previewPointsAreTheRuntimeSchedulesRatesPerStep() {
    vm.trainingSamplesProperty().set(1000); // 800 after the 0.2 validation share: 25 steps of 32
    type("learningRate", "0.1");
    type("epochs", "10");
    vm.scheduleKindProperty().set(ScheduleKind.STEP);
    type("schedule.everyEpochs", "3");
    type("schedule.gamma", "0.5");
    assertEquals(25, vm.stepsPerEpoch());
    SchedulePreview p = vm.previewProperty().get();
    assertNotNull(p);
    assertFalse(p.perEpoch());
    assertEquals(250, p.points());
    LearningRateSchedule runtime = LearningRateSchedule.stepDecay(0.1, 25, 3, 0.5);
    for (long step = 0; step < 250; step++) {
      assertEquals(runtime.rate(step), p.rate(step), "step " + step);
    }
    assertEquals(0.1 * 0.125, p.last(), 1e-15);

    vm.scheduleKindProperty().set(ScheduleKind.WARMUP_COSINE);
    type("schedule.warmupEpochs", "2");
    type("schedule.minLearningRate", "0.001");
    SchedulePreview w = vm.previewProperty().get();
    LearningRateSchedule warm = LearningRateSchedule.warmupCosine(0.1, 50, 250, 0.001);
    for (long step = 0; step < 250; step++) {
      assertEquals(warm.rate(step), w.rate(step), "step " + step);
    }
    assertTrue(vm.previewTextProperty().get().startsWith("Starts at 0.002, peaks at 0.1 and ends at 0.00101 over 250 steps."),
        vm.previewTextProperty().get());
  }

  @Test
  void previewIsPerEpochUntilTheDatasetSizeIsKnown() {
    type("epochs", "6");
    vm.scheduleKindProperty().set(ScheduleKind.EXPONENTIAL);
    type("schedule.gamma", "0.9");
    SchedulePreview p = vm.previewProperty().get();
    assertTrue(p.perEpoch());
    assertEquals(6, p.points());
    LearningRateSchedule runtime = LearningRateSchedule.exponentialDecay(0.001, 1, 0.9);
    for (int e = 0; e < 6; e++) {
      assertEquals(runtime.rate(e), p.rate(e));
    }
    assertTrue(vm.previewTextProperty().get().endsWith("Shown per epoch until the dataset has been read."));
  }

  @Test
  void plateauPreviewShowsTheFastestFallTheRuntimeWouldMake() {
    type("epochs", "12");
    vm.scheduleKindProperty().set(ScheduleKind.PLATEAU);
    type("schedule.gamma", "0.5");
    type("schedule.patience", "2");
    type("schedule.minLearningRate", "0.0002");
    SchedulePreview p = vm.previewProperty().get();
    LearningRateSchedule.ReduceOnPlateau runtime = LearningRateSchedule.reduceOnPlateau(0.001, false, 0.5, 2, 1e-4, 0.0002);
    for (int e = 0; e < 12; e++) {
      assertEquals(runtime.rate(0), p.rate(e), "epoch " + e);
      runtime.epochEnded(e + 1, 1.0);
    }
    assertTrue(p.last() < p.first());
    assertEquals(0.0002, p.last(), 1e-15, "never below the floor");
  }

  @Test
  void noPreviewWhileAScheduleFieldIsWrong() {
    vm.scheduleKindProperty().set(ScheduleKind.STEP);
    type("schedule.gamma", "2");
    assertNull(vm.previewProperty().get());
    assertEquals("No preview: fix the fields above first.", vm.previewTextProperty().get());
    type("schedule.gamma", "0.2");
    assertNotNull(vm.previewProperty().get());
  }

  @Test
  void problemsSpeakTheCurrentLanguageAfterRelocalize() {
    type("batchSize", "lots");
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    try {
      vm.relocalize();
      assertEquals("请输入整数，例如 32（当前是“lots”）。", vm.batchSizeProblemProperty().get());
    } finally {
      Messages.setLocale(Locale.ENGLISH);
    }
  }
}
