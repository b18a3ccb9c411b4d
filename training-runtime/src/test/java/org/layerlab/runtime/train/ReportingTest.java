package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings.Reporting;
import org.layerlab.runtime.events.MisclassifiedSample;
import org.layerlab.runtime.events.ParameterHistogram;
import org.layerlab.runtime.events.ParameterHistograms;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TestReport;

/** Histograms every N steps, and the final report on the test split, for the Fashion-MNIST MLP on its shipped subset. */
class ReportingTest {

  private static final Path FASHION_DIR = Path.of("..", "sample-projects", "fashion-mnist-mlp");
  private static final Path SPIRAL_DIR = Path.of("..", "sample-projects", "spiral");

  static final class Reports extends RecordingListener {
    final List<ParameterHistograms> histograms = new ArrayList<>();
    final List<TestReport> reports = new ArrayList<>();

    @Override
    public void onHistograms(ParameterHistograms h) {
      histograms.add(h);
    }

    @Override
    public void onTestReport(TestReport r) {
      if (!ended.isEmpty()) {
        violations.add("test report after the run ended");
      }
      reports.add(r);
    }
  }

  @Test
  void histogramsEveryTwentyStepsAndATestReportAtTheEnd() throws Exception {
    Project f = ProjectFiles.read(FASHION_DIR);
    Project p =
        f.withDataset(((DatasetRef.Idx) f.dataset()).withUseFullWhenAvailable(false))
            .withTraining(f.training().withEpochs(1).withReporting(new Reporting(20, 8)));
    Reports events = new Reports();

    RunEnded end = new TrainingRun(new TrainingRequest(p, FASHION_DIR, "report", null), events).call();

    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    assertEquals(List.of(), events.violations);
    assertEquals(List.of(20L, 40L, 60L, 80L), events.histograms.stream().map(ParameterHistograms::step).toList());
    ParameterHistograms h = events.histograms.get(0);
    assertEquals(8, h.histograms().size(), "weights and gradients of dense1 and output, weight and bias each");
    ParameterHistogram weights = find(h, "dense1", "weight", ParameterHistogram.WEIGHTS);
    assertEquals(784L * 128, weights.count());
    assertEquals(784L * 128, Arrays.stream(weights.binCounts()).sum());
    ParameterHistogram grads = find(h, "output", "bias", ParameterHistogram.GRADIENTS);
    assertEquals(10, grads.count());
    assertTrue(grads.max() > grads.min());

    assertEquals(1, events.reports.size());
    TestReport r = events.reports.get(0);
    assertEquals("test", r.set());
    assertEquals(1000, r.scores().samples());
    assertEquals(10, r.perClass().size());
    assertEquals("Ankle boot", r.perClass().get(9).name());
    long total = 0;
    for (int c = 0; c < 10; c++) {
      long row = Arrays.stream(r.confusion()[c]).sum();
      assertEquals(100, row, "the subset has 100 test images per class");
      assertEquals(row, r.perClass().get(c).support());
      total += row;
    }
    assertEquals(1000, total);
    long right = 0;
    for (int c = 0; c < 10; c++) {
      right += r.confusion()[c][c];
    }
    assertEquals(right / 1000.0, r.scores().accuracy(), 1e-12);
    assertEquals(8, r.worst().size());
    for (int i = 1; i < r.worst().size(); i++) {
      assertTrue(r.worst().get(i - 1).loss() >= r.worst().get(i).loss());
    }
    MisclassifiedSample worst = r.worst().get(0);
    assertTrue(worst.predictedClass() != worst.trueClass() && worst.trueProbability() < 0.5, worst.toString());
    assertTrue(end.message().contains("Test accuracy"), end.message());
  }

  @Test
  void withoutATestSplitTheReportMeasuresTheValidationSet() throws Exception {
    Project s = ProjectFiles.read(SPIRAL_DIR);
    Reports events = new Reports();
    new TrainingRun(new TrainingRequest(s.withTraining(s.training().withEpochs(2)), SPIRAL_DIR, "spiral", null), events).call();
    assertEquals("validation", events.reports.get(0).set());
    assertEquals(180, events.reports.get(0).scores().samples());
    assertEquals(0, events.histograms.size(), "no histograms unless asked for");
  }

  private static ParameterHistogram find(ParameterHistograms h, String layer, String parameter, String kind) {
    ParameterHistogram found =
        h.histograms().stream()
            .filter(x -> x.layerId().equals(layer) && x.parameter().equals(parameter) && x.kind().equals(kind))
            .findFirst()
            .orElse(null);
    assertNotNull(found, layer + "/" + parameter + " " + kind);
    return found;
  }
}
