package org.layerlab.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;

class RunStoreTest {

  @TempDir Path dir;

  @Test
  void newRunIsRunningAndEndRunRecordsStatusAccuracyAndMessage() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String id = store.createRun("first", "Spiral", "{\"a\":1}", 1_000);
      RunSummary running = store.findRun(id).orElseThrow();
      assertEquals(RunStatus.RUNNING, running.status());
      assertNull(running.endedAtMillis());
      assertTrue(Double.isNaN(running.finalValidationAccuracy()));
      assertEquals("{\"a\":1}", running.configJson());

      store.endRun(id, RunStatus.FINISHED, 4_500, 0.875, "done");
      RunSummary ended = store.findRun(id).orElseThrow();
      assertEquals(RunStatus.FINISHED, ended.status());
      assertEquals(4_500L, ended.endedAtMillis());
      assertEquals(3_500, ended.duration().toMillis());
      assertEquals(0.875, ended.finalValidationAccuracy());
      assertEquals("done", ended.message());
    }
  }

  @Test
  void listRunsIsNewestFirstAndSurvivesReopening() {
    Path db = dir.resolve("runs.db");
    List<String> ids = new ArrayList<>();
    try (RunStore store = RunStore.open(db)) {
      for (int i = 0; i < 3; i++) {
        ids.add(store.createRun("run" + i, "P", "{}", 1_000L * (i + 1)));
      }
    }
    try (RunStore store = RunStore.open(db)) {
      List<String> listed = store.listRuns().stream().map(RunSummary::id).toList();
      assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), listed);
    }
  }

  @Test
  void metricsComeBackPerTagOrderedByStepWithNanKept() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String id = store.createRun("r", "P", "{}", 0);
      store.appendMetrics(
          id,
          List.of(
              new MetricPoint("loss", 2, 20, 0.5),
              new MetricPoint("acc", 1, 10, 0.1),
              new MetricPoint("loss", 1, 10, 0.9),
              new MetricPoint("loss", 3, 30, Double.NaN)));
      List<MetricPoint> loss = store.metrics(id, "loss");
      assertEquals(List.of(1L, 2L, 3L), loss.stream().map(MetricPoint::step).toList());
      assertEquals(0.9, loss.get(0).value());
      assertEquals(0.5, loss.get(1).value());
      assertTrue(Double.isNaN(loss.get(2).value()));
      assertEquals(20, loss.get(1).wallTimeMillis());
      assertEquals(List.of("acc", "loss"), store.metricTags(id));
      assertEquals(List.of(), store.metrics(id, "nothing"));
    }
  }

  @Test
  void endRunRefusesNonFinalStatusAndUnknownRun() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String id = store.createRun("r", "P", "{}", 0);
      assertThrows(IllegalArgumentException.class, () -> store.endRun(id, RunStatus.RUNNING, 1, 0, ""));
      RunStoreException e = assertThrows(RunStoreException.class, () -> store.endRun("nope", RunStatus.FINISHED, 1, 0, ""));
      assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
  }

  @Test
  void runOfDeadProcessIsMarkedInterruptedOnOpenAndKeepsItsMetrics() throws Exception {
    Path db = dir.resolve("runs.db");
    String id;
    try (RunStore store = RunStore.open(db)) {
      id = store.createRun("orphan", "P", "{}", 100);
      store.appendMetrics(
          id,
          List.of(
              new MetricPoint("loss", 1, 250, 0.7),
              new MetricPoint(MetricTags.VALIDATION_ACCURACY, 1, 200, 0.5),
              new MetricPoint(MetricTags.VALIDATION_ACCURACY, 2, 240, 0.625)));
    }
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE runs SET pid = " + gone.pid());
    }
    try (RunStore store = RunStore.open(db)) {
      RunSummary r = store.findRun(id).orElseThrow();
      assertEquals(RunStatus.INTERRUPTED, r.status());
      assertEquals(250L, r.endedAtMillis(), "ended at the last metric written");
      assertTrue(r.message().contains("pid " + gone.pid()), r.message());
      assertEquals(1, store.metrics(id, "loss").size());
      assertEquals(0.625, r.finalValidationAccuracy(), "the last completed epoch's validation accuracy");
    }
  }

  @Test
  void runOfThisLiveProcessIsNotMarkedInterrupted() {
    Path db = dir.resolve("runs.db");
    try (RunStore a = RunStore.open(db)) {
      String id = a.createRun("live", "P", "{}", 0);
      try (RunStore b = RunStore.open(db)) {
        assertEquals(0, b.markInterruptedRuns());
        assertEquals(RunStatus.RUNNING, b.findRun(id).orElseThrow().status());
      }
    }
  }

  @Test
  void aFileThatIsNotADatabaseGivesAMessageNamingTheFileAndTheFix() throws Exception {
    Path db = dir.resolve("runs.db");
    Files.writeString(db, "this is not sqlite ".repeat(100));
    RunStoreException e = assertThrows(RunStoreException.class, () -> RunStore.open(db));
    assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("move it aside"), e.getMessage());
  }
}
