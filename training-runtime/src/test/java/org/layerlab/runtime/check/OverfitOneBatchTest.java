package org.layerlab.runtime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.SyntheticKind;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.SyntheticGenerator;
import org.layerlab.runtime.preview.Progress;

/** Overfitting one batch, and the whole check, through the real training path. */
class OverfitOneBatchTest {

  @TempDir Path dir;

  private static final DatasetRef.Synthetic MOONS = new DatasetRef.Synthetic(SyntheticKind.MOONS, 400, 2, 0.1, 0, 3, Options.NONE);

  private static ModelSpec mlp(int outputs) {
    return ModelSpec.of(
        LayerSpec.of("input", LayerType.INPUT).with("shape", List.of(2)),
        LayerSpec.of("dense1", LayerType.DENSE).with("units", 32).with("activation", "relu"),
        LayerSpec.of("dense2", LayerType.DENSE).with("units", 32).with("activation", "relu"),
        LayerSpec.of("output", LayerType.DENSE).with("units", outputs));
  }

  private static Project project(ModelSpec model, DatasetRef data, TrainingSettings settings) {
    return new Project("check", "", model, data, settings);
  }

  private static TrainingSettings adam(double rate) {
    return TrainingSettings.defaults().withLearningRate(rate).withBatchSize(16).withSeed(5);
  }

  @Test
  void aGoodMlpLearnsOneBatchByHeart() {
    Dataset train = SyntheticGenerator.generate(MOONS);
    Progress progress = new Progress();

    OverfitOneBatch.Outcome o = OverfitOneBatch.train(project(mlp(2), MOONS, adam(0.01)), dir, train, progress, 0.4, 1.0);
    Finding f = OverfitOneBatch.finding(o);

    assertEquals(Severity.OK, f.severity(), f.message());
    assertEquals(OverfitOneBatch.STEPS, o.steps());
    assertEquals(16, o.batchSize());
    assertTrue(o.finalLoss() < 0.1 * o.initialLoss(), o.toString());
    assertEquals(1.0, o.finalAccuracy(), 1e-9);
    assertEquals(1.0, progress.fraction(), 1e-9);
    assertEquals("overfit", progress.stage());
  }

  @Test
  void aModelThatCannotLearnIsReportedAsABug() {
    Dataset train = SyntheticGenerator.generate(MOONS);

    // a learning rate of 0 is refused by the settings: the check says so rather than training
    Finding refused = OverfitOneBatch.finding(OverfitOneBatch.train(project(mlp(2), MOONS, adam(0)), dir, train, Progress.none(), 0, 1));
    assertEquals(Severity.ERROR, refused.severity(), refused.message());
    assertEquals("overfit.failed", refused.key());
    assertTrue(refused.message().toLowerCase().contains("learning rate"), refused.message());

    OverfitOneBatch.Outcome still = OverfitOneBatch.train(project(mlp(2), MOONS, adam(1e-9)), dir, train, Progress.none(), 0, 1);
    Finding f = OverfitOneBatch.finding(still);
    assertEquals(Severity.ERROR, f.severity(), f.message());
    assertEquals("overfit.stuck", f.key());
    assertEquals(still.initialLoss(), still.finalLoss(), 0.05 * still.initialLoss(), "a vanishing rate: nothing moves");

    TrainingSettings frozen = TrainingSettings.defaults().withOptimizer(org.layerlab.model.project.OptimizerKind.SGD)
        .withLearningRate(1e-7).withBatchSize(16).withSeed(5);
    Finding f2 = OverfitOneBatch.finding(OverfitOneBatch.train(project(mlp(2), MOONS, frozen), dir, train, Progress.none(), 0, 1));
    assertEquals(Severity.ERROR, f2.severity(), f2.message());
  }

  @Test
  void cancellingStopsTraining() {
    Dataset train = SyntheticGenerator.generate(MOONS);
    Progress progress = new Progress();
    progress.cancel();

    assertThrows(
        CancellationException.class,
        () -> OverfitOneBatch.train(project(mlp(2), MOONS, adam(0.01)), dir, train, progress, 0, 1));
  }

  @Test
  void theWholeCheckReportsEveryTopicInOrder() {
    List<Finding> findings = PreTrainingCheck.run(project(mlp(2), MOONS, adam(0.01)), dir, Progress.none());

    assertEquals(
        List.of(Topic.SHAPES, Topic.OVERFIT, Topic.BALANCE, Topic.OVERLAP),
        findings.stream().map(Finding::topic).toList());
    assertTrue(findings.stream().allMatch(f -> f.severity() == Severity.OK), findings.toString());
  }

  @Test
  void aModelThatDoesNotFitTheDataIsAShapeErrorAndIsNotTrained() {
    List<Finding> findings = PreTrainingCheck.run(project(mlp(5), MOONS, adam(0.01)), dir, Progress.none());

    Finding shapes = findings.stream().filter(f -> f.topic() == Topic.SHAPES).findFirst().orElseThrow();
    assertEquals(Severity.ERROR, shapes.severity());
    assertTrue(shapes.message().contains("5"), shapes.message());
    Finding overfit = findings.stream().filter(f -> f.topic() == Topic.OVERFIT).findFirst().orElseThrow();
    assertEquals(Severity.SKIPPED, overfit.severity());
  }

  @Test
  void theShapeProblemIsWordedInTheWindowsLanguage() {
    var project = project(mlp(5), MOONS, adam(0.01));
    List<Finding> english = PreTrainingCheck.run(project, dir, Progress.none());
    List<Finding> chinese = PreTrainingCheck.run(project, dir, Progress.none(), java.util.Locale.SIMPLIFIED_CHINESE);

    Finding en = english.stream().filter(f -> f.topic() == Topic.SHAPES).findFirst().orElseThrow();
    Finding zh = chinese.stream().filter(f -> f.topic() == Topic.SHAPES).findFirst().orElseThrow();
    assertEquals(en.key(), zh.key());
    assertEquals(en.args().get(0), zh.args().get(0), "the same layer");
    String worded = zh.args().get(1).toString();
    assertTrue(worded.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), worded);
    assertTrue(worded.contains("5"), "the same figures: " + worded);
  }

  @Test
  void unreadableDataIsOneErrorWithTheLoadersMessage() {
    DatasetRef.Idx missing = new DatasetRef.Idx("Nothing", "no-such-folder", null, false, List.of());

    List<Finding> findings = PreTrainingCheck.run(project(mlp(2), missing, adam(0.01)), dir, Progress.none());

    assertEquals(1, findings.size());
    assertEquals(Topic.DATA, findings.get(0).topic());
    assertEquals(Severity.ERROR, findings.get(0).severity());
    assertTrue(findings.get(0).message().contains("no-such-folder"), findings.get(0).message());
  }

  @Test
  void unreadableDataIsWordedInTheWindowsLanguageAndTheMessageStaysEnglish() {
    DatasetRef.Idx missing = new DatasetRef.Idx("Nothing", "no-such-folder", null, false, List.of());
    var project = project(mlp(2), missing, adam(0.01));
    org.layerlab.runtime.data.DatasetException read =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.layerlab.runtime.data.DatasetException.class,
            () -> org.layerlab.runtime.data.DatasetLoader.load(project.dataset(), dir, project.training()));

    Finding zh = PreTrainingCheck.run(project, dir, Progress.none(), java.util.Locale.SIMPLIFIED_CHINESE).get(0);

    assertEquals("data.unreadable", zh.key());
    assertEquals(List.of(read.message(java.util.Locale.SIMPLIFIED_CHINESE)), zh.args(), "the window shows the argument");
    assertEquals(read.getMessage(), zh.message(), "the message stays English");
  }
}
