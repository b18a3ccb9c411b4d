package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;

/** Training on data that the loader normalised, with augmented training batches; and the data a run refuses. */
class PreparedDataTrainingTest {

  @TempDir static Path dir;

  /** Forty CIFAR-10 records of two of its ten classes: class 0 bright, class 1 dark, with pixel noise, so that a linear model separates them. */
  @BeforeAll
  static void writeCifarBatch() throws Exception {
    Random random = new Random(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int r = 0; r < 40; r++) {
      int label = r % 2;
      out.write(label);
      for (int p = 0; p < 3072; p++) {
        out.write(Math.max(0, Math.min(255, (label == 0 ? 170 : 85) + (int) (40 * random.nextGaussian()))));
      }
    }
    Files.createDirectories(dir.resolve("c"));
    Files.write(dir.resolve("c/data_batch_1.bin"), out.toByteArray());
  }

  private static Project project(String inputShape, String dataset) throws Exception {
    String json =
        "{\"format\": \"layerlab-project\", \"version\": 1, \"name\": \"P\", \"model\": {\"layers\": ["
            + "{\"id\": \"input\", \"type\": \"Input\", \"settings\": {\"shape\": ["
            + inputShape
            + "]}}, {\"id\": \"flatten\", \"type\": \"Flatten\"},"
            + " {\"id\": \"out\", \"type\": \"Dense\", \"settings\": {\"units\": 10}}]},"
            + " \"dataset\": "
            + dataset
            + ", \"training\": {\"optimizer\": \"adam\", \"learningRate\": 0.01, \"batchSize\": 8, \"epochs\": 3, \"seed\": 1,"
            + " \"validationFraction\": 0.25}}";
    return ProjectFiles.parse(json, dir.resolve("project.json"));
  }

  private static final String CIFAR = "{\"type\": \"cifar\", \"variant\": \"cifar-10\", \"path\": \"c\", \"normalisation\": \"standard\"";

  @Test
  void normalisedAndAugmentedImagesTrainReproducibly() throws Exception {
    Project augmented = project("3, 32, 32", CIFAR + ", \"augmentation\": {\"flip\": true, \"cropPadding\": 2, \"rotationDegrees\": 5}}");
    Project plain = project("3, 32, 32", CIFAR + "}");
    RecordingListener a = new RecordingListener();
    RecordingListener b = new RecordingListener();
    RecordingListener without = new RecordingListener();

    RunEnded end = new TrainingRun(new TrainingRequest(augmented, dir, "augmented", null), a).call();
    new TrainingRun(new TrainingRequest(augmented, dir, "again", null), b).call();
    new TrainingRun(new TrainingRequest(plain, dir, "plain", null), without).call();

    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    assertEquals(List.of(), a.violations);
    assertTrue(end.finalValidationAccuracy() >= 0.9, "validation accuracy " + end.finalValidationAccuracy());
    assertEquals(a.losses(), b.losses(), "augmentation is seeded");
    assertNotEquals(a.losses().subList(1, a.losses().size()), without.losses().subList(1, without.losses().size()), "the batches were augmented");
  }

  @Test
  void imagesThatDoNotFitTheInputLayerFailNamingBothShapes() throws Exception {
    Project p = project("1, 28, 28", CIFAR + "}");
    RecordingListener events = new RecordingListener();

    RunEnded end = new TrainingRun(new TrainingRequest(p, dir, "mismatch", null), events).call();

    assertEquals(RunStatus.FAILED, end.status());
    assertTrue(end.message().contains("the dataset's samples are (N, 3, 32, 32) but this Input takes (N, 1, 28, 28): set shape to 3, 32, 32"), end.message());
    assertTrue(events.started.isEmpty());
  }

  @Test
  void regressionDataWithAClassificationLossIsRefused() throws Exception {
    Project p = project("1", "{\"type\": \"synthetic\", \"kind\": \"sine\", \"samples\": 50, \"noise\": 0.1, \"seed\": 1}");
    RecordingListener events = new RecordingListener();

    RunEnded end = new TrainingRun(new TrainingRequest(p, dir, "sine", null), events).call();

    assertEquals(RunStatus.FAILED, end.status());
    assertTrue(end.message().contains("The data is a regression (y to predict)"), end.message());
    assertTrue(end.message().contains("softmax-cross-entropy, a classification loss") && end.message().contains("mse, l1 or huber"), end.message());
    assertTrue(events.started.isEmpty());
  }
}
