package org.layerlab.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunStore;

class RunExporterTest {

  private static final String AWKWARD_NAME = "lr 0.1, \"warm\" start";

  @TempDir Path dir;

  @Test
  void csvHasAHeaderAndOneLinePerPointAndQuotesANameWithACommaAndAQuote() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String a = ExchangeFixtures.recordRun(store, AWKWARD_NAME, ExchangeFixtures.START);
      String b = ExchangeFixtures.recordRun(store, "plain", ExchangeFixtures.START + 5);
      StringWriter out = new StringWriter();

      RunExporter.writeCsv(store, List.of(a, b), out);

      String csv = out.toString();
      assertTrue(csv.endsWith("\r\n"));
      List<String> lines = List.of(csv.split("\r\n"));
      int points = ExchangeFixtures.points(0).size();
      assertEquals(1 + 2 * points, lines.size());
      assertEquals("run_id,run_name,tag,step,wall_time,value", lines.get(0));
      String quoted = "\"lr 0.1, \"\"warm\"\" start\"";
      assertTrue(lines.contains(a + "," + quoted + ",step/loss,1,1700000000.261,1.001"), csv.substring(0, 400));
      assertTrue(lines.contains(a + "," + quoted + ",step/loss,13,1700000001.910,NaN"));
      assertTrue(lines.contains(b + ",plain,custom/准确率 (%),-1,1700000000.133,-3.5E-7"));
      assertEquals(points, lines.stream().filter(l -> l.startsWith(a + "," + quoted + ",")).count());
      List<String> parsed = parseCsvLine(a + "," + quoted + ",step/loss,1,1700000000.261,1.001");
      assertEquals(List.of(a, AWKWARD_NAME, "step/loss", "1", "1700000000.261", "1.001"), parsed);
    }
  }

  @Test
  void jsonParsesBackWithTheRunsMetadataConfigAndEqualSeries() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String id = ExchangeFixtures.recordRun(store, AWKWARD_NAME, ExchangeFixtures.START);
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      RunExporter.writeJson(store, List.of(id), out);

      JsonNode root = new ObjectMapper().readTree(out.toByteArray());
      assertEquals("layerlab-runs", root.path("format").asText());
      assertEquals(1, root.path("runs").size());
      JsonNode run = root.path("runs").get(0);
      assertEquals(id, run.path("id").asText());
      assertEquals(AWKWARD_NAME, run.path("name").asText());
      assertEquals("FINISHED", run.path("status").asText());
      assertEquals(ExchangeFixtures.START, run.path("startedAtMillis").asLong());
      assertEquals(ExchangeFixtures.START + 60_000, run.path("endedAtMillis").asLong());
      assertEquals(0.8125, run.path("finalValidationAccuracy").asDouble());
      assertTrue(run.path("origin").isNull());
      assertEquals(false, run.path("readOnly").asBoolean());
      assertEquals(0.003, run.path("config").path("training").path("learningRate").asDouble());
      assertEquals(3, run.path("config").path("model").path("layers").size());

      JsonNode series = run.path("series");
      assertEquals(store.metricTags(id), fieldNames(series));
      for (String tag : store.metricTags(id)) {
        JsonNode s = series.path(tag);
        List<MetricPoint> parsed = new ArrayList<>();
        for (int i = 0; i < s.path("steps").size(); i++) {
          JsonNode v = s.path("values").get(i);
          long step = s.path("steps").get(i).asLong();
          long wallTime = s.path("wallTimesMillis").get(i).asLong();
          parsed.add(new MetricPoint(tag, step, wallTime, v.isNull() ? Double.NaN : v.asDouble()));
        }
        assertEquals(store.metrics(id, tag), parsed, tag);
      }
    }
  }

  @Test
  void exportToAFileWritesTheWholeDocumentAndRefusesAnUnknownRunFirst() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String id = ExchangeFixtures.recordRun(store, "r", ExchangeFixtures.START);
      Path csv = dir.resolve("out/runs.csv");
      Path json = dir.resolve("out/runs.json");

      RunExporter.exportCsv(store, List.of(id), csv);
      RunExporter.exportJson(store, List.of(id), json);

      assertEquals(1 + ExchangeFixtures.points(0).size(), Files.readAllLines(csv, StandardCharsets.UTF_8).size());
      assertEquals(id, new ObjectMapper().readTree(json.toFile()).path("runs").get(0).path("id").asText());
      StringWriter untouched = new StringWriter();
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> RunExporter.writeCsv(store, List.of(id, "nope"), untouched));
      assertTrue(e.getMessage().contains("nope"), e.getMessage());
      assertEquals("", untouched.toString());
      assertThrows(IllegalArgumentException.class, () -> RunExporter.exportJson(store, List.of("nope"), dir.resolve("none.json")));
      assertTrue(Files.notExists(dir.resolve("none.json")));
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** RFC 4180 for one line: fields split on commas outside quotes, a doubled quote inside quotes is one quote. */
  private static List<String> parseCsvLine(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
