package org.layerlab.model.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.model.project.TrainingSettings.Algorithm;
import org.layerlab.model.project.TrainingSettings.EarlyStopping;
import org.layerlab.model.project.TrainingSettings.LossFunction;
import org.layerlab.model.project.TrainingSettings.LossKind;
import org.layerlab.model.project.TrainingSettings.Metric;
import org.layerlab.model.project.TrainingSettings.Reporting;
import org.layerlab.model.project.TrainingSettings.Schedule;
import org.layerlab.model.project.TrainingSettings.Transfer;

/** The training block's optional fields: old files read with defaults and write back unchanged, new fields round-trip and are checked. */
class TrainingSettingsJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SOURCE = Path.of("training-test.json");

  private static Path spiralFile() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path f = p.resolve("sample-projects/spiral/project.json");
      if (Files.isRegularFile(f)) {
        return f;
      }
    }
    throw new IllegalStateException("no spiral sample above " + Path.of("").toAbsolutePath());
  }

  private static ObjectNode spiralJson() throws Exception {
    return (ObjectNode) JSON.readTree(Files.readString(spiralFile()));
  }

  private static ObjectNode training(ObjectNode root) {
    return (ObjectNode) root.get("training");
  }

  private static TrainingSettings read(ObjectNode root) throws Exception {
    return ProjectFiles.parse(JSON.writeValueAsString(root), SOURCE).training();
  }

  @Test
  void aFirstFormatFileReadsWithEveryNewChoiceAtItsDefaultAndWritesBackTheSameTrainingBlock() throws Exception {
    ObjectNode root = spiralJson();
    TrainingSettings t = read(root);

    assertEquals(Algorithm.ADAM, t.algorithm());
    assertEquals(TrainingSettings.OptimizerOptions.DEFAULT, t.optimizerOptions());
    assertEquals(Schedule.CONSTANT, t.schedule());
    assertEquals(LossFunction.DEFAULT, t.loss());
    assertNull(t.earlyStopping());
    assertNull(t.transfer());
    assertEquals(0, t.threads());
    assertEquals(Reporting.DEFAULT, t.reporting());

    Project p = ProjectFiles.parse(JSON.writeValueAsString(root), SOURCE);
    JsonNode written = JSON.readTree(ProjectFiles.toJson(p)).get("training");
    assertEquals(root.get("training"), written, "no new field is written when none is used");
  }

  @Test
  void everyNewFieldSurvivesWriteAndRead() throws Exception {
    Project base = ProjectFiles.parse(JSON.writeValueAsString(spiralJson()), SOURCE);
    TrainingSettings t =
        base.training()
            .withAlgorithm(Algorithm.ADAMW)
            .withOptimizerOptions(
                TrainingSettings.OptimizerOptions.DEFAULT
                    .withWeightDecay(0.01)
                    .withBetas(0.85, 0.99)
                    .withEpsilon(1e-7)
                    .withGradientClipNorm(2))
            .withSchedule(Schedule.warmupCosine(2, 1e-5))
            .withLoss(LossFunction.DEFAULT.withLabelSmoothing(0.1))
            .withEarlyStopping(new EarlyStopping(Metric.VALIDATION_F1, 4, 0.001))
            .withTransfer(Transfer.from("run-7").withFreeze(List.of("hidden1")).withBodyLearningRateFactor(0.1))
            .withThreads(2)
            .withReporting(new Reporting(50, 20));
    Project p = base.withTraining(t);

    Project back = ProjectFiles.parse(ProjectFiles.toJson(p), SOURCE);

    assertEquals(t, back.training());
    assertEquals(OptimizerKind.ADAM, back.training().optimizer(), "AdamW belongs to the Adam family");
  }

  @Test
  void eachScheduleKindSurvivesWriteAndRead() throws Exception {
    Project base = ProjectFiles.parse(JSON.writeValueAsString(spiralJson()), SOURCE);
    List<Schedule> schedules =
        List.of(
            Schedule.step(10, 0.5),
            Schedule.multiStep(List.of(10, 30), 0.1),
            Schedule.exponential(0.95),
            Schedule.cosine(0.0001),
            Schedule.warmupCosine(3, 0),
            Schedule.plateau(Metric.VALIDATION_ACCURACY, 0.2, 3, 1e-6));
    for (Schedule s : schedules) {
      Project p = base.withTraining(base.training().withSchedule(s));
      assertEquals(s, ProjectFiles.parse(ProjectFiles.toJson(p), SOURCE).training().schedule(), s.kind().jsonName());
    }
  }

  @Test
  void sgdWithNesterovAndEachOtherLossSurvive() throws Exception {
    Project base = ProjectFiles.parse(JSON.writeValueAsString(spiralJson()), SOURCE);
    TrainingSettings sgd =
        base.training().withAlgorithm(Algorithm.SGD).withOptimizerOptions(TrainingSettings.OptimizerOptions.DEFAULT.withNesterov(true));
    for (LossKind kind : LossKind.values()) {
      TrainingSettings t = sgd.withLoss(new LossFunction(kind, 0, kind == LossKind.HUBER ? 0.5 : 1));
      assertEquals(t, ProjectFiles.parse(ProjectFiles.toJson(base.withTraining(t)), SOURCE).training(), kind.jsonName());
    }
  }

  @Test
  void theFamilyFollowsTheAlgorithmAndAFormShowingTheFamilyKeepsIt() {
    TrainingSettings adamW = TrainingSettings.defaults().withAlgorithm(Algorithm.RMSPROP);
    assertEquals(OptimizerKind.ADAM, adamW.optimizer());
    assertEquals(Algorithm.RMSPROP, adamW.withOptimizer(OptimizerKind.ADAM).algorithm(), "same family: kept");
    assertEquals(Algorithm.SGD, adamW.withOptimizer(OptimizerKind.SGD).algorithm(), "another family: its own rule");
    assertEquals(
        TrainingSettings.defaults(),
        new TrainingSettings(OptimizerKind.ADAM, 0.001, 0.9, 32, 10, 42, 0.2),
        "the first format's constructor still makes the defaults");
  }

  @Test
  void newOptimizerNamesAreRead() throws Exception {
    for (Algorithm a : Algorithm.values()) {
      ObjectNode root = spiralJson();
      training(root).put("optimizer", a.jsonName());
      assertEquals(a, read(root).algorithm());
    }
  }

  private static void assertRejected(ObjectNode root, String at, String... parts) {
    ProjectFileException e = assertThrows(ProjectFileException.class, () -> read(root));
    assertTrue(e.getMessage().contains(at + ":"), e.getMessage());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "'" + part + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void badNewFieldsAreReportedWithTheirPathAndTheFix() throws Exception {
    ObjectNode r = spiralJson();
    training(r).put("nesterov", true);
    assertRejected(r, "training.nesterov", "sgd optimizer");

    r = spiralJson();
    training(r).put("weightDecay", -1);
    assertRejected(r, "training.weightDecay", "from 0 to 1");

    r = spiralJson();
    training(r).putObject("schedule").put("type", "triangle");
    assertRejected(r, "training.schedule.type", "'triangle'", "warmup-cosine");

    r = spiralJson();
    training(r).putObject("schedule").put("type", "warmup-cosine").put("warmupEpochs", 40);
    assertRejected(r, "training.schedule.warmupEpochs", "from 1 to 39");

    r = spiralJson();
    training(r).putObject("schedule").put("type", "multistep");
    assertRejected(r, "training.schedule.milestones", "is missing");

    r = spiralJson();
    training(r).putObject("loss").put("type", "mse").put("labelSmoothing", 0.1);
    assertRejected(r, "training.loss.labelSmoothing", "softmax-cross-entropy only");

    r = spiralJson();
    training(r).putObject("earlyStopping").put("metric", "validation_loss").put("patience", 0);
    assertRejected(r, "training.earlyStopping.patience", "from 1");

    r = spiralJson();
    training(r).putObject("earlyStopping").put("metric", "val_acc").put("patience", 3);
    assertRejected(r, "training.earlyStopping.metric", "'val_acc'", "validation_accuracy");

    r = spiralJson();
    training(r).putObject("transfer").put("from", "run-1").put("bodyLearningRateFactor", 0);
    assertRejected(r, "training.transfer.bodyLearningRateFactor", "above 0");

    r = spiralJson();
    training(r).put("threads", -2);
    assertRejected(r, "training.threads", "from 0");

    r = spiralJson();
    training(r).put("histogramEvery", "often");
    assertRejected(r, "training.histogramEvery", "whole number");
  }

  @Test
  void earlyStoppingWithoutAMetricWatchesTheValidationLoss() throws Exception {
    ObjectNode r = spiralJson();
    training(r).putObject("earlyStopping").put("patience", 3);
    EarlyStopping e = read(r).earlyStopping();
    assertEquals(Metric.VALIDATION_LOSS, e.metric());
    assertFalse(e.metric().higherIsBetter());
  }

  @Test
  void theDeviceDefaultsToAutoIsLeftOutThenAndRoundTripsOtherwise() throws Exception {
    ObjectNode root = spiralJson();
    assertEquals(TrainingSettings.DeviceChoice.AUTO, read(root).device());
    assertFalse(JSON.readTree(ProjectFiles.toJson(ProjectFiles.parse(JSON.writeValueAsString(root), SOURCE))).get("training").has("device"));

    training(root).put("device", "GPU");
    Project p = ProjectFiles.parse(JSON.writeValueAsString(root), SOURCE);
    assertEquals(TrainingSettings.DeviceChoice.GPU, p.training().device());
    assertEquals("gpu", JSON.readTree(ProjectFiles.toJson(p)).get("training").get("device").asText());
    assertEquals(p, ProjectFiles.parse(ProjectFiles.toJson(p), SOURCE));
    assertEquals(TrainingSettings.DeviceChoice.CPU, p.training().withDevice(TrainingSettings.DeviceChoice.CPU).device());
    assertEquals(TrainingSettings.DeviceChoice.GPU, p.training().withEpochs(3).device(), "other edits keep the device");

    training(root).put("device", "tpu");
    assertRejected(root, "training.device", "'tpu'", "auto, cpu or gpu");
  }
}
