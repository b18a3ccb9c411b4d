package org.layerlab.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricSeries;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;

class RunJsonImporterTest {

  @TempDir Path dir;

  @Test
  void anExportImportsIntoAnotherStoreWithEveryPointAndOnlyOnce() throws Exception {
    Path file = dir.resolve("runs.json");
    String exported;
    try (RunStore from = RunStore.open(dir.resolve("a.db"))) {
      exported = ExchangeFixtures.recordRun(from, "lr 0.1", ExchangeFixtures.START);
      RunExporter.exportJson(from, List.of(exported), file);
    }
    try (RunStore from = RunStore.open(dir.resolve("a.db"));
        RunStore to = RunStore.open(dir.resolve("b.db"))) {
      List<RunJsonImporter.ImportedRun> first = RunJsonImporter.importFile(to, file);
      assertEquals(1, first.size());
      assertFalse(first.get(0).alreadyImported());
      String id = first.get(0).runId();
      RunSummary original = from.findRun(exported).orElseThrow();
      RunSummary copy = to.findRun(id).orElseThrow();
      assertEquals(original.name(), copy.name());
      assertEquals(original.status(), copy.status());
      assertEquals(original.startedAtMillis(), copy.startedAtMillis());
      assertEquals(original.endedAtMillis(), copy.endedAtMillis());
      assertEquals(original.finalValidationAccuracy(), copy.finalValidationAccuracy());
      assertTrue(to.isReadOnly(id));
      assertEquals(from.metricTags(exported), to.metricTags(id));
      for (String tag : List.of(MetricTags.STEP_LOSS, ExchangeFixtures.CUSTOM_TAG)) {
        MetricSeries a = from.series(exported, tag);
        MetricSeries b = to.series(id, tag);
        assertArrayEquals(a.steps(), b.steps(), tag);
        assertArrayEquals(a.values(), b.values(), 0.0, tag);
        assertArrayEquals(a.wallTimesMillis(), b.wallTimesMillis(), tag);
      }
      assertTrue(Double.isNaN(to.series(id, MetricTags.STEP_LOSS).values()[12]), "NaN exported as null comes back as NaN");

      List<RunJsonImporter.ImportedRun> again = RunJsonImporter.importFile(to, file);
      assertTrue(again.get(0).alreadyImported());
      assertEquals(id, again.get(0).runId());
      assertEquals(1, to.listRuns().size());
    }
  }

  @Test
  void aRunningRunImportsAsInterrupted() throws Exception {
    Path file = dir.resolve("running.json");
    try (RunStore from = RunStore.open(dir.resolve("a.db"));
        RunStore to = RunStore.open(dir.resolve("b.db"))) {
      String id = from.createRun("live", "p", "{}", ExchangeFixtures.START);
      RunExporter.exportJson(from, List.of(id), file);
      String copy = RunJsonImporter.importFile(to, file).get(0).runId();
      assertEquals(RunStatus.INTERRUPTED, to.findRun(copy).orElseThrow().status());
    }
  }

  @Test
  void aFileThatIsNotAnExportIsRefusedNamingTheFileAndTheFix() throws Exception {
    Path notJson = Files.writeString(dir.resolve("notes.txt"), "hello");
    Path otherJson = Files.writeString(dir.resolve("project.json"), "{\"name\": \"Spiral\"}");
    IOException e1 = assertThrows(IOException.class, () -> RunJsonImporter.read(notJson));
    assertTrue(e1.getMessage().contains("notes.txt") && e1.getMessage().contains("not JSON"), e1.getMessage());
    IOException e2 = assertThrows(IOException.class, () -> RunJsonImporter.read(otherJson));
    assertTrue(e2.getMessage().contains("project.json") && e2.getMessage().contains("export runs as JSON"), e2.getMessage());
  }
}
