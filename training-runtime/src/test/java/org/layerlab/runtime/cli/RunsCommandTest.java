package org.layerlab.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunFilter;
import org.layerlab.runtime.store.RunOptions;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.tracking.Provenance;
import org.layerlab.runtime.workspace.Workspace;

/** {@code layerlab runs ...} on a workspace filled through the store: five finished runs in two groups of seeds, one failed run. */
class RunsCommandTest {

  @TempDir Path workspace;

  private final List<String> fast = new ArrayList<>();
  private final List<String> slow = new ArrayList<>();
  private String failed;

  private record Result(int exit, String out, String err) {}

  private Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("-w");
    all.add(workspace.toString());
    int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(new String[0]));
    return new Result(exit, out.toString(), err.toString());
  }

  private static Project project(double learningRate, long seed) {
    return new Project(
        "Spiral", "", ModelSpec.of(), new DatasetRef.Spiral(3, 50, 0.1, 5), TrainingSettings.defaults().withLearningRate(learningRate).withSeed(seed));
  }

  private static String record(RunStore store, Project p, String name, String group, long start, double accuracy) {
    String id = store.createRun(name, p.name(), ProjectFiles.toJson(p), start, new RunOptions(group, List.of(), ""));
    store.recordStart(id, 10, null);
    List<MetricPoint> points = new ArrayList<>();
    for (int step = 1; step <= 20; step++) {
      points.add(new MetricPoint(MetricTags.STEP_LOSS, step, start + 10L * step, 1.0 / step + (1 - accuracy)));
    }
    for (int epoch = 1; epoch <= 2; epoch++) {
      points.add(new MetricPoint(MetricTags.VALIDATION_ACCURACY, epoch, start + 100L * epoch, accuracy - 0.1 * (2 - epoch)));
      points.add(new MetricPoint(MetricTags.VALIDATION_LOSS, epoch, start + 100L * epoch, 1 - accuracy));
    }
    store.appendMetrics(id, points);
    store.endRun(id, RunStatus.FINISHED, start + 300, accuracy, "done");
    return id;
  }

  @BeforeEach
  void fill() {
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      double[] fastAcc = {0.91, 0.93, 0.92};
      double[] slowAcc = {0.85, 0.86, 0.84};
      for (int i = 0; i < 3; i++) {
        fast.add(record(store, project(0.01, i), "fast seed " + i, "fast", 1000 + i * 1000L, fastAcc[i]));
        slow.add(record(store, project(0.001, i), "slow seed " + i, "slow", 10_000 + i * 1000L, slowAcc[i]));
      }
      failed = store.createRun("broken", "Other", ProjectFiles.toJson(project(0.5, 9)), 50_000);
      store.endRun(failed, RunStatus.FAILED, 50_001, Double.NaN, "The data could not be loaded");
      store.addLabels(fast.get(0), List.of("baseline"));
      store.setNotes(slow.get(2), "Learning rate too LOW?");
    }
  }

  private RunEntry entry(String id) {
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      return store.entry(id).orElseThrow();
    }
  }

  private static int lines(String out) {
    return (int) out.lines().count();
  }

  @Test
  void runsAloneListsExactlyAsRunsList() {
    Result bare = cli("runs");
    Result list = cli("runs", "list");
    assertEquals(0, bare.exit(), bare.err());
    assertEquals(list.out(), bare.out());
    assertEquals(1 + 7, lines(bare.out()), "a header and seven runs");
    assertTrue(bare.out().lines().skip(1).findFirst().orElseThrow().startsWith(failed), "newest first");
    assertEquals(cli("runs", "list", "--status", "failed").out(), cli("runs", "--status", "failed").out(), "filters work without list");
  }

  @Test
  void listFiltersByStatusTagProjectTextAndGroup() {
    Result failedOnly = cli("runs", "list", "--status", "FAILED");
    assertEquals(2, lines(failedOnly.out()));
    assertTrue(failedOnly.out().contains("broken"));
    assertEquals(2, lines(cli("runs", "list", "--tag", "baseline").out()));
    assertEquals(2, lines(cli("runs", "list", "--project", "Other").out()));
    assertTrue(cli("runs", "list", "--text", "too low").out().contains(slow.get(2)), "notes are searched, ignoring case");
    assertEquals(4, lines(cli("runs", "list", "--group", "slow").out()));
    assertEquals(3, lines(cli("runs", "list", "--status", "finished,failed", "--limit", "2").out()));
    assertTrue(cli("runs", "list", "--tag", "nothing").out().contains("No runs match these filters."));
  }

  @Test
  void listSortsByABestOrFinalValueBestFirstAndShowsIt() {
    Result best = cli("runs", "list", "--sort", "epoch/validation_accuracy:best");
    List<String> rows = best.out().lines().skip(1).toList();
    assertTrue(rows.get(0).startsWith(fast.get(1)), best.out());
    assertTrue(rows.get(0).contains("0.9300"), best.out());
    assertTrue(best.out().lines().findFirst().orElseThrow().contains("BEST epoch/validation_accuracy"));
    assertTrue(rows.get(rows.size() - 1).startsWith(failed), "the run without the series comes last");
    Result lossAsc = cli("runs", "list", "--sort", "epoch/validation_loss");
    assertTrue(lossAsc.out().lines().skip(1).findFirst().orElseThrow().startsWith(fast.get(1)), "lowest loss first");
    Result lossDesc = cli("runs", "list", "--sort", "epoch/validation_loss", "--desc");
    assertTrue(lossDesc.out().lines().skip(1).findFirst().orElseThrow().startsWith(slow.get(2)), lossDesc.out());
  }

  @Test
  void tagRenameNoteArchiveAndDeleteCurateRunsNamedByTheirFirstLetters() {
    String id = fast.get(2);
    String prefix = id.substring(0, 6);
    Result tag = cli("runs", "tag", prefix, "--add", "keep,paper", "--remove", "nothing");
    assertEquals(0, tag.exit(), tag.err());
    assertTrue(tag.out().contains(id + "  keep, paper"), tag.out());
    assertEquals(0, cli("runs", "rename", prefix, "the good one").exit());
    assertEquals(0, cli("runs", "note", prefix, "first line").exit());
    assertEquals(0, cli("runs", "note", prefix, "second line", "--append").exit());
    RunEntry e = entry(id);
    assertEquals("the good one", e.name());
    assertEquals(List.of("keep", "paper"), e.labels());
    assertEquals("first line\nsecond line", e.notes());

    assertEquals(0, cli("runs", "archive", prefix).exit());
    assertFalse(cli("runs").out().contains(id), "archived runs are left out");
    assertTrue(cli("runs", "list", "--archived").out().contains(id));
    assertTrue(cli("runs", "list", "--all").out().contains(id + "  FINISHED"));
    assertEquals(0, cli("runs", "archive", prefix, "--undo").exit());
    assertTrue(cli("runs").out().contains(id));

    Result gone = cli("runs", "delete", prefix);
    assertEquals(0, gone.exit(), gone.err());
    assertFalse(cli("runs").out().contains(id));
    Result unknown = cli("runs", "show", prefix);
    assertEquals(1, unknown.exit());
    assertTrue(unknown.err().contains("no run has an id starting with '" + prefix + "'"), unknown.err());
  }

  @Test
  void deleteByFilterOnlyListsUntilYesIsGiven() {
    Result dry = cli("runs", "delete", "--status", "failed");
    assertEquals(0, dry.exit());
    assertTrue(dry.out().contains("1 run would be deleted: add --yes"), dry.out());
    assertTrue(cli("runs").out().contains(failed));
    assertEquals(0, cli("runs", "delete", "--status", "failed", "--yes").exit());
    assertFalse(cli("runs").out().contains(failed));
    assertEquals(1, cli("runs", "delete").exit(), "nothing named, nothing selected");
  }

  @Test
  void anAmbiguousPrefixIsRefusedNamingTheCandidates() {
    // Ids are 12 hex digits: among seven runs some share a first digit often, but not always; build the case directly.
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      List<String> all = store.listRuns().stream().map(r -> r.id()).toList();
      for (String a : all) {
        for (String b : all) {
          if (!a.equals(b) && a.charAt(0) == b.charAt(0)) {
            Result r = cli("runs", "show", a.substring(0, 1));
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("give more of the id"), r.err());
            return;
          }
        }
      }
    }
  }

  @Test
  void showPrintsTheRecordProvenanceAndResults() {
    String id = fast.get(0);
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      store.recordStart(id, null, Provenance.capture(project(0.01, 0), workspace).toJson());
    }
    Result r = cli("runs", "show", id, "--config");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("Run " + id + "  fast seed 0"), r.out());
    assertTrue(r.out().contains("group        fast"), r.out());
    assertTrue(r.out().contains("tags         baseline"), r.out());
    assertTrue(r.out().contains("(seed 0)"), r.out());
    assertTrue(r.out().contains("DJL 0.36.0, PyTorch 2.7.1"), r.out());
    assertTrue(r.out().contains("device       cpu()"), r.out());
    assertTrue(r.out().contains("epoch/validation_accuracy"), r.out());
    assertTrue(r.out().contains("\"learningRate\" : 0.01"), "--config prints the project: " + r.out());
    assertTrue(cli("runs", "show", failed).out().contains("Provenance: none recorded"));
  }

  @Test
  void compareShowsOnlyTheSettingsThatDifferTheirResultsAndTheSeriesSideBySide() {
    Result r = cli("runs", "compare", fast.get(0), slow.get(0), "--metric", "epoch/validation_accuracy", "--by", "epoch");
    assertEquals(0, r.exit(), r.err());
    String out = r.out();
    assertTrue(out.contains("Configuration differences (1 setting)"), out);
    assertTrue(out.contains("training.learningRate  0.01            0.001"), out);
    assertFalse(out.contains("training.batchSize"), "settings that agree are not listed");
    assertTrue(out.contains("learningRate"), out);
    assertTrue(out.contains("final val_acc"), out);
    assertTrue(out.contains("Series epoch/validation_accuracy by epoch"), out);
    assertTrue(out.contains("           2      0.9100      0.8500"), out);
    assertFalse(out.contains("Groups:"), "runs of one group each are not a group comparison");
  }

  @Test
  void comparingTwoGroupsOfTheSameSeedsGivesTheirSpreadAndAPairedTestInWords() {
    Result r = cli("runs", "compare", "--group", "fast", "--group", "slow");
    assertEquals(0, r.exit(), r.err());
    String out = r.out();
    assertTrue(out.contains("Comparing 6 runs"), out);
    assertTrue(out.contains("group fast: 3 runs, seeds [0, 1, 2]"), out);
    assertTrue(out.contains("step 2        0.9200 ± 0.0100  (n=3, range 0.9100 to 0.9300)"), out);
    // Differences per seed 0.06, 0.07, 0.08: mean 0.07, sd 0.01, t = 12.12 with 2 df, p = 0.0067.
    assertTrue(out.contains("Paired t-test (both groups ran the same seeds): t = 12.12, df = 2.0, p = 0.007"), out);
    assertTrue(out.contains("significant at the 5% level: group fast is better."), out);
  }

  @Test
  void compareNeedsTwoRunsAndNamesAnUnknownGroup() {
    assertEquals(1, cli("runs", "compare", fast.get(0)).exit());
    Result r = cli("runs", "compare", "--group", "nope");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("no run belongs to group 'nope'"), r.err());
  }

  @Test
  void exportWritesCsvJsonAndTensorBoardAndTheTensorBoardFolderImportsBack() throws Exception {
    Path csv = workspace.resolve("out/runs.csv");
    Result c = cli("runs", "export", "--group", "fast", "--format", "csv", "--out", csv.toString());
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().contains("Exported 3 runs as csv"), c.out());
    assertEquals(1 + 3 * (20 + 2 + 2), Files.readAllLines(csv).size(), "a header and every point of the three runs");

    Path json = workspace.resolve("out/one.json");
    assertEquals(0, cli("runs", "export", fast.get(0).substring(0, 8), "--format", "json", "-o", json.toString()).exit());
    assertTrue(Files.readString(json).contains("\"id\" : \"" + fast.get(0) + "\""));

    Path logs = workspace.resolve("out/tb");
    assertEquals(0, cli("runs", "export", slow.get(0), slow.get(1), "--format", "tensorboard", "--out", logs.toString()).exit());
    Result imported = cli("runs", "import", logs.toString());
    assertEquals(0, imported.exit(), imported.err());
    assertTrue(imported.out().contains("Imported 2 new runs"), imported.out());
    assertTrue(cli("runs", "import", logs.toString()).out().contains("Imported 0 new runs"), "a folder is imported once");
    try (RunStore store = RunStore.open(workspace.resolve(Workspace.RUN_STORE_FILE))) {
      List<RunEntry> all = store.findRuns(RunFilter.ALL);
      assertEquals(9, all.size());
      assertEquals(2, all.stream().filter(RunEntry::readOnly).count());
    }
    assertEquals(1, cli("runs", "export", "--format", "xml", "--out", json.toString()).exit());
  }
}
