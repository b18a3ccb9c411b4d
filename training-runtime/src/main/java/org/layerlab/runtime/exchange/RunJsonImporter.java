package org.layerlab.runtime.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layerlab.model.LocalText;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Reads the JSON that {@link RunExporter#writeJson} writes back into a run store, as read-only runs: the way to move runs from one
 * workspace to another. Each run keeps its name, project, status, times, message, configuration and every point; the store gives it
 * a new id and records the origin {@code Layerlab JSON <file>, run <exported id>}, so importing the same file again skips the runs
 * already imported. A run still RUNNING when exported is imported as INTERRUPTED: nothing will ever end it.
 */
public final class RunJsonImporter {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One run of an export file, read but not stored.
   *
   * @param exportedId the run's id in the workspace it was exported from
   */
  public record ExportedRun(String exportedId, RunSummary summary, String origin, List<MetricPoint> points) {}

  /** What importing one run came to. */
  public record ImportedRun(String exportedId, String runId, boolean alreadyImported) {}

  private RunJsonImporter() {}

  /**
   * Reads an export file without touching a store.
   *
   * @throws IOException when the file cannot be read, is not JSON, or is not a {@value RunExporter#JSON_FORMAT} export of a
   *     version this class reads; the message names the file and what is wrong
   */
  public static List<ExportedRun> read(Path file) throws IOException {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = MAPPER.readTree(in);
    } catch (NoSuchFileException e) {
      throw new RunExchangeException(RuntimeMessages.text("exchange.json.missing", String.valueOf(file)), e);
    } catch (JsonProcessingException e) {
      throw new RunExchangeException(RuntimeMessages.text("exchange.json.notJson", String.valueOf(file), e.getOriginalMessage()), e);
    }
    if (root == null || !RunExporter.JSON_FORMAT.equals(root.path("format").asText(null))) {
      throw new RunExchangeException(RuntimeMessages.text("exchange.json.notAnExport", String.valueOf(file), RunExporter.JSON_FORMAT));
    }
    int version = root.path("version").asInt(-1);
    if (version != RunExporter.JSON_VERSION) {
      throw new RunExchangeException(
          RuntimeMessages.text(
              "exchange.json.otherVersion", String.valueOf(file), String.valueOf(version), String.valueOf(RunExporter.JSON_VERSION)));
    }
    String source = file.toAbsolutePath().normalize().toString();
    List<ExportedRun> out = new ArrayList<>();
    int index = 0;
    for (JsonNode run : root.path("runs")) {
      out.add(run(run, source, index++));
    }
    return out;
  }

  /** Stores one run read by {@link #read}, unless a run with the same origin is in the store already. */
  public static ImportedRun store(RunStore store, ExportedRun run, Map<String, String> importedOrigins) {
    String existing = importedOrigins.get(run.origin());
    if (existing != null) {
      return new ImportedRun(run.exportedId(), existing, true);
    }
    String id = store.importRun(run.summary(), run.origin(), run.points());
    importedOrigins.put(run.origin(), id);
    return new ImportedRun(run.exportedId(), id, false);
  }

  /** The origins of the store's imported runs, to their run ids; pass it to {@link #store}. */
  public static Map<String, String> importedOrigins(RunStore store) {
    Map<String, String> byOrigin = new HashMap<>();
    for (RunSummary r : store.listRuns()) {
      store.origin(r.id()).ifPresent(o -> byOrigin.put(o, r.id()));
    }
    return byOrigin;
  }

  /** Reads and stores every run of an export file. */
  public static List<ImportedRun> importFile(RunStore store, Path file) throws IOException {
    Map<String, String> origins = importedOrigins(store);
    List<ImportedRun> out = new ArrayList<>();
    for (ExportedRun run : read(file)) {
      out.add(store(store, run, origins));
    }
    return out;
  }

  private static ExportedRun run(JsonNode run, String source, int index) throws IOException {
    LocalText where = RuntimeMessages.text("exchange.json.where", source, String.valueOf(index + 1));
    String id = text(run, "id", where);
    String name = text(run, "name", where);
    RunStatus status;
    try {
      status = RunStatus.valueOf(text(run, "status", where).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RunExchangeException(RuntimeMessages.text("exchange.json.unknownStatus", where, run.path("status").asText()));
    }
    if (!status.isFinal()) {
      status = RunStatus.INTERRUPTED;
    }
    if (!run.path("startedAtMillis").canConvertToLong()) {
      throw new RunExchangeException(RuntimeMessages.text("exchange.json.badStart", where));
    }
    long started = run.path("startedAtMillis").asLong();
    Long ended = run.path("endedAtMillis").canConvertToLong() ? run.path("endedAtMillis").asLong() : started;
    JsonNode config = run.path("config");
    String configJson = config.isTextual() ? config.asText() : config.isMissingNode() || config.isNull() ? "{}" : config.toString();
    String message = run.path("message").asText("");
    RunSummary summary =
        new RunSummary(
            null, name, run.path("projectName").asText(""), status, started, ended, number(run.path("finalValidationAccuracy")), message,
            configJson);
    List<MetricPoint> points = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> series = run.path("series").fields();
    while (series.hasNext()) {
      Map.Entry<String, JsonNode> e = series.next();
      JsonNode steps = e.getValue().path("steps");
      JsonNode walls = e.getValue().path("wallTimesMillis");
      JsonNode values = e.getValue().path("values");
      if (steps.size() != values.size() || walls.size() != values.size()) {
        throw new RunExchangeException(RuntimeMessages.text("exchange.json.unevenSeries", where, e.getKey()));
      }
      for (int i = 0; i < steps.size(); i++) {
        points.add(new MetricPoint(e.getKey(), steps.get(i).asLong(), walls.get(i).asLong(), number(values.get(i))));
      }
    }
    return new ExportedRun(id, summary, "Layerlab JSON " + source + ", run " + id, points);
  }

  private static String text(JsonNode run, String field, LocalText where) throws IOException {
    JsonNode v = run.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new RunExchangeException(RuntimeMessages.text("exchange.json.missingField", where, field));
    }
    return v.asText();
  }

  /** Exports write NaN as {@code null}. */
  private static double number(JsonNode v) {
    return v.isNumber() ? v.asDouble() : Double.NaN;
  }
}
