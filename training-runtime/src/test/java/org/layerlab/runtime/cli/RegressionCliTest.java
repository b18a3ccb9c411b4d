package org.layerlab.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TrainingTags;
import org.layerlab.runtime.store.Artifact;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;
import org.layerlab.runtime.workspace.Workspace;

/** The regression sample trained from the command line: its errors reach the printout, the run store and {@code runs show}. */
class RegressionCliTest {

  private static final Path SINE = Path.of("..", "sample-projects", "sine-regression");

  @TempDir Path workspace;

  private record Result(int exit, String out, String err) {}

  private Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void theSineSampleTrainsRecordsItsErrorsAndShowsThem() throws Exception {
    Result r = cli("train", SINE.toString(), "--epochs", "20", "--workspace", workspace.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("val_r2"), r.out());
    assertFalse(r.out().contains("acc NaN"), r.out());
    assertTrue(r.out().contains("Test R\u00b2"), r.out());

    String id;
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      RunSummary run = store.listRuns().get(0);
      id = run.id();
      assertEquals(RunStatus.FINISHED, run.status());
      assertEquals(20, store.metrics(id, TrainingTags.VALIDATION_R2).size(), "R² per epoch");
      assertEquals(20, store.metrics(id, TrainingTags.TRAIN_MAE).size(), "training MAE per epoch");
      assertEquals(20, store.metrics(id, TrainingTags.VALIDATION_RMSE).size(), "validation RMSE per epoch");
      assertEquals(1, store.metrics(id, TrainingTags.TEST_R2).size());
      assertTrue(store.metrics(id, MetricTags.STEP_ACCURACY).isEmpty(), "no accuracy series for a regression");
      assertTrue(store.metrics(id, MetricTags.VALIDATION_ACCURACY).isEmpty());
      assertTrue(store.entry(id).orElseThrow().metrics().get(TrainingTags.VALIDATION_MAE).best()
          <= store.metrics(id, TrainingTags.VALIDATION_MAE).get(0).value(), "the best MAE is the lowest");
      Path report =
          store.artifacts(id).stream().filter(a -> a.kind() == Artifact.Kind.EVALUATION).map(a -> Path.of(a.path())).findFirst().orElseThrow();
      JsonNode json = new ObjectMapper().readTree(report.toFile());
      assertEquals("test", json.get("set").asText());
      assertEquals(160, json.get("scores").get("samples").asInt(), "a fifth of 800 samples is the test split");
      assertTrue(json.get("worst").size() > 0);
      assertTrue(json.get("confusion") == null, "no confusion matrix for a regression");
    }

    Result show = cli("runs", "show", id, "--workspace", workspace.toString());
    assertEquals(0, show.exit(), show.err());
    for (String tag : List.of(TrainingTags.VALIDATION_MAE, TrainingTags.VALIDATION_RMSE, TrainingTags.VALIDATION_R2, TrainingTags.TEST_R2)) {
      assertTrue(show.out().contains(tag), tag + " in\n" + show.out());
    }

    // predict gives the number the model learned: near sin(x) at the rows' x, not a class.
    Path rows = workspace.resolve("x.csv");
    java.nio.file.Files.writeString(rows, "x\n1.2\n-2.0\n");
    for (int row = 1; row <= 2; row++) {
      double x = row == 1 ? 1.2 : -2.0;
      Result p = cli("predict", id, rows.toString(), "--row", String.valueOf(row), "--workspace", workspace.toString());
      assertEquals(0, p.exit(), p.err());
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("Prediction: y = (-?[0-9.eE+-]+)").matcher(p.out());
      assertTrue(m.find(), p.out());
      double predicted = Double.parseDouble(m.group(1));
      assertEquals(Math.sin(x), predicted, 0.25, "the sine at " + x + ": " + p.out());
      assertFalse(p.out().contains("%"), "no class probabilities for a regression: " + p.out());
    }
  }
}
