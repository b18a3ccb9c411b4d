package org.layerlab.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.runtime.exchange.SpecBytes.bytesField;
import static org.layerlab.runtime.exchange.SpecBytes.concat;
import static org.layerlab.runtime.exchange.SpecBytes.doubleField;
import static org.layerlab.runtime.exchange.SpecBytes.stringField;
import static org.layerlab.runtime.exchange.SpecBytes.varintField;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;

class TensorBoardRoundTripTest {

  @TempDir Path dir;

  @Test
  void writerThenReaderKeepsEveryTagStepWallTimeAndValue() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String id = ExchangeFixtures.recordRun(store, "baseline", ExchangeFixtures.START);
      Path file = TensorBoardWriter.write(store, id, dir.resolve("logs"));

      TensorBoardLog log = TensorBoardReader.read(file);

      assertEquals(store.metricTags(id), List.copyOf(log.scalars().keySet()));
      for (String tag : store.metricTags(id)) {
        List<MetricPoint> stored = store.metrics(id, tag);
        List<ScalarPoint> read = log.scalars().get(tag);
        assertEquals(stored.size(), read.size(), tag);
        for (int i = 0; i < stored.size(); i++) {
          MetricPoint s = stored.get(i);
          ScalarPoint r = read.get(i);
          assertEquals(s.step(), r.step(), tag);
          // The file keeps wall time as double seconds: exact for milliseconds. Values are float32 (simple_value).
          assertEquals(s.wallTimeMillis() / 1000.0, r.wallTimeSeconds(), tag);
          assertEquals(Math.round(r.wallTimeSeconds() * 1000), s.wallTimeMillis(), tag);
          assertEquals(Double.valueOf((float) s.value()), Double.valueOf(r.value()), tag + " step " + s.step());
        }
      }
      assertTrue(Double.isNaN(log.scalars().get("step/loss").get(12).value()), "the NaN loss of step 13 stays NaN");
      assertEquals(ExchangeFixtures.START / 1000.0, log.firstWallTimeSeconds());
      assertEquals((ExchangeFixtures.START + 60_000) / 1000.0, log.lastWallTimeSeconds(), "the session end closes the file");
    }
  }

  @Test
  void eachRunGetsAFolderAndAnEventFileNamedAsTensorBoardExpects() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String a = ExchangeFixtures.recordRun(store, "lr: 0.1/fast", ExchangeFixtures.START);
      String b = ExchangeFixtures.recordRun(store, "baseline", ExchangeFixtures.START + 3_600_000);
      List<Path> files = TensorBoardWriter.writeAll(store, List.of(a, b), dir.resolve("logs"));

      assertEquals(dir.resolve("logs").resolve("lr_ 0.1_fast_" + a), files.get(0).getParent());
      assertEquals(dir.resolve("logs").resolve("baseline_" + b), files.get(1).getParent());
      String name = files.get(0).getFileName().toString();
      assertTrue(name.matches("events\\.out\\.tfevents\\.1700000000\\.[A-Za-z0-9._-]+\\.layerlab"), name);
      assertTrue(TensorBoardReader.isEventFile(files.get(0)));
      try (var listing = Files.list(files.get(0).getParent())) {
        assertEquals(List.of(files.get(0)), listing.toList(), "no temporary file is left beside the event file");
      }

      byte[] first = SpecBytes.recordData(Files.readAllBytes(files.get(0))).get(0);
      assertArrayEquals(concat(doubleField(1, ExchangeFixtures.START / 1000.0), stringField(3, "brain.Event:2")), first);
    }
  }

  @Test
  void hparamsRecordDecodesToTheConfigsValues() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String id = ExchangeFixtures.recordRun(store, "baseline", ExchangeFixtures.START);
      TensorBoardLog log = TensorBoardReader.read(TensorBoardWriter.write(store, id, dir.resolve("logs")));

      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("optimizer", "adam");
      expected.put("learningRate", 0.003);
      expected.put("momentum", 0.9);
      expected.put("batchSize", 16.0);
      expected.put("epochs", 3.0);
      expected.put("seed", 7.0);
      expected.put("validationFraction", 0.25);
      expected.put("dataset", "spiral");
      expected.put("layers", 3.0);
      expected.put("parameters", 99.0);
      assertEquals(expected, log.hparams());
      assertEquals(List.copyOf(expected.keySet()), List.copyOf(log.hparams().keySet()));
      assertTrue(log.scalars().keySet().stream().noneMatch(t -> t.startsWith("_hparams_")), "hparams are not scalars");
    }
  }

  /** The second record, built here from plugin_data.proto, summary.proto and struct.proto as TensorBoard's summary.py would. */
  @Test
  void hparamsRecordHasTheBytesOfTensorBoardsSessionStartSummary() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String id = store.createRun("r", "P", "{\"training\": {\"optimizer\": \"sgd\", \"learningRate\": 0.5}}", ExchangeFixtures.START);
      byte[] second = SpecBytes.recordData(Files.readAllBytes(TensorBoardWriter.write(store, id, dir.resolve("logs")))).get(1);

      double start = ExchangeFixtures.START / 1000.0;
      byte[] sessionStartInfo =
          concat(
              bytesField(1, stringField(1, "optimizer"), bytesField(2, stringField(3, "sgd"))), // map entry: key, Value.string_value
              bytesField(1, stringField(1, "learningRate"), bytesField(2, doubleField(2, 0.5))), // Value.number_value
              doubleField(5, start)); // start_time_secs
      byte[] pluginData = bytesField(3, sessionStartInfo); // HParamsPluginData.session_start_info; version 0 left out
      byte[] nullTensor = concat(varintField(1, 1), bytesField(2, bytesField(2))); // DT_FLOAT, shape with one empty Dim
      byte[] metadata = bytesField(1, stringField(1, "hparams"), bytesField(2, pluginData)); // SummaryMetadata.plugin_data
      byte[] value = concat(stringField(1, "_hparams_/session_start_info"), bytesField(8, nullTensor), bytesField(9, metadata));
      byte[] event = concat(doubleField(1, start), bytesField(5, bytesField(1, value))); // wall_time, summary { value }

      assertArrayEquals(event, second);
    }
  }

  @Test
  void aRunWithoutAProjectConfigStillWritesItsScalars() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String id = store.createRun("bare", "P", "{}", 0);
      store.appendMetrics(id, List.of(new MetricPoint("loss", 0, 0, 0.0)));
      RunSummary run = store.findRun(id).orElseThrow();
      TensorBoardLog log = TensorBoardReader.read(TensorBoardWriter.write(store, run.id(), dir.resolve("logs")));
      assertEquals(Map.of(), log.hparams());
      assertEquals(List.of(new ScalarPoint(0, 0.0, 0.0)), log.scalars().get("loss"));
    }
  }
}
