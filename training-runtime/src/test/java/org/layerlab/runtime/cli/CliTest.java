package org.layerlab.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TrainingTags;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;
import org.layerlab.runtime.workspace.Workspace;

class CliTest {

  private static final Path SPIRAL = Path.of("..", "sample-projects", "spiral");

  @TempDir Path workspace;

  private record Result(int exit, String out, String err) {}

  private Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void trainSpiralExitsZeroPrintsFinalAccuracyAndRecordsAFinishedRun() throws Exception {
    Result r = cli("train", SPIRAL.toString(), "--workspace", workspace.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    Matcher m = Pattern.compile("Final validation accuracy: (\\d\\.\\d{4})").matcher(r.out());
    assertTrue(m.find(), r.out());
    double printed = Double.parseDouble(m.group(1));
    assertTrue(printed >= 0.95, "spiral should reach 0.95, printed " + printed);

    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      List<RunSummary> runs = store.listRuns();
      assertEquals(1, runs.size());
      RunSummary run = runs.get(0);
      assertEquals(RunStatus.FINISHED, run.status());
      assertEquals(printed, run.finalValidationAccuracy(), 0.00005, "printed and stored accuracy agree");
      assertTrue(r.out().contains(run.id()), "the output names the run id");
      assertEquals(40, store.metrics(run.id(), MetricTags.VALIDATION_ACCURACY).size(), "one validation point per epoch");
      assertTrue(store.metrics(run.id(), MetricTags.STEP_LOSS).size() > 40, "step losses recorded");
      assertEquals(
          store.metrics(run.id(), MetricTags.STEP_LOSS).size(),
          store.metrics(run.id(), TrainingTags.STEP_LEARNING_RATE).size(),
          "a learning rate for every step");
      assertEquals(40, store.metrics(run.id(), TrainingTags.VALIDATION_MACRO_F1).size(), "macro F1 per epoch");
      assertEquals(1, store.metrics(run.id(), TrainingTags.TEST_ACCURACY).size(), "the held-out report's accuracy");
      List<String> kept = store.artifacts(run.id()).stream().map(a -> a.description()).sorted().toList();
      assertEquals(3, kept.size(), "the best and the last checkpoint and the test report: " + kept);
      assertTrue(kept.get(0).startsWith("best checkpoint") && kept.get(1).startsWith("last checkpoint after epoch 40"), kept.toString());
      assertTrue(store.artifacts(run.id()).stream().allMatch(a -> a.sizeBytes() > 0 && Files.exists(Path.of(a.path()))));
      Path report =
          store.artifacts(run.id()).stream()
              .filter(a -> a.kind() == org.layerlab.runtime.store.Artifact.Kind.EVALUATION)
              .map(a -> Path.of(a.path()))
              .findFirst()
              .orElseThrow();
      com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
      long counted = 0;
      for (com.fasterxml.jackson.databind.JsonNode row : json.get("confusion")) {
        for (com.fasterxml.jackson.databind.JsonNode cell : row) {
          counted += cell.asLong();
        }
      }
      assertEquals(json.get("scores").get("samples").asLong(), counted, "the confusion matrix counts every held-out sample");
      assertEquals(3, json.get("perClass").size());
    }

    Result listed = cli("runs", "--workspace", workspace.toString());
    assertEquals(0, listed.exit());
    assertTrue(listed.out().contains("FINISHED"), listed.out());

    // The run kept its checkpoints in the workspace, so its model classifies a new point.
    Path row = workspace.resolve("row.csv");
    Files.writeString(row, "x,y\n0.5,0.1\n");
    Result predicted;
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      predicted = cli("predict", store.listRuns().get(0).id(), row.toString(), "--workspace", workspace.toString());
    }
    assertEquals(0, predicted.exit(), predicted.out() + predicted.err());
    assertTrue(predicted.out().matches("(?s).*Prediction: arm [123] .*"), predicted.out());
  }

  @Test
  void epochsOptionOverridesTheProject() {
    Result r = cli("train", SPIRAL.toString(), "--epochs", "2", "--name", "short", "--workspace", workspace.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("epoch 2/2"), r.out());
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      assertEquals("short", store.listRuns().get(0).name());
    }
  }

  @Test
  void aMissingProjectNamesTheFileAndRecordsNothing() {
    Result r = cli("train", workspace.resolve("nowhere").toString(), "--workspace", workspace.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("nowhere") && r.err().contains("project.json"), r.err());
    assertTrue(!Files.exists(workspace.resolve(Workspace.RUN_STORE_FILE)), "no store was created for a failed start");
  }

  @Test
  void runsOnAnEmptyWorkspaceSaysHowToTrain() {
    Result r = cli("runs", "--workspace", workspace.toString());
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("No runs yet"), r.out());
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Result r = cli("fly");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("fly"), r.err());
  }

  @Test
  void trainWithSeedsRecordsAGroupOfRunsAndSummarisesIt() {
    Result r = cli("train", SPIRAL.toString(), "--epochs", "2", "--seeds", "2", "--group", "twice", "--tag", "ci", "--workspace", workspace.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("Training Spiral 2 times as group twice, seeds [42, 43]"), r.out());
    assertTrue(r.out().contains("Final validation accuracy over 2 runs: mean"), r.out());
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      List<org.layerlab.runtime.store.RunEntry> runs =
          store.findRuns(org.layerlab.runtime.store.RunFilter.ALL.withGroupId("twice"));
      assertEquals(2, runs.size());
      assertEquals(List.of(43L, 42L), runs.stream().map(org.layerlab.runtime.store.RunEntry::seed).toList());
      assertTrue(runs.stream().allMatch(e -> e.labels().equals(List.of("ci"))));
      assertTrue(runs.stream().allMatch(e -> store.provenance(e.id()).isPresent()), "each run has its provenance");
    }
    assertEquals(2, cli("train", SPIRAL.toString(), "--seeds", "0", "--workspace", workspace.toString()).exit());
    assertEquals(2, cli("train", SPIRAL.toString(), "--group", "g", "--workspace", workspace.toString()).exit());
  }

  @Test
  void versionIsTheOneProvenanceRecords() {
    Result r = cli("--version");
    assertEquals(0, r.exit());
    assertEquals("Layerlab " + org.layerlab.runtime.tracking.Provenance.Versions.LAYERLAB, r.out().strip());
  }
}
