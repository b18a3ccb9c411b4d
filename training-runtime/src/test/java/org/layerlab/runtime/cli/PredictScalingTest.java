package org.layerlab.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Augmentation;
import org.layerlab.model.project.DatasetRef.Normalisation;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.Task;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.checkpoint.CheckpointFolder;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.data.FeatureScaling;
import org.layerlab.runtime.events.MisclassifiedSample;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TestReport;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.train.Predictor;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;

/** A run on standardised CSV data keeps its fitted normalisation, and {@code predict} applies it to a raw row. */
class PredictScalingTest {

  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }

  /**
   * Two features far from 0 and of very different spread: income near 50,000 and a rate near 0.02. The class depends on both
   * deviations, which only standardisation puts on a footing a small network learns quickly.
   */
  private void writeCsv(Path file, int rows) throws Exception {
    Random r = new Random(4);
    StringBuilder sb = new StringBuilder("income,rate,label\n");
    for (int i = 0; i < rows; i++) {
      double a = r.nextGaussian();
      double b = r.nextGaussian();
      sb.append(String.format(Locale.ROOT, "%.2f,%.6f,%s%n", 50_000 + 8_000 * a, 0.02 + 0.004 * b, a + b > 0 ? "high" : "low"));
    }
    Files.writeString(file, sb.toString());
  }

  private static String row(Dataset set, int sample) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < set.sampleSize(); k++) {
      sb.append(k == 0 ? "" : ",").append(set.feature(sample, k));
    }
    return sb.toString();
  }

  @Test
  void predictScalesARawRowAsTheTrainingDataWasAndAgreesWithEvaluation() throws Exception {
    writeCsv(dir.resolve("data.csv"), 500);
    Options standard = new Options(0.2, Normalisation.STANDARD, Augmentation.NONE);
    DatasetRef.Csv csv = new DatasetRef.Csv("loans", "data.csv", List.of("label"), List.of(), List.of(), Task.CLASSIFICATION, ',', standard);
    String model =
        "{\"format\": \"layerlab-project\", \"version\": 1, \"name\": \"Loans\", \"model\": {\"layers\": [{\"id\": \"input\", \"type\":"
            + " \"Input\", \"settings\": {\"shape\": [2]}}, {\"id\": \"h\", \"type\": \"Dense\", \"settings\": {\"units\": 16,"
            + " \"activation\": \"relu\"}}, {\"id\": \"out\", \"type\": \"Dense\", \"settings\": {\"units\": 2}}]},"
            + " \"dataset\": {\"type\": \"spiral\", \"classes\": 2, \"pointsPerClass\": 10, \"noise\": 0.1, \"seed\": 1},"
            + " \"training\": {\"optimizer\": \"adam\", \"learningRate\": 0.01, \"batchSize\": 32, \"epochs\": 15, \"seed\": 1, \"validationFraction\": 0.2}}";
    Project p = ProjectFiles.parse(model, dir.resolve("project.json")).withDataset(csv);
    // Every test sample appears in the report's list, each with the class the evaluation gave it.
    p = p.withTraining(p.training().withReporting(new TrainingSettings.Reporting(0, 1000)));
    Path checkpoints = CheckpointFolder.forRun(dir, "run");
    List<TestReport> reports = new ArrayList<>();
    RunEnded end =
        new TrainingRun(
                new TrainingRequest(p, dir, "loans", null).withCheckpoints(checkpoints),
                new TrainingListener() {
                  @Override
                  public void onTestReport(TestReport r) {
                    reports.add(r);
                  }
                })
            .call();
    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    TestReport report = reports.get(0);
    assertEquals("test", report.set());
    assertTrue(report.scores().accuracy() > 0.85, "the model learned: " + report.scores().accuracy());

    // The same test split with its raw values: the loader splits before it scales, so the order is the same.
    Project raw = p.withDataset(csv.withOptions(new Options(0.2, Normalisation.NONE, Augmentation.NONE)));
    Dataset rawTest = DatasetLoader.load(raw.dataset(), dir, raw.training()).test().orElseThrow();
    assertEquals(report.scores().samples(), rawTest.size());
    assertTrue(rawTest.feature(0, 0) > 10_000, "the rows are raw: " + rawTest.feature(0, 0));
    assertEquals(rawTest.size(), report.worst().size());

    FeatureScaling saved = FeatureScaling.fromJson(Files.readString(checkpoints.resolve(CheckpointFolder.SCALING_FILE)));
    assertEquals(Normalisation.STANDARD, saved.mode());
    assertEquals(50_000, saved.offsets()[0], 2_000, "the income mean of the training split");

    // The report measured the final weights; predict loads the best checkpoint when there is one. Without it, it loads the last,
    // the final weights, so that the two can be compared sample by sample.
    try (var files = Files.walk(checkpoints.resolve("best"))) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
    StringBuilder inputs = new StringBuilder("income,rate\n");
    try (Predictor predictor = Predictor.load(checkpoints)) {
      assertTrue(predictor.scaling().isPresent());
      for (MisclassifiedSample s : report.worst()) {
        float[] sample = {rawTest.feature(s.sample(), 0), rawTest.feature(s.sample(), 1)};
        assertEquals(s.predictedClass(), predictor.predict(sample).best().index(), "sample " + s.sample() + " as evaluated");
        assertEquals(s.predictedProbability(), predictor.predict(sample).best().probability(), 1e-4);
      }
      for (int i = 0; i < rawTest.size(); i++) {
        inputs.append(row(rawTest, i)).append('\n');
      }
    }
    Files.writeString(dir.resolve("inputs.csv"), inputs.toString());

    MisclassifiedSample first = report.worst().get(0);
    Result r = cli("predict", checkpoints.toString(), dir.resolve("inputs.csv").toString(), "--row", String.valueOf(first.sample() + 1));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("Scaled as the training data was: standardised"), r.out());
    assertTrue(r.out().contains("Prediction: " + report.classNames().get(first.predictedClass()) + " "), r.out());
  }
}
