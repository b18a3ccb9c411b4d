package org.layerlab.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.LocalText;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.cli.Cli;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.text.RuntimeMessages;
import org.layerlab.runtime.workspace.Workspace;

/**
 * How a run ended is kept so that it can be said again in any language (schema 5), beside the English the command line and the
 * exports use; and the store's own errors speak the window's language.
 *
 * <p>The fixture {@code runs-schema4.db} was written by the RunStore of commit 83d00de (schema 4): a diverged run
 * ({@value #OLD_DIVERGED}) with two step-loss points, the second NaN, and a finished run.
 */
class RunStoreEndingTest {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private static final String OLD_DIVERGED = "0ccea53ce997";

  @TempDir Path dir;

  /** A diverged run's ending as the runtime words it: the loss that became NaN, the learning rate and what to try. */
  private static LocalText diverged() {
    return RuntimeMessages.text(
        "run.diverged", RuntimeMessages.text("run.diverged.trainingLoss", "NaN", "12", "1", "12"), "0.5", "SGD", "0.05");
  }

  @Test
  void aDivergedRunsEndingIsSaidAgainInChineseAndInEnglish() {
    Path db = dir.resolve("runs.db");
    LocalText ending = diverged();
    String id;
    try (RunStore store = RunStore.open(db)) {
      id = store.createRun("lr too high", "Spiral", "{}", 1_000);
      store.endRun(id, RunStatus.DIVERGED, 2_000, Double.NaN, ending.english(), ending);
    }
    try (RunStore store = RunStore.open(db)) {
      RunSummary run = store.findRun(id).orElseThrow();
      String chinese = RuntimeMessages.get(
          ZH, "run.diverged", RuntimeMessages.get(ZH, "run.diverged.trainingLoss", "NaN", "12", "1", "12"), "0.5", "SGD", "0.05");
      assertEquals(chinese, run.message(ZH));
      assertEquals(ending.english(), run.message(Locale.ENGLISH));
      assertEquals(ending.english(), run.message(), "the English column stays as it was: the command line and the exports use it");
      assertNotEquals(run.message(), run.message(ZH));
      assertEquals(ending, run.ending());
      RunEntry entry = store.entry(id).orElseThrow();
      assertEquals(chinese, entry.summary().message(ZH), "the listing the Runs page reads keeps it too");
      assertEquals(chinese, store.findRuns(RunFilter.ALL).get(0).summary().message(ZH));
    }
  }

  @Test
  void runsShowOnTheCommandLineKeepsTheEnglishEvenOnAChineseComputer() {
    LocalText ending = diverged();
    String id;
    try (RunStore store = RunStore.open(dir.resolve(Workspace.RUN_STORE_FILE))) {
      id = store.createRun("lr too high", "Spiral", "{}", 1_000);
      store.endRun(id, RunStatus.DIVERGED, 2_000, Double.NaN, ending.english(), ending);
    }
    Locale before = Locale.getDefault();
    StringWriter out = new StringWriter();
    try {
      Locale.setDefault(ZH);
      int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "runs", "show", id, "-w", dir.toString());
      assertEquals(0, exit, out.toString());
    } finally {
      Locale.setDefault(before);
    }
    assertTrue(out.toString().contains(ending.english()), out.toString());
    assertFalse(out.toString().contains(ending.message(ZH)), out.toString());
  }

  @Test
  void theRecorderKeepsTheEndingTheRunReports() {
    Project project =
        new Project("Rec", "", ModelSpec.of(), new DatasetRef.Spiral(3, 50, 0.1, 5), TrainingSettings.defaults().withEpochs(2));
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      RunRecorder rec = RunRecorder.begin(store, project, "r");
      LocalText ending = diverged();
      rec.onRunEnded(new RunEnded(rec.runId(), RunStatus.DIVERGED, 1, Double.NaN, ending.english(), 5, ending));
      RunSummary run = store.findRun(rec.runId()).orElseThrow();
      assertEquals(ending.message(ZH), run.message(ZH));
      assertEquals(ending.english(), run.message());
    }
  }

  @Test
  void anEnglishOnlyEndingReadsEnglishInEveryLanguage() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String id = store.createRun("r", "P", "{}", 0);
      store.endRun(id, RunStatus.FAILED, 1, Double.NaN, "CUDA said no");
      RunSummary run = store.findRun(id).orElseThrow();
      assertNull(run.ending());
      assertEquals("CUDA said no", run.message(ZH));
    }
  }

  @Test
  void aSchemaFourFileMovesToFiveAndShowsItsEnglishEnding() throws Exception {
    Path db = dir.resolve("runs.db");
    try (InputStream in = getClass().getResourceAsStream("runs-schema4.db")) {
      Files.copy(in, db);
    }
    assertEquals(4, schemaVersion(db), "the fixture is a schema-4 file");
    String english;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT message FROM runs WHERE id = '" + OLD_DIVERGED + "'")) {
      rs.next();
      english = rs.getString(1);
    }
    try (RunStore store = RunStore.open(db)) {
      assertEquals(RunStore.SCHEMA_VERSION, schemaVersion(db));
      RunSummary run = store.findRun(OLD_DIVERGED).orElseThrow();
      assertEquals(RunStatus.DIVERGED, run.status());
      assertNull(run.ending());
      assertEquals(english, run.message(ZH), "an ending recorded before schema 5 is shown in English, as before");
      assertEquals(english, run.message());
      assertEquals(2, store.metrics(OLD_DIVERGED, "step/loss").size(), "the points stay");
      assertEquals(2, store.listRuns().size());
      // and the migrated file takes new endings in any language
      String id = store.createRun("new", "Spiral", "{}", 5_000);
      store.endRun(id, RunStatus.DIVERGED, 6_000, Double.NaN, diverged().english(), diverged());
      assertEquals(diverged().message(ZH), store.findRun(id).orElseThrow().message(ZH));
    }
  }

  @Test
  void aStoredTextOfAnotherBundleIsIgnoredForTheEnglish() throws Exception {
    Path db = dir.resolve("runs.db");
    String id;
    try (RunStore store = RunStore.open(db)) {
      id = store.createRun("r", "P", "{}", 0);
      store.endRun(id, RunStatus.DIVERGED, 1, Double.NaN, diverged().english(), diverged());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE runs SET message_json = replace(message_json, '" + RuntimeMessages.BUNDLE + "', 'org.layerlab.app.messages')");
    }
    try (RunStore store = RunStore.open(db)) {
      RunSummary run = store.findRun(id).orElseThrow();
      assertNull(run.ending());
      assertEquals(diverged().english(), run.message(ZH));
    }
  }

  @Test
  void resumingClearsTheEndingAndARunWhoseProcessDiedSaysSoInChinese() throws Exception {
    Path db = dir.resolve("runs.db");
    String id;
    try (RunStore store = RunStore.open(db)) {
      id = store.createRun("r", "P", "{}", 0);
      store.endRun(id, RunStatus.STOPPED, 1, Double.NaN, diverged().english(), diverged());
      store.reopenRun(id);
      RunSummary reopened = store.findRun(id).orElseThrow();
      assertNull(reopened.ending());
      assertEquals("", reopened.message(ZH));
    }
    long deadPid = deadPid();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE runs SET pid = " + deadPid);
    }
    try (RunStore store = RunStore.open(db)) {
      RunSummary run = store.findRun(id).orElseThrow();
      assertEquals(RunStatus.INTERRUPTED, run.status());
      assertEquals(RuntimeMessages.get(ZH, "store.interrupted", String.valueOf(deadPid)), run.message(ZH));
      assertEquals(RuntimeMessages.english("store.interrupted", String.valueOf(deadPid)), run.message());
    }
  }

  @Test
  void storeErrorsSpeakTheWindowsLanguageAndKeepTheirEnglish() {
    Path db = dir.resolve("runs.db");
    try (RunStore store = RunStore.open(db)) {
      RunStoreException e = assertThrows(RunStoreException.class, () -> store.endRun("nope", RunStatus.FINISHED, 1, 0, ""));
      LocalText what = RuntimeMessages.text("store.do.end", "nope");
      LocalText why = RuntimeMessages.text("store.noRun", "nope");
      assertEquals(RuntimeMessages.english("store.failed", what, String.valueOf(db), why), e.getMessage());
      assertEquals(RuntimeMessages.get(ZH, "store.failed", what, String.valueOf(db), why), e.message(ZH));
      assertTrue(e.message(ZH).contains(why.message(ZH)), e.message(ZH));
      assertEquals(e.getMessage(), e.message(Locale.ENGLISH));

      String imported =
          store.importRun(new RunSummary(null, "tb", "logs", RunStatus.FINISHED, 0, 10L, Double.NaN, "", "{}"), "TensorBoard at /x", List.of());
      RunStoreException readOnly = assertThrows(RunStoreException.class, () -> store.endRun(imported, RunStatus.FAILED, 0, 0, "no"));
      assertTrue(readOnly.message(ZH).contains(RuntimeMessages.get(ZH, "store.readOnly", imported, "TensorBoard at /x")), readOnly.message(ZH));
    }
  }

  @Test
  void aFileOfANewerSchemaIsRefusedInChineseToo() throws Exception {
    Path db = dir.resolve("runs.db");
    RunStore.open(db).close();
    int newer = RunStore.SCHEMA_VERSION + 1;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("UPDATE schema_info SET version = " + newer);
    }
    RunStoreException e = assertThrows(RunStoreException.class, () -> RunStore.open(db));
    LocalText why = RuntimeMessages.text("store.newerSchema", String.valueOf(newer), String.valueOf(RunStore.SCHEMA_VERSION));
    assertEquals(RuntimeMessages.get(ZH, "store.cannotOpen", String.valueOf(db), why), e.message(ZH));
    assertEquals(RuntimeMessages.english("store.cannotOpen", String.valueOf(db), why), e.getMessage());
  }

  /** A process id no process has: one past the largest live one, checked. */
  private static long deadPid() {
    long pid = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 1000;
    while (ProcessHandle.of(pid).isPresent()) {
      pid++;
    }
    return pid;
  }

  private static int schemaVersion(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM schema_info")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
