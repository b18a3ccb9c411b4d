package org.layerlab.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.checkpoint.CheckpointFolder;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.train.Prediction;
import org.layerlab.runtime.train.Predictor;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;

/** {@code layerlab predict RUN INPUT} on a Fashion-MNIST MLP trained one epoch: an image file and a CSV row of the same test image. */
class PredictCommandTest {

  private static final Path FASHION_DIR = Path.of("..", "sample-projects", "fashion-mnist-mlp");
  private static final String RUN = "run-predict";

  @TempDir static Path workspace;
  private static Dataset test;

  @BeforeAll
  static void trainOneEpochWithCheckpoints() throws Exception {
    Project f = ProjectFiles.read(FASHION_DIR);
    Project p = f.withDataset(((DatasetRef.Idx) f.dataset()).withUseFullWhenAvailable(false)).withTraining(f.training().withEpochs(1));
    Path checkpoints = CheckpointFolder.forRun(workspace, RUN);
    var end = new TrainingRun(new TrainingRequest(p, FASHION_DIR, "predict", RUN).withCheckpoints(checkpoints), new TrainingListener() {}).call();
    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    test = DatasetLoader.load(p.dataset(), FASHION_DIR, p.training()).test().orElseThrow();
  }

  private record Result(int exit, String out, String err) {}

  private static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }

  private static float[] sample(int i) {
    float[] s = new float[test.sampleSize()];
    for (int k = 0; k < s.length; k++) {
      s[k] = test.feature(i, k);
    }
    return s;
  }

  private static Path png(int i) throws Exception {
    BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    float[] s = sample(i);
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        img.getRaster().setSample(x, y, 0, Math.round(s[y * 28 + x] * 255));
      }
    }
    Path file = workspace.resolve("test-" + i + ".png");
    ImageIO.write(img, "png", file.toFile());
    return file;
  }

  private static Path csv(int i, boolean withLabel) throws Exception {
    StringJoiner header = new StringJoiner(",");
    StringJoiner row = new StringJoiner(",");
    for (float v : sample(i)) {
      header.add("p" + header.length());
      row.add(Float.toString(v));
    }
    if (withLabel) {
      row.add(Integer.toString(test.label(i)));
    }
    Path file = workspace.resolve("test-" + i + (withLabel ? "-labelled" : "") + ".csv");
    Files.writeString(file, header + "\n" + row + "\n");
    return file;
  }

  @Test
  void anImageAndTheSameSampleAsACsvRowGetTheModelsPrediction() throws Exception {
    Prediction expected;
    try (Predictor predictor = Predictor.load(CheckpointFolder.forRun(workspace, RUN))) {
      expected = predictor.predict(sample(3));
      assertEquals(10, expected.ranked().size());
      assertEquals(1.0, expected.ranked().stream().mapToDouble(Prediction.ClassProbability::probability).sum(), 1e-5);
    }
    String line = String.format(Locale.ROOT, "Prediction: %s (%.1f%%)", expected.best().name(), expected.best().probability() * 100);

    Result image = cli("predict", RUN, png(3).toString(), "--workspace", workspace.toString(), "--top", "3");
    assertEquals(0, image.exit(), image.out() + image.err());
    assertTrue(image.out().contains(line), image.out());
    assertTrue(image.out().contains("Model: run " + RUN + " (Fashion-MNIST MLP), best checkpoint, after epoch 1"), image.out());
    assertTrue(image.out().contains("  3. "), image.out());
    assertTrue(!image.out().contains("  4. "), image.out());

    Result row = cli("predict", CheckpointFolder.forRun(workspace, RUN).toString(), csv(3, false).toString());
    assertEquals(0, row.exit(), row.out() + row.err());
    assertTrue(row.out().contains(line), row.out());
  }

  @Test
  void mistakesAreExplained() throws Exception {
    Result unknown = cli("predict", "no-such-run", png(0).toString(), "--workspace", workspace.toString());
    assertEquals(1, unknown.exit());
    assertTrue(unknown.err().contains("no checkpoints for no-such-run"), unknown.err());

    Result labelled = cli("predict", RUN, csv(0, true).toString(), "--workspace", workspace.toString());
    assertEquals(1, labelled.exit());
    assertTrue(labelled.err().contains("785 numbers but the model takes 784") && labelled.err().contains("remove the label column"), labelled.err());

    Result missing = cli("predict", RUN, workspace.resolve("nothing.png").toString(), "--workspace", workspace.toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }
}
