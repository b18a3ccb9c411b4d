package org.layerlab.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.RunStatus;

/** Groups, tags, notes, archiving, deleting, summaries, filters and sorting of the run store (schema 3). */
class RunStoreTrackingTest {

  private static final String CONFIG =
      "{\"format\":\"layerlab-project\",\"name\":\"P\",\"description\":\"d\",\"training\":{\"seed\":7,\"learningRate\":0.01}}";

  @TempDir Path dir;

  private RunStore open() {
    return RunStore.open(dir.resolve("runs.db"));
  }

  /** A finished run with a loss and an accuracy series ending at the given values. */
  private static String finished(RunStore store, String name, String project, long start, double loss, double accuracy) {
    String id = store.createRun(name, project, CONFIG, start);
    store.appendMetrics(
        id,
        List.of(
            new MetricPoint("epoch/validation_loss", 1, start + 1, loss + 1),
            new MetricPoint("epoch/validation_loss", 2, start + 2, loss),
            new MetricPoint("epoch/validation_accuracy", 1, start + 1, accuracy - 0.1),
            new MetricPoint("epoch/validation_accuracy", 2, start + 2, accuracy)));
    store.endRun(id, RunStatus.FINISHED, start + 3, accuracy, "done");
    return id;
  }

  private static List<String> ids(List<RunEntry> entries) {
    return entries.stream().map(RunEntry::id).toList();
  }

  @Test
  void aNewRunCarriesItsGroupTagsNotesSeedAndConfigurationHash() {
    try (RunStore store = open()) {
      String id = store.createRun("r", "P", CONFIG, 10, new RunOptions("g1", List.of("b", "a", "a"), "first try"));
      RunEntry e = store.entry(id).orElseThrow();
      assertEquals("g1", e.groupId());
      assertEquals(List.of("a", "b"), e.labels(), "sorted, each once");
      assertEquals("first try", e.notes());
      assertEquals(7L, e.seed());
      assertEquals(ConfigHash.of(CONFIG), e.configHash());
      assertEquals(RunStatus.RUNNING, e.summary().status());
      assertEquals(Map.of("g1", 1), store.groups());
    }
  }

  @Test
  void theConfigurationHashIgnoresNameDescriptionKeyOrderAndSpacingButNotSettings() {
    String reordered = "{ \"training\": {\"learningRate\": 0.01, \"seed\": 7}, \"description\": \"other\", \"name\": \"Q\","
        + " \"format\": \"layerlab-project\" }";
    assertEquals(ConfigHash.of(CONFIG), ConfigHash.of(reordered));
    assertNotEquals(ConfigHash.of(CONFIG), ConfigHash.of(CONFIG.replace("\"seed\":7", "\"seed\":8")));
    assertNotEquals(ConfigHash.of(CONFIG), ConfigHash.of(CONFIG.replace("0.01", "0.02")));
    assertEquals(64, ConfigHash.of("not json").length());
  }

  @Test
  void summariesFollowAppendsAndAreRecomputedExactlyAtTheEnd() {
    try (RunStore store = open()) {
      String id = store.createRun("r", "P", CONFIG, 0);
      store.appendMetrics(id, List.of(new MetricPoint("step/loss", 1, 1, 0.1), new MetricPoint("step/loss", 2, 2, 0.5)));
      store.appendMetrics(id, List.of(new MetricPoint("step/loss", 3, 3, 0.3)));
      MetricSummary running = store.entry(id).orElseThrow().metric("step/loss").orElseThrow();
      assertEquals(new MetricSummary("step/loss", 3, 3, 0.3, 0.1, 0.5), running, "a running run lists with current values");

      // Replacing step 1 leaves the running summary's min at a value no longer stored; the end of the run recomputes it.
      store.appendMetrics(id, List.of(new MetricPoint("step/loss", 1, 1, 0.9)));
      store.endRun(id, RunStatus.FINISHED, 4, Double.NaN, "");
      assertEquals(new MetricSummary("step/loss", 3, 3, 0.3, 0.3, 0.9), store.entry(id).orElseThrow().metric("step/loss").orElseThrow());
    }
  }

  @Test
  void aSeriesOfOnlyNanHasNoBestAndAnEarlierStepAppendedLaterIsNotFinal() {
    try (RunStore store = open()) {
      String id = store.createRun("r", "P", CONFIG, 0);
      store.appendMetrics(id, List.of(new MetricPoint("x/loss", 1, 1, Double.NaN)));
      store.appendMetrics(id, List.of(new MetricPoint("acc", 5, 5, 0.5)));
      store.appendMetrics(id, List.of(new MetricPoint("acc", 2, 6, 0.9)));
      RunEntry e = store.entry(id).orElseThrow();
      assertTrue(Double.isNaN(e.metricValue("x/loss", MetricSummary.Kind.BEST)));
      assertTrue(Double.isNaN(e.metricValue("x/loss", MetricSummary.Kind.FINAL)));
      assertEquals(0.5, e.metricValue("acc", MetricSummary.Kind.FINAL), "the final value is the one at the largest step");
      assertEquals(0.9, e.metricValue("acc", MetricSummary.Kind.BEST));
      assertTrue(Double.isNaN(e.metricValue("absent", MetricSummary.Kind.FINAL)));
    }
  }

  @Test
  void filtersCombineStatusTagProjectTextGroupAndArchived() {
    try (RunStore store = open()) {
      String a = finished(store, "alpha", "Spiral", 1000, 0.5, 0.8);
      String b = finished(store, "beta", "Spiral", 2000, 0.4, 0.9);
      String c = finished(store, "gamma", "MNIST", 3000, 0.3, 0.7);
      String running = store.createRun("delta 100%", "MNIST", CONFIG, 4000, new RunOptions("g", List.of(), "Watch THIS one"));
      store.addLabels(a, List.of("baseline", "lr"));
      store.addLabels(b, List.of("baseline"));
      store.setArchived(c, true);

      assertEquals(List.of(running, b, a), ids(store.findRuns(RunFilter.ALL)), "archived runs are left out, newest first");
      assertEquals(List.of(running, c, b, a), ids(store.findRuns(RunFilter.ALL.withArchived(RunFilter.Archived.INCLUDE))));
      assertEquals(List.of(c), ids(store.findRuns(RunFilter.ALL.withArchived(RunFilter.Archived.ONLY))));
      assertEquals(List.of(b, a), ids(store.findRuns(RunFilter.ALL.withStatuses(Set.of(RunStatus.FINISHED)))));
      assertEquals(List.of(running), ids(store.findRuns(RunFilter.ALL.withStatuses(Set.of(RunStatus.RUNNING, RunStatus.FAILED)))));
      assertEquals(List.of(b, a), ids(store.findRuns(RunFilter.ALL.withLabels(List.of("baseline")))));
      assertEquals(List.of(a), ids(store.findRuns(RunFilter.ALL.withLabels(List.of("baseline", "lr")))), "every tag must match");
      assertEquals(List.of(running), ids(store.findRuns(RunFilter.ALL.withProjectName("MNIST"))));
      assertEquals(List.of(running), ids(store.findRuns(RunFilter.ALL.withText("this"))), "notes match, ignoring case");
      assertEquals(List.of(running), ids(store.findRuns(RunFilter.ALL.withText("0%"))), "% is a plain character");
      assertEquals(List.of(b), ids(store.findRuns(RunFilter.ALL.withText("ET"))));
      assertEquals(List.of(running), ids(store.findRuns(RunFilter.ALL.withGroupId("g"))));
      assertEquals(List.of(running, b), ids(store.findRuns(RunFilter.ALL.withLimit(2))));
      assertEquals(List.of("baseline", "lr"), store.findRuns(RunFilter.ALL.withText("alpha")).get(0).labels());
    }
  }

  @Test
  void runsSortByFinalOrBestValueBestFirstWithRunsLackingTheSeriesLast() {
    try (RunStore store = open()) {
      String a = finished(store, "a", "P", 1000, 0.5, 0.8);
      String b = finished(store, "b", "P", 2000, 0.2, 0.9);
      String c = finished(store, "c", "P", 3000, 0.3, 0.7);
      String none = store.createRun("none", "P", CONFIG, 4000);
      store.appendMetrics(c, List.of(new MetricPoint("epoch/validation_accuracy", 3, 3004, 0.6)));

      RunSort lossFinal = RunSort.bestFirst("epoch/validation_loss", MetricSummary.Kind.FINAL);
      assertFalse(lossFinal.descending(), "lower loss first");
      assertEquals(List.of(b, c, a, none), ids(store.findRuns(RunFilter.ALL.sortedBy(lossFinal))));
      assertEquals(List.of(a, c, b, none), ids(store.findRuns(RunFilter.ALL.sortedBy(lossFinal.reversed()))), "missing stays last");

      // c's accuracy went 0.6, 0.7, then 0.6: final 0.6, best 0.7.
      assertEquals(
          List.of(b, a, c, none),
          ids(store.findRuns(RunFilter.ALL.sortedBy(RunSort.bestFirst("epoch/validation_accuracy", MetricSummary.Kind.FINAL)))));
      assertEquals(
          List.of(b, a, c, none),
          ids(store.findRuns(RunFilter.ALL.sortedBy(RunSort.bestFirst("epoch/validation_accuracy", MetricSummary.Kind.BEST)))));
      assertEquals(
          List.of(none, c, b, a),
          ids(store.findRuns(RunFilter.ALL.sortedBy(RunSort.bestFirst("nothing/like/this", MetricSummary.Kind.BEST)))),
          "no run has the series: newest first");
    }
  }

  @Test
  void renameNotesTagsAndGroupChangeTheRecordAndUnknownRunsAreNamed() {
    try (RunStore store = open()) {
      String id = store.createRun("old", "P", CONFIG, 0);
      store.rename(id, "new");
      store.setNotes(id, "why this run");
      store.addLabels(id, List.of("x", "y"));
      store.removeLabels(id, List.of("x", "never had it"));
      store.setGroup(id, "g2");
      RunEntry e = store.entry(id).orElseThrow();
      assertEquals("new", e.name());
      assertEquals("why this run", e.notes());
      assertEquals(List.of("y"), e.labels());
      assertEquals("g2", e.groupId());
      assertThrows(IllegalArgumentException.class, () -> store.rename(id, " "));
      assertThrows(RunStoreException.class, () -> store.addLabels(id, List.of(" ")));
      RunStoreException missing = assertThrows(RunStoreException.class, () -> store.rename("nope", "x"));
      assertTrue(missing.getMessage().contains("no run with id nope"), missing.getMessage());
      assertThrows(RunStoreException.class, () -> store.addLabels("nope", List.of("x")));
      assertThrows(RunStoreException.class, () -> store.setArchived("nope", true));
    }
  }

  @Test
  void deleteRemovesTheRunWithEverythingItOwnsAndRefusesARunStillBeingRecorded() throws Exception {
    Path db = dir.resolve("runs.db");
    String keep;
    String gone;
    try (RunStore store = RunStore.open(db)) {
      keep = finished(store, "keep", "P", 0, 0.5, 0.5);
      gone = finished(store, "gone", "P", 10, 0.5, 0.5);
      store.addLabels(gone, List.of("t"));
      store.addArtifact(gone, Artifact.Kind.FINAL_MODEL, "runs/" + gone + "/model.params", 123, "");
      String live = store.createRun("live", "P", CONFIG, 20);

      RunStoreException e = assertThrows(RunStoreException.class, () -> store.deleteRun(live));
      assertTrue(e.getMessage().contains("stop it"), e.getMessage());
      assertTrue(store.deleteRun(gone));
      assertFalse(store.deleteRun(gone), "a second delete finds nothing");
      assertEquals(List.of(live, keep), store.listRuns().stream().map(RunSummary::id).toList());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      for (String table : List.of("metrics", "run_metrics", "run_labels", "artifacts")) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE run_id = '" + gone + "'")) {
          rs.next();
          assertEquals(0, rs.getInt(1), table + " keeps nothing of the deleted run");
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM metrics WHERE run_id = '" + keep + "'")) {
        rs.next();
        assertEquals(4, rs.getInt(1), "the other run keeps its points");
      }
    }
  }

  @Test
  void anImportedRunCanBeCuratedButTakesNoArtifactsOrStart() {
    try (RunStore store = open()) {
      String id =
          store.importRun(
              new RunSummary(null, "tb", "logs", RunStatus.FINISHED, 0, 10L, Double.NaN, "", "{}"),
              "TensorBoard at /x",
              List.of(new MetricPoint("loss", 1, 5, 0.25)));
      store.rename(id, "tb renamed");
      store.addLabels(id, List.of("imported"));
      store.setArchived(id, true);
      assertEquals("tb renamed", store.entry(id).orElseThrow().name());
      assertThrows(RunStoreException.class, () -> store.addArtifact(id, Artifact.Kind.EVALUATION, "/x/eval.json", 1, ""));
      assertThrows(RunStoreException.class, () -> store.recordStart(id, 10, "{}"));
      assertTrue(store.deleteRun(id));
    }
  }

  @Test
  void artifactsStartAndProvenanceAreKeptWithTheRun() {
    try (RunStore store = open()) {
      String id = store.createRun("r", "P", CONFIG, 0);
      Artifact a = store.addArtifact(id, Artifact.Kind.CHECKPOINT, "runs/" + id + "/epoch-1.params", 2048, "after epoch 1");
      store.addArtifact(id, Artifact.Kind.EVALUATION, "/tmp/eval.json", -1, "");
      assertEquals(List.of(a.path(), "/tmp/eval.json"), store.artifacts(id).stream().map(Artifact::path).toList());
      assertEquals(Artifact.Kind.CHECKPOINT, store.artifacts(id).get(0).kind());
      assertEquals(2048, store.artifacts(id).get(0).sizeBytes());

      store.recordStart(id, 170, "{\"seed\":7}");
      store.recordStart(id, null, null);
      assertEquals(170, store.entry(id).orElseThrow().batchesPerEpoch(), "null leaves the value as it was");
      assertEquals("{\"seed\":7}", store.provenance(id).orElseThrow());
      assertThrows(RunStoreException.class, () -> store.recordStart("nope", 1, null));
    }
  }

  @Test
  void allSeriesReadsEverySeriesAsSeriesDoesOneByOne() {
    try (RunStore store = open()) {
      String id = finished(store, "r", "P", 0, 0.5, 0.8);
      store.appendMetrics(id, List.of(new MetricPoint("step/loss", 3, 9, Double.NaN), new MetricPoint("step/loss", 1, 7, 2)));
      Map<String, MetricSeries> all = store.allSeries(id);
      assertEquals(List.of("epoch/validation_accuracy", "epoch/validation_loss", "step/loss"), List.copyOf(all.keySet()));
      for (Map.Entry<String, MetricSeries> e : all.entrySet()) {
        MetricSeries one = store.series(id, e.getKey());
        assertTrue(java.util.Arrays.equals(one.steps(), e.getValue().steps()));
        assertTrue(java.util.Arrays.equals(one.wallTimesMillis(), e.getValue().wallTimesMillis()));
        assertTrue(java.util.Arrays.equals(one.values(), e.getValue().values()));
      }
      assertEquals(0, store.series(id, "no such tag").size());
      assertEquals(List.of(id), store.runIdsStartingWith(id.substring(0, 4)));
      assertEquals(List.of(), store.runIdsStartingWith("zz"));
    }
  }

  @Test
  void seriesOfSeveralRunsReadSideBySideEqualTheSeriesReadOneByOne() {
    try (RunStore store = open()) {
      List<String> ids = new java.util.ArrayList<>();
      for (int r = 0; r < 7; r++) {
        String id = store.createRun("r" + r, "P", CONFIG, r);
        List<MetricPoint> points = new java.util.ArrayList<>();
        for (int step = 1; step <= 500 + r; step++) {
          points.add(new MetricPoint("a", step, step * 10L, step % 50 == 0 ? Double.NaN : step % 3 == 0 ? 0.0 : r + 1.0 / step));
          if (r % 2 == 0) {
            points.add(new MetricPoint("b", step, step * 10L + 1, -step));
          }
        }
        store.appendMetrics(id, points);
        ids.add(id);
      }
      Map<String, Map<String, MetricSeries>> all = store.series(ids, List.of("b", "a", "missing"));
      assertEquals(ids, List.copyOf(all.keySet()));
      for (String id : ids) {
        assertEquals(List.of("b", "a", "missing"), List.copyOf(all.get(id).keySet()), "tags in the order asked");
        for (String tag : List.of("a", "b", "missing")) {
          MetricSeries one = store.series(id, tag);
          MetricSeries bulk = all.get(id).get(tag);
          assertTrue(java.util.Arrays.equals(one.steps(), bulk.steps()), id + " " + tag);
          assertTrue(java.util.Arrays.equals(one.wallTimesMillis(), bulk.wallTimesMillis()));
          assertTrue(java.util.Arrays.equals(one.values(), bulk.values()), "NaN stays NaN and 0.0 stays 0.0");
        }
      }
      assertEquals(0.0, all.get(ids.get(0)).get("a").values()[2], "a stored 0.0 is not taken for NULL");
      assertTrue(Double.isNaN(all.get(ids.get(0)).get("a").values()[49]));
      RunStoreException e = assertThrows(RunStoreException.class, () -> store.series(List.of(ids.get(0), "nope"), List.of("a")));
      assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
  }

  @Test
  void appendsCheckTheRunThemselvesAndLeaveForeignKeysOnForDeletes() throws Exception {
    Path db = dir.resolve("runs.db");
    try (RunStore store = RunStore.open(db)) {
      RunStoreException e =
          assertThrows(RunStoreException.class, () -> store.appendMetrics("nope", List.of(new MetricPoint("loss", 1, 1, 0.5))));
      assertTrue(e.getMessage().contains("no run with id nope"), e.getMessage());
      String id = finished(store, "r", "P", 0, 0.5, 0.5);
      store.appendMetrics(id, List.of(new MetricPoint("loss", 1, 1, 0.5)));
      assertTrue(store.deleteRun(id), "a delete right after an append still cascades");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM metrics) + (SELECT COUNT(*) FROM run_metrics)")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "no point of the unknown run, none of the deleted one");
    }
  }
}
