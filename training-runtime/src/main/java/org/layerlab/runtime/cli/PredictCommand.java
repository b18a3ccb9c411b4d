package org.layerlab.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerlab.runtime.checkpoint.CheckpointFolder;
import org.layerlab.runtime.train.Prediction;
import org.layerlab.runtime.train.Predictor;
import org.layerlab.runtime.train.SampleFiles;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Classifies an image file or a CSV row with the model a run trained. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description =
        "Classify an image file or a row of a CSV file with the model of a run that kept checkpoints; a regression's model prints"
            + " the values it predicts.")
final class PredictCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN", description = "A run id of the workspace, or a run's checkpoint folder.")
  String run;

  @Parameters(index = "1", paramLabel = "INPUT", description = "An image (PNG, JPEG, GIF, BMP) or a CSV file of numbers.")
  Path input;

  @Option(names = "--row", paramLabel = "N", defaultValue = "1", description = "The CSV row to classify, from 1 (default: 1).")
  int row;

  @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "How many classes to list (default: 5).")
  int top;

  @Option(
      names = "--invert",
      description = "Invert an image's brightness: for dark-on-light pictures given to a model trained on light-on-dark images.")
  boolean invert;

  @Mixin WorkspaceOption workspaceOption;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (top < 1) {
      err.println("Error: --top must be 1 or more, got " + top);
      return 2;
    }
    Path folder = Path.of(run);
    String label = run;
    if (!Files.isDirectory(folder)) {
      try (Workspace ws = workspaceOption.open()) {
        folder = CheckpointFolder.forRun(ws.home(), run);
        label = "run " + run;
      }
      if (!Files.isDirectory(folder)) {
        err.println(
            "Error: no checkpoints for "
                + run
                + " at "
                + folder
                + ": give the id of a run that kept checkpoints (./layerlab runs lists them) or a checkpoint folder.");
        return 1;
      }
    }
    if (!Files.isRegularFile(input)) {
      err.println("Error: " + input + ": no such file.");
      return 1;
    }
    try (Predictor predictor = Predictor.load(folder)) {
      float[] sample =
          SampleFiles.isImage(input)
              ? SampleFiles.readImage(input, predictor.sampleShape(), invert)
              : SampleFiles.readCsvRow(input, row, predictor.sampleShape());
      out.printf("Model: %s (%s), %s%n", label, predictor.project().name(), predictor.describeCheckpoint());
      out.printf("Input: %s as %s%n", input, predictor.sampleShape());
      predictor.scaling().ifPresent(s -> out.printf("Scaled as the training data was: %s%n", s.describe()));
      if (predictor.isRegression()) {
        float[] values = predictor.predictValues(sample);
        for (int k = 0; k < values.length; k++) {
          out.printf(Locale.ROOT, "Prediction: %s = %.6g%n", predictor.targetNames().get(k), values[k]);
        }
        return 0;
      }
      Prediction p = predictor.predict(sample);
      out.printf(Locale.ROOT, "Prediction: %s (%.1f%%)%n", p.best().name(), p.best().probability() * 100);
      int width = predictor.classNames().stream().mapToInt(String::length).max().orElse(5);
      for (int i = 0; i < Math.min(top, p.ranked().size()); i++) {
        Prediction.ClassProbability c = p.ranked().get(i);
        out.printf(Locale.ROOT, "  %d. %-" + width + "s  %6.2f%%%n", i + 1, c.name(), c.probability() * 100);
      }
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      return 1;
    }
  }
}
