package org.layerlab.runtime.exchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.model.LocalizedArgumentException;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Exports runs with every metric point (nothing downsampled) as CSV for spreadsheets and pandas, or as JSON with the runs'
 * metadata and configuration.
 *
 * <p>CSV follows RFC 4180: a header {@code run_id,run_name,tag,step,wall_time,value}, lines ending in CRLF, and a field holding a
 * comma, quote or line break quoted with its quotes doubled. {@code wall_time} is in seconds since the Unix epoch with millisecond
 * decimals, as TensorBoard's CSV download has it; {@code value} is Java's shortest exact decimal, {@code NaN} for a value that was
 * not a number.
 *
 * <p>JSON is {@code {"format": "layerlab-runs", "version": 1, "runs": [...]}}; each run has its metadata, its {@code config} (the
 * project JSON as a tree) and {@code series}: per tag, parallel arrays {@code steps}, {@code wallTimesMillis} and {@code values}
 * ({@code null} where the value was not a number), which load straight into a data frame.
 */
public final class RunExporter {

  /** The {@code format} value of the JSON export. */
  public static final String JSON_FORMAT = "layerlab-runs";

  /** The version of the JSON export's layout that this class writes. */
  public static final int JSON_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RunExporter() {}

  /**
   * Writes the runs' points as CSV; the writer is flushed, not closed.
   *
   * @throws IllegalArgumentException when a run is not in the store; nothing is written then
   */
  public static void writeCsv(RunStore store, List<String> runIds, Writer out) throws IOException {
    List<RunSummary> runs = find(store, runIds);
    out.write("run_id,run_name,tag,step,wall_time,value\r\n");
    StringBuilder line = new StringBuilder();
    for (RunSummary run : runs) {
      String prefix = csvField(run.id()) + "," + csvField(run.name()) + ",";
      for (String tag : store.metricTags(run.id())) {
        String tagField = csvField(tag);
        for (MetricPoint p : store.metrics(run.id(), tag)) {
          line.setLength(0);
          line.append(prefix)
              .append(tagField)
              .append(',')
              .append(p.step())
              .append(',')
              .append(BigDecimal.valueOf(p.wallTimeMillis(), 3).toPlainString())
              .append(',')
              .append(p.value())
              .append("\r\n");
          out.write(line.toString());
        }
      }
    }
    out.flush();
  }

  /**
   * Writes the runs as one JSON document; the stream is flushed, not closed.
   *
   * @throws IllegalArgumentException when a run is not in the store; nothing is written then
   */
  public static void writeJson(RunStore store, List<String> runIds, OutputStream out) throws IOException {
    List<RunSummary> runs = find(store, runIds);
    // Streamed, so a run of millions of points is never held as a tree.
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", JSON_FORMAT);
      g.writeNumberField("version", JSON_VERSION);
      g.writeArrayFieldStart("runs");
      for (RunSummary run : runs) {
        writeRun(store, run, g);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.flush();
  }

  /** Writes {@link #writeCsv} output to {@code file} (UTF-8), replacing it only once the whole export is written. */
  public static void exportCsv(RunStore store, List<String> runIds, Path file) throws IOException {
    find(store, runIds);
    writeAtomically(
        file,
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            writeCsv(store, runIds, w);
          }
        });
  }

  /** Writes {@link #writeJson} output to {@code file}, replacing it only once the whole export is written. */
  public static void exportJson(RunStore store, List<String> runIds, Path file) throws IOException {
    find(store, runIds);
    writeAtomically(
        file,
        tmp -> {
          try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            writeJson(store, runIds, o);
          }
        });
  }

  private static void writeRun(RunStore store, RunSummary run, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", run.id());
    g.writeStringField("name", run.name());
    g.writeStringField("projectName", run.projectName());
    g.writeStringField("status", run.status().name());
    g.writeNumberField("startedAtMillis", run.startedAtMillis());
    g.writeFieldName("endedAtMillis");
    if (run.endedAtMillis() == null) {
      g.writeNull();
    } else {
      g.writeNumber(run.endedAtMillis());
    }
    g.writeFieldName("finalValidationAccuracy");
    writeNumber(g, run.finalValidationAccuracy());
    g.writeStringField("message", run.message());
    g.writeStringField("origin", store.origin(run.id()).orElse(null));
    g.writeBooleanField("readOnly", store.isReadOnly(run.id()));
    g.writeFieldName("config");
    JsonNode config = configTree(run.configJson());
    if (config == null) {
      g.writeString(run.configJson());
    } else {
      g.writeTree(config);
    }
    g.writeObjectFieldStart("series");
    for (String tag : store.metricTags(run.id())) {
      List<MetricPoint> points = store.metrics(run.id(), tag);
      g.writeObjectFieldStart(tag);
      g.writeArrayFieldStart("steps");
      for (MetricPoint p : points) {
        g.writeNumber(p.step());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("wallTimesMillis");
      for (MetricPoint p : points) {
        g.writeNumber(p.wallTimeMillis());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("values");
      for (MetricPoint p : points) {
        writeNumber(g, p.value());
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** JSON has no NaN or infinity: such values are written as {@code null}. */
  private static void writeNumber(JsonGenerator g, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeNull();
    }
  }

  /** The configuration as a JSON tree, or {@code null} when it is not JSON (then it is exported as a string). */
  private static JsonNode configTree(String configJson) {
    if (configJson == null) {
      return null;
    }
    try {
      return MAPPER.readTree(configJson);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static List<RunSummary> find(RunStore store, List<String> runIds) {
    List<RunSummary> runs = new ArrayList<>();
    for (String id : runIds) {
      runs.add(store.findRun(id).orElseThrow(() -> new LocalizedArgumentException(RuntimeMessages.text("exchange.noRun", id, String.valueOf(store.file())))));
    }
    return runs;
  }

  private interface FileWork {
    void write(Path tmp) throws IOException;
  }

  private static void writeAtomically(Path file, FileWork work) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
    try {
      work.write(tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
