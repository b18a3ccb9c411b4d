package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.model.project.TrainingSettings.LossFunction;
import org.layerlab.model.project.TrainingSettings.LossKind;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.data.LoadedData;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.EpochRegressionScores;
import org.layerlab.runtime.events.EpochScores;
import org.layerlab.runtime.events.RegressionReport;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TestReport;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.events.WorstPrediction;

/** Regression end to end: float targets in batches, the regression losses, MAE / RMSE / R-squared per epoch and the final report. */
class RegressionTrainingTest {

  @TempDir Path dir;

  /** Every regression event of a run. */
  static class Events implements TrainingListener {
    final List<StepMetrics> steps = new ArrayList<>();
    final List<EpochMetrics> epochs = new ArrayList<>();
    final List<EpochRegressionScores> scores = new ArrayList<>();
    final List<EpochScores> classificationScores = new ArrayList<>();
    final List<RegressionReport> reports = new ArrayList<>();
    final List<TestReport> testReports = new ArrayList<>();

    @Override
    public void onStep(StepMetrics m) {
      steps.add(m);
    }

    @Override
    public void onEpoch(EpochMetrics m) {
      epochs.add(m);
    }

    @Override
    public void onEpochRegressionScores(EpochRegressionScores s) {
      scores.add(s);
    }

    @Override
    public void onEpochScores(EpochScores s) {
      classificationScores.add(s);
    }

    @Override
    public void onRegressionReport(RegressionReport r) {
      reports.add(r);
    }

    @Override
    public void onTestReport(TestReport r) {
      testReports.add(r);
    }
  }

  private Project project(String layers, String dataset, String training) throws Exception {
    String json =
        "{\"format\": \"layerlab-project\", \"version\": 1, \"name\": \"R\", \"model\": {\"layers\": [{\"id\": \"input\", \"type\":"
            + " \"Input\", \"settings\": {\"shape\": [1]}}, "
            + layers
            + "]}, \"dataset\": "
            + dataset
            + ", \"training\": "
            + training
            + "}";
    return ProjectFiles.parse(json, dir.resolve("project.json"));
  }

  private static final String LINEAR = "{\"id\": \"out\", \"type\": \"Dense\", \"settings\": {\"units\": 1}}";
  private static final String SINE = "{\"type\": \"synthetic\", \"kind\": \"sine\", \"samples\": 600, \"noise\": 0.1, \"seed\": 3, \"testFraction\": 0.2}";

  /** y = 2x + 1 at {@code n} points x uniform in [-1, 1], drawn with {@code seed}. */
  private static Dataset line(String name, int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (2 * r.nextDouble() - 1);
      y[i] = 2 * x[i] + 1;
    }
    return Dataset.regression(name, x, y, Shape.of(1), List.of("y"));
  }

  private Events train(Project p, LoadedData data, RunStatus expected) {
    Events events = new Events();
    TrainingRequest request = new TrainingRequest(p, dir, "regression", null);
    RunEnded end = new TrainingRun(data == null ? request : request.withData(data), events).call();
    assertEquals(expected, end.status(), end.message());
    return events;
  }

  @Test
  void aLinearModelLearnsALine() throws Exception {
    Project p =
        project(LINEAR, SINE, "{\"optimizer\": \"adam\", \"learningRate\": 0.05, \"batchSize\": 16, \"epochs\": 25, \"seed\": 1, \"validationFraction\": 0.2, \"loss\": {\"type\": \"mse\"}}");
    LoadedData data = new LoadedData(line("train", 320, 1), line("validation", 80, 2), Optional.of(line("test", 100, 3)), "the line y = 2x + 1");

    Events e = train(p, data, RunStatus.FINISHED);

    assertEquals(25, e.scores.size(), "one regression score per epoch");
    assertTrue(e.classificationScores.isEmpty() && e.testReports.isEmpty(), "no accuracy or confusion for a regression");
    assertTrue(e.steps.stream().allMatch(s -> Double.isNaN(s.accuracy())), "a regression step has no accuracy");
    assertTrue(e.epochs.stream().allMatch(m -> Double.isNaN(m.validationAccuracy()) && Double.isFinite(m.validationLoss())));
    EpochRegressionScores last = e.scores.get(e.scores.size() - 1);
    assertTrue(last.validation().rSquared() > 0.99, "validation R² " + last.validation().rSquared());
    assertTrue(last.train().rSquared() > 0.99, "train R² " + last.train().rSquared());
    assertTrue(e.scores.get(0).validation().meanAbsoluteError() > last.validation().meanAbsoluteError(), "the error falls");
    assertTrue(last.validation().rootMeanSquaredError() >= last.validation().meanAbsoluteError(), "RMSE is never below MAE");
    assertEquals(80, last.validation().samples());

    RegressionReport report = e.reports.get(0);
    assertEquals("test", report.set());
    assertEquals(100, report.scores().samples());
    assertTrue(report.scores().rSquared() > 0.99, "test R² " + report.scores().rSquared());
    assertEquals(List.of("y"), report.targetNames());
    List<WorstPrediction> worst = report.worst();
    assertFalse(worst.isEmpty());
    for (int i = 1; i < worst.size(); i++) {
      assertTrue(worst.get(i - 1).absoluteError() >= worst.get(i).absoluteError(), "worst first");
    }
    WorstPrediction first = worst.get(0);
    assertEquals(Math.abs(first.predictions().get(0) - first.targets().get(0)), first.absoluteError(), 1e-6);
    assertEquals(report.maxAbsoluteError(), first.absoluteError(), 1e-6);
    assertTrue(report.medianAbsoluteError() <= report.p90AbsoluteError() && report.p90AbsoluteError() <= report.maxAbsoluteError());
    // The test set's own targets, y = 2x + 1 with x in [-1, 1]: the worst sample's target lies on the line.
    assertTrue(first.targets().get(0) >= -1 - 1e-5 && first.targets().get(0) <= 3 + 1e-5);
  }

  @ParameterizedTest
  @EnumSource(value = LossKind.class, names = {"MEAN_SQUARED_ERROR", "L1", "HUBER"})
  void everyRegressionLossFitsTheLine(LossKind kind) throws Exception {
    Project p =
        project(LINEAR, SINE, "{\"optimizer\": \"adam\", \"learningRate\": 0.05, \"batchSize\": 16, \"epochs\": 25, \"seed\": 1, \"validationFraction\": 0.2}");
    p = p.withTraining(p.training().withLoss(LossFunction.of(kind)));
    LoadedData data = new LoadedData(line("train", 320, 1), line("validation", 80, 2), Optional.empty(), "the line y = 2x + 1");

    Events e = train(p, data, RunStatus.FINISHED);

    EpochRegressionScores last = e.scores.get(e.scores.size() - 1);
    assertTrue(last.validation().rSquared() > 0.98, kind + ": validation R² " + last.validation().rSquared());
    assertEquals("validation", e.reports.get(0).set(), "without a test split the report measures the validation set");
  }

  @Test
  void anMlpFitsANoisySineFarBetterThanAConstant() throws Exception {
    Project p =
        project(
            "{\"id\": \"h1\", \"type\": \"Dense\", \"settings\": {\"units\": 32, \"activation\": \"tanh\"}},"
                + " {\"id\": \"h2\", \"type\": \"Dense\", \"settings\": {\"units\": 32, \"activation\": \"tanh\"}}, "
                + LINEAR,
            SINE,
            "{\"optimizer\": \"adam\", \"learningRate\": 0.01, \"batchSize\": 32, \"epochs\": 60, \"seed\": 1, \"validationFraction\": 0.2, \"loss\": {\"type\": \"mse\"}}");
    // The best any model can do on this data is the noise-free sine itself: its R-squared on the validation set is the ceiling.
    LoadedData data = DatasetLoader.load(p.dataset(), dir, p.training());
    Dataset validation = data.validation();
    double[] truth = new double[validation.size()];
    double[] ideal = new double[validation.size()];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = validation.target(i, 0);
      ideal[i] = Math.sin(validation.feature(i, 0));
    }
    double ceiling = rSquared(truth, ideal);
    double constant = rSquared(truth, new double[truth.length]); // always predicting 0, the sine's mean
    assertTrue(ceiling > 0.9 && constant < 0.1, "the data is a sine with little noise: " + ceiling + ", " + constant);

    Events e = train(p, null, RunStatus.FINISHED);

    double reached = e.scores.get(e.scores.size() - 1).validation().rSquared();
    double threshold = constant + 0.9 * (ceiling - constant);
    assertTrue(reached > threshold, "validation R² " + reached + " should pass " + threshold + " (ceiling " + ceiling + ")");
    assertTrue(e.reports.get(0).scores().rSquared() > threshold, "test R² " + e.reports.get(0).scores().rSquared());
  }

  /** A regression's checkpoint has no accuracy (NaN): it is written, read back, and the run resumes from it. */
  @Test
  void aStoppedRegressionResumesFromItsCheckpoint() throws Exception {
    Project p =
        project(LINEAR, SINE, "{\"optimizer\": \"adam\", \"learningRate\": 0.05, \"batchSize\": 16, \"epochs\": 4, \"seed\": 1, \"validationFraction\": 0.2, \"loss\": {\"type\": \"mse\"}}");
    Path checkpoints = dir.resolve("checkpoints");
    java.util.concurrent.atomic.AtomicReference<TrainingRun> run = new java.util.concurrent.atomic.AtomicReference<>();
    Events first =
        new Events() {
          @Override
          public void onStep(StepMetrics m) {
            super.onStep(m);
            if (m.epoch() == 3) {
              run.get().stop();
            }
          }
        };
    run.set(new TrainingRun(new TrainingRequest(p, dir, "r", null).withCheckpoints(checkpoints), first));
    assertEquals(RunStatus.STOPPED, run.get().call().status());

    Events second = new Events();
    RunEnded end = new TrainingRun(new TrainingRequest(p, dir, "r", null).withCheckpoints(checkpoints).resuming(), second).call();
    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    assertEquals(List.of(3, 4), second.scores.stream().map(EpochRegressionScores::epoch).toList());
    assertEquals(first.steps.get(0).batchesPerEpoch() * 2L + 1, second.steps.get(0).step(), "steps numbered on from the checkpoint");
    assertTrue(end.message().contains("validation R\u00b2"), end.message());
  }

  @Test
  void earlyStoppingOnAccuracyIsRefusedForARegression() throws Exception {
    Project p =
        project(
            LINEAR,
            SINE,
            "{\"optimizer\": \"adam\", \"learningRate\": 0.05, \"batchSize\": 16, \"epochs\": 5, \"seed\": 1, \"validationFraction\": 0.2,"
                + " \"loss\": {\"type\": \"huber\"}, \"earlyStopping\": {\"metric\": \"validation_accuracy\", \"patience\": 2}}");
    Events events = new Events();
    RunEnded end = new TrainingRun(new TrainingRequest(p, dir, "r", null), events).call();
    assertEquals(RunStatus.FAILED, end.status());
    assertTrue(end.message().contains("early stopping watches validation_accuracy") && end.message().contains("validation_loss"), end.message());
    assertTrue(events.steps.isEmpty());
  }

  @Test
  void aClassifierMayStillTrainOnOneHotTargetsWithARegressionLoss() throws Exception {
    TrainingSettings t = TrainingSettings.defaults();
    assertTrue(TaskCheck.problem(t.withLoss(LossFunction.of(LossKind.MEAN_SQUARED_ERROR)), line("x", 4, 1)).isEmpty());
    assertTrue(TaskCheck.problem(t, line("x", 4, 1)).isPresent(), "softmax cross-entropy on a regression is refused");
  }

  private static double rSquared(double[] truth, double[] predicted) {
    double mean = 0;
    for (double v : truth) {
      mean += v / truth.length;
    }
    double residual = 0;
    double total = 0;
    for (int i = 0; i < truth.length; i++) {
      residual += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
      total += (truth[i] - mean) * (truth[i] - mean);
    }
    return 1 - residual / total;
  }
}
