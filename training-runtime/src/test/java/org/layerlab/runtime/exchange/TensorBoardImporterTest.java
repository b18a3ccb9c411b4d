package org.layerlab.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunStoreException;
import org.layerlab.runtime.store.RunSummary;

class TensorBoardImporterTest {

  @TempDir Path dir;

  @Test
  void importCreatesAReadOnlyFinishedRunWithTheSameSeries() throws Exception {
    Path logs = dir.resolve("logs");
    Path runFolder;
    try (RunStore source = RunStore.open(dir.resolve("source.db"));
        RunStore target = RunStore.open(dir.resolve("target.db"))) {
      String original = ExchangeFixtures.recordRun(source, "baseline", ExchangeFixtures.START);
      runFolder = TensorBoardWriter.write(source, original, logs).getParent();

      List<TensorBoardImporter.ImportedRun> imported = TensorBoardImporter.importFolder(target, runFolder);

      assertEquals(1, imported.size());
      assertFalse(imported.get(0).alreadyImported());
      String id = imported.get(0).runId();
      RunSummary run = target.findRun(id).orElseThrow();
      assertEquals(RunStatus.FINISHED, run.status());
      assertEquals(runFolder.getFileName().toString(), run.name());
      assertEquals(ExchangeFixtures.START, run.startedAtMillis());
      assertEquals(ExchangeFixtures.START + 60_000, run.endedAtMillis());
      assertEquals((double) (float) 0.8125, run.finalValidationAccuracy(), 1e-12);
      String origin = "TensorBoard at " + runFolder.toAbsolutePath().normalize();
      assertEquals(Optional.of(origin), target.origin(id));
      assertTrue(run.message().contains(origin), run.message());
      assertTrue(target.isReadOnly(id));
      JsonNode config = new ObjectMapper().readTree(run.configJson());
      assertEquals(0.003, config.path("hparams").path("learningRate").asDouble());

      assertEquals(source.metricTags(original), target.metricTags(id));
      for (String tag : source.metricTags(original)) {
        List<MetricPoint> expected =
            source.metrics(original, tag).stream()
                .map(p -> new MetricPoint(p.tag(), p.step(), p.wallTimeMillis(), (float) p.value()))
                .toList();
        assertEquals(expected, target.metrics(id, tag), tag);
      }
      assertFalse(source.isReadOnly(original), "runs Layerlab recorded stay writable");
      assertEquals(Optional.empty(), source.origin(original));
    }
  }

  @Test
  void aParentFolderImportsEachRunFolderOnceAndSkipsItTheNextTime() throws Exception {
    Path logs = dir.resolve("logs");
    try (RunStore source = RunStore.open(dir.resolve("source.db"));
        RunStore target = RunStore.open(dir.resolve("target.db"))) {
      String a = ExchangeFixtures.recordRun(source, "a", ExchangeFixtures.START);
      String b = ExchangeFixtures.recordRun(source, "b", ExchangeFixtures.START + 1_000);
      TensorBoardWriter.writeAll(source, List.of(a, b), logs.resolve("sweep"));

      List<TensorBoardImporter.ImportedRun> first = TensorBoardImporter.importFolder(target, logs);
      List<TensorBoardImporter.ImportedRun> second = TensorBoardImporter.importFolder(target, logs);

      assertEquals(List.of("sweep/a_" + a, "sweep/b_" + b), first.stream().map(r -> name(target, r.runId())).toList());
      assertTrue(second.stream().allMatch(TensorBoardImporter.ImportedRun::alreadyImported));
      assertEquals(ids(first), ids(second));
      assertEquals(2, target.listRuns().size());
      assertTrue(target.listRuns().stream().allMatch(r -> "logs".equals(r.projectName())));
    }
  }

  @Test
  void anImportedRunRefusesNewMetricsAndANewEnd() throws Exception {
    try (RunStore source = RunStore.open(dir.resolve("source.db"));
        RunStore target = RunStore.open(dir.resolve("target.db"))) {
      String original = ExchangeFixtures.recordRun(source, "r", ExchangeFixtures.START);
      Path runFolder = TensorBoardWriter.write(source, original, dir.resolve("logs")).getParent();
      String id = TensorBoardImporter.importFolder(target, runFolder).get(0).runId();
      int points = target.metrics(id, "step/loss").size();

      RunStoreException append =
          assertThrows(RunStoreException.class, () -> target.appendMetrics(id, List.of(new MetricPoint("step/loss", 99, 0, 1.0))));
      assertTrue(append.getMessage().contains("read-only"), append.getMessage());
      RunStoreException end = assertThrows(RunStoreException.class, () -> target.endRun(id, RunStatus.FAILED, 0, 0, "no"));
      assertTrue(end.getMessage().contains("read-only"), end.getMessage());
      assertEquals(points, target.metrics(id, "step/loss").size());
      assertEquals(RunStatus.FINISHED, target.findRun(id).orElseThrow().status());
    }
  }

  @Test
  void aDamagedFileStopsTheImportBeforeItsRunIsStored() throws Exception {
    try (RunStore source = RunStore.open(dir.resolve("source.db"));
        RunStore target = RunStore.open(dir.resolve("target.db"))) {
      Path file = TensorBoardWriter.write(source, ExchangeFixtures.recordRun(source, "r", ExchangeFixtures.START), dir.resolve("logs"));
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length / 2] ^= 1;
      Files.write(file, bytes);

      assertThrows(TensorBoardFormatException.class, () -> TensorBoardImporter.importFolder(target, dir.resolve("logs")));
      assertEquals(List.of(), target.listRuns());
    }
  }

  @Test
  void aFolderWithoutEventFilesIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("empty/inner"));
    try (RunStore target = RunStore.open(dir.resolve("target.db"))) {
      assertThrows(NoSuchFileException.class, () -> TensorBoardImporter.importFolder(target, dir.resolve("empty")));
    }
  }

  private static List<String> ids(List<TensorBoardImporter.ImportedRun> runs) {
    return runs.stream().map(TensorBoardImporter.ImportedRun::runId).toList();
  }

  private static String name(RunStore store, String id) {
    return store.findRun(id).orElseThrow().name();
  }
}
