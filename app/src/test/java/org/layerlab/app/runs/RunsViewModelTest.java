package org.layerlab.app.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.concurrent.SameThreadTaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.runs.RunFileChooser.ExportFormat;
import org.layerlab.model.LocalText;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.MetricSummary;
import org.layerlab.runtime.store.RunFilter;
import org.layerlab.runtime.store.RunOptions;
import org.layerlab.runtime.exchange.RunExporter;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.text.RuntimeMessages;
import org.layerlab.runtime.tracking.ConfigDiff;
import org.layerlab.runtime.tracking.GroupComparison;

class RunsViewModelTest {

  private static final long T0 = LocalDateTime.of(2026, 11, 29, 14, 3, 12).toInstant(ZoneOffset.UTC).toEpochMilli();
  private static final long NOW = T0 + Duration.ofDays(2).toMillis();

  @TempDir Path dir;
  private RunStore store;
  private SameThreadTaskExecutor executor;
  private TestRunChooser chooser;
  private RunsViewModel vm;

  @BeforeEach
  void setUp() {
    Messages.setLocale(Locale.ENGLISH);
    store = RunStore.open(dir.resolve("runs.db"));
    executor = new SameThreadTaskExecutor();
    chooser = new TestRunChooser();
    vm = new RunsViewModel(() -> store, executor, chooser, ZoneOffset.UTC, () -> NOW);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private static String config(double learningRate, long seed, String optimizer) {
    return "{\"name\":\"Spiral\",\"training\":{\"learningRate\":" + learningRate + ",\"seed\":" + seed + ",\"optimizer\":\"" + optimizer
        + "\",\"epochs\":3}}";
  }

  private String run(String name, String config, long startedAt, RunOptions options, double[] accuracy, double[] loss) {
    String id = store.createRun(name, "Spiral", config, startedAt, options);
    for (int e = 0; e < accuracy.length; e++) {
      store.appendMetrics(
          id,
          List.of(
              new MetricPoint(MetricTags.VALIDATION_ACCURACY, e + 1, startedAt + e, accuracy[e]),
              new MetricPoint(MetricTags.VALIDATION_LOSS, e + 1, startedAt + e, loss[e])));
    }
    store.endRun(id, RunStatus.FINISHED, startedAt + 65_000, accuracy[accuracy.length - 1], "Finished " + accuracy.length + " epochs.");
    return id;
  }

  private String finishedRun(String name, long startedAt, double[] accuracy, double[] loss) {
    return run(name, "{}", startedAt, RunOptions.NONE, accuracy, loss);
  }

  private List<String> names() {
    return vm.runs().stream().map(RunRow::name).toList();
  }

  @Test
  void refreshLoadsRowsNewestFirstThroughTheExecutor() {
    finishedRun("first", T0, new double[] {0.5, 0.9731}, new double[] {1.0, 0.3});
    String running = store.createRun("second", "Spiral", "{}", T0 + 100_000);

    vm.refresh();

    assertEquals(1, executor.executed());
    List<RunRow> rows = vm.runs();
    assertEquals(2, rows.size());
    assertEquals(running, rows.get(0).id());
    assertEquals("Running", rows.get(0).statusText());
    assertEquals("—", rows.get(0).accuracy());

    RunRow first = rows.get(1);
    assertEquals("first", first.name());
    assertEquals(RunStatus.FINISHED, first.status());
    assertEquals("2026-11-29 14:03", first.started());
    assertEquals("1 min 05 s", first.duration());
    assertEquals("97.3%", first.accuracy());
    assertEquals("97.3%", first.metricText(MetricColumn.finalOf(MetricTags.VALIDATION_ACCURACY)));
    assertEquals("0.3", first.metricText(MetricColumn.bestOf(MetricTags.VALIDATION_LOSS)));
    assertEquals("Finished 2 epochs.", first.message());
    assertEquals("2 runs", vm.statusTextProperty().get());
    assertEquals(List.of(MetricTags.VALIDATION_ACCURACY, MetricTags.VALIDATION_LOSS), vm.availableMetrics());
  }

  @Test
  void anEmptyStoreSaysSo() {
    vm.refresh();
    assertTrue(vm.runs().isEmpty());
    assertEquals("No runs yet", vm.statusTextProperty().get());
  }

  @Test
  void aStoreThatFailsShowsWhy() {
    RunsViewModel broken =
        new RunsViewModel(
            () -> {
              throw new IllegalStateException("the disk is gone");
            },
            executor,
            chooser);
    broken.refresh();
    assertEquals("Could not read the runs: the disk is gone", broken.statusTextProperty().get());
  }

  @Test
  void textSearchFindsNameTagsAndNotesIgnoringCase() {
    run("alpha", "{}", T0, new RunOptions(null, List.of("Baseline"), ""), new double[] {0.5}, new double[] {1});
    run("beta", "{}", T0 + 1, new RunOptions(null, List.of(), "tried a WARMUP schedule"), new double[] {0.5}, new double[] {1});
    run("gamma", "{}", T0 + 2, RunOptions.NONE, new double[] {0.5}, new double[] {1});
    vm.refresh();

    vm.criteriaProperty().set(RunCriteria.ALL.withText("ALP"));
    assertEquals(List.of("alpha"), names());
    vm.criteriaProperty().set(RunCriteria.ALL.withText("baseline"));
    assertEquals(List.of("alpha"), names(), "tags match");
    vm.criteriaProperty().set(RunCriteria.ALL.withText("warmup"));
    assertEquals(List.of("beta"), names(), "notes match");
    assertEquals("Showing 1 of 3 runs", vm.statusTextProperty().get());
    vm.criteriaProperty().set(RunCriteria.ALL.withText("  "));
    assertEquals(List.of("gamma", "beta", "alpha"), names(), "blank text filters nothing");
  }

  @Test
  void statusTagProjectAndPeriodFiltersCombine() {
    run("old", "{}", NOW - Duration.ofDays(10).toMillis(), new RunOptions(null, List.of("sweep"), ""), new double[] {0.5}, new double[] {1});
    run("recent", "{}", NOW - Duration.ofHours(2).toMillis(), new RunOptions(null, List.of("sweep"), ""), new double[] {0.5}, new double[] {1});
    store.createRun("live", "Spiral", "{}", NOW - 1000);
    store.createRun("other project", "Mnist", "{}", NOW - 2000);
    vm.refresh();

    vm.criteriaProperty().set(RunCriteria.ALL.withStatus(RunStatus.RUNNING));
    assertEquals(List.of("live", "other project"), names());
    vm.criteriaProperty().set(RunCriteria.ALL.withStatus(RunStatus.RUNNING).withProject("Mnist"));
    assertEquals(List.of("other project"), names());
    vm.criteriaProperty().set(RunCriteria.ALL.withTag("sweep"));
    assertEquals(List.of("recent", "old"), names());
    vm.criteriaProperty().set(RunCriteria.ALL.withTag("sweep").withPeriod(RunCriteria.Period.DAY));
    assertEquals(List.of("recent"), names());
    vm.criteriaProperty().set(RunCriteria.ALL.withPeriod(RunCriteria.Period.MONTH));
    assertEquals(4, names().size());
    assertEquals(List.of("sweep"), vm.availableTags());
    assertEquals(List.of("Mnist", "Spiral"), vm.availableProjects());
  }

  @Test
  void sortingByABestMetricPutsRunsWithoutItLastInEitherDirection() {
    finishedRun("mid", T0, new double[] {0.6, 0.8, 0.7}, new double[] {1, 0.5, 0.6});
    finishedRun("top", T0 + 1, new double[] {0.9, 0.85}, new double[] {0.4, 0.45});
    finishedRun("low", T0 + 2, new double[] {0.3}, new double[] {2});
    store.createRun("no epochs", "Spiral", "{}", T0 + 3);
    vm.refresh();

    MetricColumn best = MetricColumn.bestOf(MetricTags.VALIDATION_ACCURACY);
    vm.orderProperty().set(RunOrder.byMetric(best, true));
    assertEquals(List.of("top", "mid", "low", "no epochs"), names());
    vm.orderProperty().set(RunOrder.byMetric(best, false));
    assertEquals(List.of("low", "mid", "top", "no epochs"), names());

    // The final loss, lowest first: "top" ended at 0.45, "mid" at 0.6 although its best was 0.5.
    vm.orderProperty().set(RunOrder.byMetric(MetricColumn.finalOf(MetricTags.VALIDATION_LOSS), false));
    assertEquals(List.of("top", "mid", "low", "no epochs"), names());
    vm.orderProperty().set(RunOrder.by(RunOrder.Column.NAME, false));
    assertEquals(List.of("low", "mid", "no epochs", "top"), names());
  }

  @Test
  void renameChangesTheStoreAndTheRowAndRefusesABlankName() {
    String id = finishedRun("draft", T0, new double[] {0.5}, new double[] {1});
    vm.refresh();

    assertTrue(vm.rename(id, "  lr 0.01  "));
    assertEquals("lr 0.01", store.findRun(id).orElseThrow().name());
    assertEquals(List.of("lr 0.01"), names());
    assertEquals("Renamed to \"lr 0.01\".", vm.actionTextProperty().get());

    assertFalse(vm.rename(id, " "));
    assertEquals("lr 0.01", store.findRun(id).orElseThrow().name());
    assertTrue(vm.actionTextProperty().get().contains("cannot be empty"), vm.actionTextProperty().get());
  }

  @Test
  void tagsAreAddedCommaSeparatedAndRemovedAndNotesSaved() {
    String a = finishedRun("a", T0, new double[] {0.5}, new double[] {1});
    String b = finishedRun("b", T0 + 1, new double[] {0.5}, new double[] {1});
    vm.refresh();

    assertTrue(vm.addTags(List.of(a, b), " baseline, lr-sweep ,,baseline"));
    assertEquals(List.of("baseline", "lr-sweep"), store.labels(a));
    assertEquals(List.of("baseline", "lr-sweep"), store.labels(b));
    assertEquals(List.of("baseline", "lr-sweep"), vm.runs().get(0).tags());
    assertEquals(List.of("baseline", "lr-sweep"), vm.availableTags());

    vm.removeTag(List.of(a), "lr-sweep");
    assertEquals(List.of("baseline"), store.labels(a));
    assertEquals(List.of("baseline", "lr-sweep"), vm.tagsOf(List.of(a, b)));
    assertFalse(vm.addTags(List.of(a), " , "));

    vm.setNotes(a, "warm-up helped\nsee plot");
    assertEquals("warm-up helped\nsee plot", store.entry(a).orElseThrow().notes());
    assertEquals("warm-up helped\nsee plot", vm.runs().stream().filter(r -> r.id().equals(a)).findFirst().orElseThrow().notes());
  }

  @Test
  void archivedRunsHideUntilTheFilterIncludesThem() {
    String a = finishedRun("a", T0, new double[] {0.5}, new double[] {1});
    finishedRun("b", T0 + 1, new double[] {0.5}, new double[] {1});
    vm.refresh();

    vm.setArchived(List.of(a), true);
    assertEquals(List.of("b"), names());
    assertTrue(store.entry(a).orElseThrow().archived());
    vm.criteriaProperty().set(RunCriteria.ALL.withArchived(RunFilter.Archived.ONLY));
    assertEquals(List.of("a"), names());
    assertTrue(vm.allArchived(List.of(a)));
    vm.setArchived(List.of(a), false);
    assertEquals(List.of(), names());
    vm.criteriaProperty().set(RunCriteria.ALL);
    assertEquals(List.of("b", "a"), names());
  }

  @Test
  void deleteRemovesTheRunsFromStoreTableAndComparison() {
    String a = finishedRun("a", T0, new double[] {0.5}, new double[] {1});
    String b = finishedRun("b", T0 + 1, new double[] {0.5}, new double[] {1});
    vm.refresh();
    vm.compare(List.of(a, b));
    assertTrue(vm.deleteQuestion(List.of(a)).contains("a"));
    Path checkpoints = dir.resolve("runs").resolve(a).resolve("checkpoints");
    Path kept = dir.resolve("runs").resolve(b).resolve("checkpoints");
    try {
      Files.createDirectories(checkpoints);
      Files.writeString(checkpoints.resolve("last.params"), "weights");
      Files.createDirectories(kept);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    vm.delete(List.of(a));

    assertTrue(store.findRun(a).isEmpty());
    assertFalse(Files.exists(dir.resolve("runs").resolve(a)), "the run's files go with its record");
    assertTrue(Files.isDirectory(kept), "another run's files stay");
    assertEquals(List.of("b"), names());
    assertEquals(List.of(b), vm.selection());
    assertEquals(1, vm.comparisonProperty().get().curves().size());
    assertEquals("Deleted 1 run.", vm.actionTextProperty().get());
  }

  @Test
  void comparingOverlaysTheChosenMetricAndDiffsOnlyDifferingSettings() {
    String a = run("a", config(0.1, 1, "ADAM"), T0, RunOptions.NONE, new double[] {0.5, 0.8, 0.9}, new double[] {1.0, 0.5, 0.3});
    String b = run("b", config(0.01, 1, "ADAM"), T0 + 1000, RunOptions.NONE, new double[] {0.4, 0.6}, new double[] {1.2, 0.9});
    vm.refresh();

    vm.compare(List.of(b, a));

    RunsComparison c = vm.comparisonProperty().get();
    assertEquals(2, c.curves().size());
    assertEquals("b", c.curves().get(0).name());
    assertEquals(0, c.curves().get(0).colorIndex());
    assertEquals(1, c.curves().get(1).colorIndex());
    assertArrayEquals(new double[] {1, 2, 3}, c.curves().get(1).steps());
    assertArrayEquals(new double[] {1, 2, 3}, c.curves().get(1).epochs(), "an epoch series' step is its epoch");
    assertArrayEquals(new double[] {0.5, 0.8, 0.9}, c.curves().get(1).values(), 1e-12);
    assertEquals(List.of("b", "a"), c.runNames());
    assertEquals(List.of(new ConfigDiff.Row("training.learningRate", List.of("0.01", "0.1"))), c.diff().rows());
    assertEquals("2 runs compared on val. accuracy, one colour each; seed groups as their mean with a ± sd band.", vm.compareTextProperty().get());
    assertEquals(List.of("learningRate", "Final val. accuracy"), c.parallel().dimensions());
    assertEquals(0.01, c.parallel().trials().get(0).values().get("learningRate"), 0);

    vm.compareMetricProperty().set(MetricTags.VALIDATION_LOSS);
    assertArrayEquals(new double[] {1.2, 0.9}, vm.comparisonProperty().get().curves().get(0).values(), 1e-12);

    vm.compare(List.of());
    assertTrue(vm.comparisonProperty().get().isEmpty());
  }

  @Test
  void seedGroupsShowTheirSpreadAndTheSignificanceStatement() {
    double[] better = {0.90, 0.91, 0.92};
    double[] worse = {0.70, 0.72, 0.71};
    List<String> ids = new java.util.ArrayList<>();
    for (int s = 0; s < 3; s++) {
      ids.add(run("adam seed " + s, config(0.01, s, "ADAM"), T0 + s, new RunOptions("adam0001", List.of(), ""), new double[] {0.5, better[s]}, new double[] {1, 0.3}));
    }
    for (int s = 0; s < 3; s++) {
      ids.add(run("sgd seed " + (s + 10), config(0.01, s + 10, "SGD"), T0 + 10 + s, new RunOptions("sgd00002", List.of(), ""), new double[] {0.5, worse[s]}, new double[] {1, 0.6}));
    }
    vm.refresh();

    vm.compare(ids);

    RunsComparison c = vm.comparisonProperty().get();
    assertEquals(2, c.groups().size());
    SeedGroupSummary adam = c.groups().get(0);
    assertEquals("adam0001", adam.groupId());
    assertEquals(3, adam.n());
    assertEquals(0.91, adam.mean(), 1e-12);
    assertEquals(0.01, adam.sd(), 1e-12);
    assertEquals("Group adam0001 (Spiral): 91.0% ± 1.0% (mean ± sd of 3 runs)", adam.text());
    assertEquals(List.of("seed", "optimizer", "Final val. accuracy"), c.parallel().dimensions());
    assertEquals(List.of("ADAM", "SGD"), c.parallel().categories().get("optimizer"));

    GroupComparison expected =
        GroupComparison.compare(
            "Group adam0001 (Spiral)", store.findRuns(RunFilter.ALL.withGroupId("adam0001")),
            "Group sgd00002 (Spiral)", store.findRuns(RunFilter.ALL.withGroupId("sgd00002")),
            MetricTags.VALIDATION_ACCURACY, MetricSummary.Kind.FINAL);
    String statement = c.statements().get(0);
    assertEquals(1, c.statements().size());
    assertTrue(statement.startsWith("Final val. accuracy: Group adam0001 (Spiral) 91.0% ± 1.0%"), statement);
    assertTrue(statement.contains("Welch's t-test: t = " + String.format(Locale.ROOT, "%.2f", expected.test().t())), statement);
    assertTrue(statement.contains("p = " + (expected.test().p() < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", expected.test().p()))), statement);
    assertTrue(statement.endsWith("The difference is significant at the 5% level: Group adam0001 (Spiral) is better."), statement);
  }

  @Test
  void groupsWhoseDifferenceIsNoiseAreNotCalledSignificant() {
    double[] a = {0.80, 0.90, 0.70};
    double[] b = {0.85, 0.75, 0.82};
    List<String> ids = new java.util.ArrayList<>();
    for (int s = 0; s < 3; s++) {
      ids.add(run("a" + s, config(0.01, s, "ADAM"), T0 + s, new RunOptions("ga", List.of(), ""), new double[] {a[s]}, new double[] {1}));
      ids.add(run("b" + s, config(0.02, s + 5, "ADAM"), T0 + 5 + s, new RunOptions("gb", List.of(), ""), new double[] {b[s]}, new double[] {1}));
    }
    vm.refresh();
    vm.compare(ids);
    String statement = vm.comparisonProperty().get().statements().get(0);
    assertTrue(statement.contains("not significant at the 5% level"), statement);

    vm.compare(ids.subList(0, 2));
    assertTrue(vm.comparisonProperty().get().groups().isEmpty());
    assertTrue(vm.comparisonProperty().get().statements().get(0).startsWith("None of the selected runs"));
  }

  @Test
  void theStatementIsInChineseWhenTheWindowIs() {
    List<String> ids = new java.util.ArrayList<>();
    for (int s = 0; s < 2; s++) {
      ids.add(run("a" + s, config(0.01, s, "ADAM"), T0 + s, new RunOptions("ga", List.of(), ""), new double[] {0.9 + s * 0.01}, new double[] {1}));
      ids.add(run("b" + s, config(0.02, s + 5, "ADAM"), T0 + 5 + s, new RunOptions("gb", List.of(), ""), new double[] {0.5 + s * 0.01}, new double[] {1}));
    }
    try {
      Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
      vm.refresh();
      vm.compare(ids);
      String statement = vm.comparisonProperty().get().statements().get(0);
      assertTrue(statement.startsWith("最终验证准确率："), statement);
      assertTrue(statement.contains("Welch t 检验"), statement);
    } finally {
      Messages.setLocale(Locale.ENGLISH);
    }
  }

  @Test
  void exportAsksForAFileAndWritesTheSelectedRuns() throws Exception {
    String a = finishedRun("a", T0, new double[] {0.5, 0.6}, new double[] {1, 0.9});
    finishedRun("b", T0 + 1, new double[] {0.5}, new double[] {1});
    vm.refresh();
    vm.compare(List.of(a));
    Path csv = dir.resolve("out/runs.csv");
    chooser.answer(csv);

    vm.export(ExportFormat.CSV);

    assertEquals(List.of("export CSV runs.csv"), chooser.asked());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("run_id,run_name,tag,step,wall_time,value", lines.get(0));
    assertEquals(4, lines.size() - 1, "two epochs of two series of the selected run only");
    assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith(a + ",a,")));
    assertTrue(vm.actionTextProperty().get().startsWith("Exported 1 run as CSV to "), vm.actionTextProperty().get());
    assertFalse(vm.busyProperty().get());
    assertEquals(0, executor.activeRepeats(), "the progress timer stops with the job");
  }

  @Test
  void aCancelledChooserWritesNothing() {
    finishedRun("a", T0, new double[] {0.5}, new double[] {1});
    vm.refresh();
    vm.export(ExportFormat.JSON);
    vm.importTensorBoard();
    assertEquals(List.of("export JSON runs.json", "import TensorBoard"), chooser.asked());
    assertEquals("", vm.actionTextProperty().get());
  }

  @Test
  void jsonExportImportsIntoAnotherWorkspaceOnce() throws Exception {
    String a = finishedRun("a", T0, new double[] {0.5, 0.6}, new double[] {1, 0.9});
    finishedRun("b", T0 + 1, new double[] {0.5}, new double[] {1});
    vm.refresh();
    Path json = dir.resolve("runs.json");
    chooser.answer(json);
    vm.export(ExportFormat.JSON);
    assertTrue(Files.size(json) > 0);

    try (RunStore other = RunStore.open(dir.resolve("other.db"))) {
      TestRunChooser otherChooser = new TestRunChooser().answer(json).answer(json);
      RunsViewModel target = new RunsViewModel(() -> other, executor, otherChooser, ZoneOffset.UTC, () -> NOW);
      target.importJson();
      assertEquals(List.of("b", "a"), target.runs().stream().map(RunRow::name).toList());
      assertTrue(target.actionTextProperty().get().startsWith("Imported 2 new runs from "), target.actionTextProperty().get());
      assertEquals(
          store.series(a, MetricTags.VALIDATION_ACCURACY).size(),
          other.series(target.runs().get(1).id(), MetricTags.VALIDATION_ACCURACY).size());

      target.importJson();
      assertEquals(2, other.listRuns().size());
      assertTrue(target.actionTextProperty().get().contains("2 were imported before"), target.actionTextProperty().get());
    }
  }

  @Test
  void tensorBoardExportAndImportGoThroughFoldersWithProgress() throws Exception {
    finishedRun("a", T0, new double[] {0.5, 0.6}, new double[] {1, 0.9});
    finishedRun("b", T0 + 1, new double[] {0.5}, new double[] {1});
    vm.refresh();
    Path logs = dir.resolve("logs");
    chooser.answer(logs);
    vm.export(ExportFormat.TENSORBOARD);
    try (Stream<Path> folders = Files.list(logs)) {
      assertEquals(2, folders.count());
    }

    try (RunStore other = RunStore.open(dir.resolve("other.db"))) {
      RunsViewModel target = new RunsViewModel(() -> other, executor, new TestRunChooser().answer(logs), ZoneOffset.UTC, () -> NOW);
      target.importTensorBoard();
      assertEquals(2, target.runs().size());
      assertTrue(target.runs().stream().allMatch(r -> r.metric(MetricColumn.finalOf(MetricTags.VALIDATION_ACCURACY)) > 0));
    }
  }

  @Test
  void aCancelledTensorBoardExportStopsBeforeTheNextRun() throws Exception {
    String a = finishedRun("a", T0, new double[] {0.5}, new double[] {1});
    JobProgress progress = new JobProgress();
    progress.cancel();
    String done = RunTransfers.export(store, List.of(a), ExportFormat.TENSORBOARD, dir.resolve("tb"), progress);
    assertTrue(done.startsWith("Exported no run"), done);
    assertTrue(progress.hasStoppedEarly());
    assertTrue(progress.cancellable());
    assertFalse(Files.exists(dir.resolve("tb")) && Files.list(dir.resolve("tb")).findAny().isPresent());
  }

  @Test
  void aCsvFileIsWrittenWholeAndCannotBeCancelledHalfWay() throws Exception {
    String a = finishedRun("a", T0, new double[] {0.5}, new double[] {1});
    JobProgress progress = new JobProgress();
    progress.cancel();
    String done = RunTransfers.export(store, List.of(a), ExportFormat.CSV, dir.resolve("a.csv"), progress);
    assertTrue(done.startsWith("Exported 1 run as CSV"), done);
    assertFalse(progress.cancellable());
    assertFalse(progress.hasStoppedEarly());
    assertEquals(3, Files.readAllLines(dir.resolve("a.csv")).size());
  }

  @Test
  void aCancelledJsonImportStopsBeforeTheNextRun() throws Exception {
    finishedRun("a", T0, new double[] {0.5}, new double[] {1});
    finishedRun("b", T0 + 1, new double[] {0.5}, new double[] {1});
    vm.refresh();
    Path json = dir.resolve("runs.json");
    chooser.answer(json);
    vm.export(ExportFormat.JSON);
    try (RunStore other = RunStore.open(dir.resolve("other.db"))) {
      JobProgress progress = new JobProgress();
      progress.cancel();
      String done = RunTransfers.importJson(other, json, progress);
      assertTrue(done.startsWith("Imported no new run"), done);
      assertTrue(progress.hasStoppedEarly());
      assertTrue(other.listRuns().isEmpty());
    }
  }

  @Test
  void aFileThatIsNotAnExportFailsWithItsName() throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}");
    chooser.answer(notes);
    vm.importJson();
    String text = vm.actionTextProperty().get();
    assertTrue(text.startsWith("Importing notes.json… failed: "), text);
    assertTrue(text.contains("not a Layerlab runs export"), text);
    assertFalse(vm.busyProperty().get());
  }

  @Test
  void aRunsEndingIsShownInTheWindowsLanguageAndSaidAgainAfterASwitch() {
    LocalText ending =
        RuntimeMessages.text(
            "run.diverged", RuntimeMessages.text("run.diverged.trainingLoss", "NaN", "12", "1", "12"), "0.5", "SGD", "0.05");
    String diverged = store.createRun("too fast", "Spiral", "{}", T0);
    store.endRun(diverged, RunStatus.DIVERGED, T0 + 1_000, Double.NaN, ending.english(), ending);
    String englishOnly = finishedRun("older", T0 - 1, new double[] {0.5}, new double[] {1});
    try {
      Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
      vm.refresh();
      String chinese =
          RuntimeMessages.get(
              Locale.SIMPLIFIED_CHINESE,
              "run.diverged",
              RuntimeMessages.get(Locale.SIMPLIFIED_CHINESE, "run.diverged.trainingLoss", "NaN", "12", "1", "12"),
              "0.5",
              "SGD",
              "0.05");
      assertEquals(chinese, row(diverged).message());
      assertEquals("Finished 1 epochs.", row(englishOnly).message(), "an ending kept in English only stays English");

      Messages.setLocale(Locale.ENGLISH);
      assertEquals(ending.english(), row(diverged).message(), "a page rebuilt after the switch says it in the new language");
      assertEquals(ending.english(), store.findRun(diverged).orElseThrow().message(), "the store's English is unchanged");
    } finally {
      Messages.setLocale(Locale.ENGLISH);
    }
  }

  @Test
  void anImportThatFailsSaysWhyInChineseWhenTheWindowIs() throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}");
    chooser.answer(notes);
    try {
      Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
      vm.importJson();
      String why = RuntimeMessages.get(Locale.SIMPLIFIED_CHINESE, "exchange.json.notAnExport", String.valueOf(notes), RunExporter.JSON_FORMAT);
      assertEquals(Messages.get("runs.job.failed", Messages.get("runs.import.running", "notes.json"), why), vm.actionTextProperty().get());
    } finally {
      Messages.setLocale(Locale.ENGLISH);
    }
  }

  @Test
  void aStoreErrorSaysWhyInChineseWhenTheWindowIs() {
    String id = finishedRun("a", T0, new double[] {0.5}, new double[] {1});
    vm.refresh();
    store.deleteRun(id);
    try {
      Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
      vm.rename(id, "b");
      String why =
          RuntimeMessages.get(
              Locale.SIMPLIFIED_CHINESE,
              "store.failed",
              RuntimeMessages.text("store.do.rename", id),
              String.valueOf(store.file()),
              RuntimeMessages.text("store.noRun", id));
      assertTrue(vm.actionTextProperty().get().contains(why), vm.actionTextProperty().get());
    } finally {
      Messages.setLocale(Locale.ENGLISH);
    }
  }

  private RunRow row(String id) {
    return vm.runs().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void durationsReadLikeSpeech() {
    assertEquals("42 s", RunsViewModel.duration(Duration.ofSeconds(42)));
    assertEquals("3 min 05 s", RunsViewModel.duration(Duration.ofSeconds(185)));
    assertEquals("1 h 02 min", RunsViewModel.duration(Duration.ofMinutes(62)));
  }
}
