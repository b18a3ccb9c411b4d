package org.layerlab.runtime.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.layerlab.model.LocalizedArgumentException;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Writes runs as TensorBoard event files, a folder per run, so that {@code tensorboard --logdir DIR} shows their scalars and, in its
 * HParams dashboard, their hyperparameters.
 *
 * <p>An event file is a TFRecord file. Each record is the length of its data (uint64, little-endian), the masked CRC-32C of those 8
 * bytes, the data, and the masked CRC-32C of the data. Each record's data is a {@code tensorboard.Event}. The first event holds
 * {@code file_version = "brain.Event:2"}, which also tells TensorBoard not to drop points whose step goes back (epoch tags count
 * epochs, step tags count batches). Then comes the hparams plugin's session start, one event per metric point with a
 * {@code simple_value} (tag by tag, in step order), and the session end once the run has ended.
 */
public final class TensorBoardWriter {

  /** The file version TensorBoard expects in the first event of a file. */
  static final String FILE_VERSION = "brain.Event:2";

  // tensorboard/compat/proto/event.proto: Event
  private static final int EVENT_WALL_TIME = 1;
  private static final int EVENT_STEP = 2;
  private static final int EVENT_FILE_VERSION = 3;
  private static final int EVENT_SUMMARY = 5;
  // tensorboard/compat/proto/summary.proto: Summary, Summary.Value, SummaryMetadata, SummaryMetadata.PluginData
  private static final int SUMMARY_VALUE = 1;
  private static final int VALUE_TAG = 1;
  private static final int VALUE_SIMPLE_VALUE = 2;
  private static final int VALUE_TENSOR = 8;
  private static final int VALUE_METADATA = 9;
  private static final int METADATA_PLUGIN_DATA = 1;
  private static final int PLUGIN_DATA_PLUGIN_NAME = 1;
  private static final int PLUGIN_DATA_CONTENT = 2;
  // tensorboard/compat/proto/tensor.proto and tensor_shape.proto: TensorProto, TensorShapeProto; types.proto: DT_FLOAT = 1
  private static final int TENSOR_DTYPE = 1;
  private static final int TENSOR_SHAPE = 2;
  private static final int SHAPE_DIM = 2;
  private static final int DT_FLOAT = 1;
  // tensorboard/plugins/hparams/plugin_data.proto: HParamsPluginData (version = 1, left at 0), SessionStartInfo, SessionEndInfo
  private static final int HPARAMS_SESSION_START_INFO = 3;
  private static final int HPARAMS_SESSION_END_INFO = 4;
  private static final int START_HPARAMS = 1;
  private static final int START_TIME_SECS = 5;
  private static final int END_STATUS = 1;
  private static final int END_TIME_SECS = 2;
  // A protobuf map field is a repeated entry message with the key as field 1 and the value as field 2.
  private static final int MAP_KEY = 1;
  private static final int MAP_VALUE = 2;
  // google/protobuf/struct.proto: Value
  private static final int STRUCT_NUMBER_VALUE = 2;
  private static final int STRUCT_STRING_VALUE = 3;
  private static final int STRUCT_BOOL_VALUE = 4;
  // tensorboard/plugins/hparams/api.proto: Status
  private static final int STATUS_UNKNOWN = 0;
  private static final int STATUS_SUCCESS = 1;
  private static final int STATUS_FAILURE = 2;

  /** Tags and plugin name of tensorboard/plugins/hparams/metadata.py, whose PLUGIN_DATA_VERSION is 0. */
  static final String SESSION_START_INFO_TAG = "_hparams_/session_start_info";

  static final String SESSION_END_INFO_TAG = "_hparams_/session_end_info";
  static final String HPARAMS_PLUGIN = "hparams";

  private TensorBoardWriter() {}

  /**
   * Writes one run into its own folder under {@code logDir} (see {@link #folderName}) as
   * {@code events.out.tfevents.<start in unix seconds>.<host>.layerlab}. Writing the same run again replaces that file.
   *
   * @return the event file written
   * @throws IllegalArgumentException when the store has no such run
   */
  public static Path write(RunStore store, String runId, Path logDir) throws IOException {
    RunSummary run =
        store.findRun(runId).orElseThrow(() -> new LocalizedArgumentException(RuntimeMessages.text("exchange.noRun", runId, String.valueOf(store.file()))));
    Path folder = logDir.resolve(folderName(run));
    Files.createDirectories(folder);
    Path file = folder.resolve("events.out.tfevents." + Math.floorDiv(run.startedAtMillis(), 1000) + "." + hostName() + ".layerlab");
    // Written beside the target and moved into place, so TensorBoard (which reads files named *tfevents*) never sees half a file.
    Path tmp = folder.resolve(".layerlab-export-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        writeEvents(store, run, out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return file;
  }

  /** Writes several runs, each into its own folder under {@code logDir}, and returns their event files in the same order. */
  public static List<Path> writeAll(RunStore store, List<String> runIds, Path logDir) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String id : runIds) {
      files.add(write(store, id, logDir));
    }
    return files;
  }

  /**
   * The folder of a run under a log directory, which TensorBoard shows as the run's name: the run's name and its id (names need not
   * be unique), with the characters that file systems refuse replaced by {@code _}.
   */
  public static String folderName(RunSummary run) {
    String name = run.name().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    if (name.length() > 80) {
      name = name.substring(0, 80);
    }
    name = name.replaceFirst("^\\.+", "_");
    return name.isEmpty() ? run.id() : name + "_" + run.id();
  }

  private static void writeEvents(RunStore store, RunSummary run, OutputStream out) throws IOException {
    double start = seconds(run.startedAtMillis());
    writeRecord(out, new ProtoEncoder().float64(EVENT_WALL_TIME, start).string(EVENT_FILE_VERSION, FILE_VERSION).toByteArray());
    writeRecord(out, event(start, 0, hparamsValue(SESSION_START_INFO_TAG, sessionStart(run))));
    for (String tag : store.metricTags(run.id())) {
      for (MetricPoint p : store.metrics(run.id(), tag)) {
        ProtoEncoder value = new ProtoEncoder().string(VALUE_TAG, tag).float32(VALUE_SIMPLE_VALUE, (float) p.value());
        writeRecord(out, event(seconds(p.wallTimeMillis()), p.step(), value));
      }
    }
    if (run.status().isFinal() && run.endedAtMillis() != null) {
      double end = seconds(run.endedAtMillis());
      ProtoEncoder endInfo = new ProtoEncoder();
      int status = hparamsStatus(run.status());
      if (status != STATUS_UNKNOWN) {
        endInfo.varint(END_STATUS, status);
      }
      endInfo.float64(END_TIME_SECS, end);
      ProtoEncoder data = new ProtoEncoder().message(HPARAMS_SESSION_END_INFO, endInfo);
      writeRecord(out, event(end, 0, hparamsValue(SESSION_END_INFO_TAG, data)));
    }
  }

  /**
   * An event with one summary value. Fields go out in field-number order and step 0 is left out, as proto3 serialisers do, so the
   * bytes match those of TensorBoard's own Python writer.
   */
  private static byte[] event(double wallTime, long step, ProtoEncoder summaryValue) {
    ProtoEncoder event = new ProtoEncoder().float64(EVENT_WALL_TIME, wallTime);
    if (step != 0) {
      event.varint(EVENT_STEP, step);
    }
    return event.message(EVENT_SUMMARY, new ProtoEncoder().message(SUMMARY_VALUE, summaryValue)).toByteArray();
  }

  /**
   * HParamsPluginData with the run's hyperparameters as a session start. Its {@code version} is 0, proto3's default, so it is left
   * out like TensorBoard's writer leaves it out.
   */
  private static ProtoEncoder sessionStart(RunSummary run) {
    ProtoEncoder start = new ProtoEncoder();
    for (Map.Entry<String, Object> h : Hyperparameters.fromConfig(run.configJson()).entrySet()) {
      ProtoEncoder value = new ProtoEncoder();
      Object v = h.getValue();
      if (v instanceof Boolean b) {
        value.bool(STRUCT_BOOL_VALUE, b);
      } else if (v instanceof Number n) {
        value.float64(STRUCT_NUMBER_VALUE, n.doubleValue());
      } else {
        value.string(STRUCT_STRING_VALUE, String.valueOf(v));
      }
      start.message(START_HPARAMS, new ProtoEncoder().string(MAP_KEY, h.getKey()).message(MAP_VALUE, value));
    }
    start.float64(START_TIME_SECS, seconds(run.startedAtMillis()));
    return new ProtoEncoder().message(HPARAMS_SESSION_START_INFO, start);
  }

  /**
   * A summary value as the hparams plugin writes it: the plugin data in the metadata, and an empty float tensor of shape (0) as the
   * value, because a value must carry some data (tensorboard/plugins/hparams/metadata.py, NULL_TENSOR).
   */
  private static ProtoEncoder hparamsValue(String tag, ProtoEncoder pluginData) {
    ProtoEncoder plugin =
        new ProtoEncoder().string(PLUGIN_DATA_PLUGIN_NAME, HPARAMS_PLUGIN).bytes(PLUGIN_DATA_CONTENT, pluginData.toByteArray());
    // One dimension whose size (field 1) is 0, proto3's default, so the Dim message is empty: TensorBoard's NULL_TENSOR bytes.
    ProtoEncoder emptyShape = new ProtoEncoder().message(SHAPE_DIM, new ProtoEncoder());
    ProtoEncoder nullTensor = new ProtoEncoder().varint(TENSOR_DTYPE, DT_FLOAT).message(TENSOR_SHAPE, emptyShape);
    return new ProtoEncoder()
        .string(VALUE_TAG, tag)
        .message(VALUE_TENSOR, nullTensor)
        .message(VALUE_METADATA, new ProtoEncoder().message(METADATA_PLUGIN_DATA, plugin));
  }

  private static int hparamsStatus(RunStatus status) {
    return switch (status) {
      case FINISHED -> STATUS_SUCCESS;
      case DIVERGED, FAILED, INTERRUPTED -> STATUS_FAILURE;
      // STOPPED: the user ended it early, neither a success nor a failure. RUNNING never gets here.
      case STOPPED, RUNNING -> STATUS_UNKNOWN;
    };
  }

  private static void writeRecord(OutputStream out, byte[] data) throws IOException {
    byte[] header = new byte[8];
    long length = data.length;
    for (int i = 0; i < 8; i++) {
      header[i] = (byte) (length >>> (8 * i));
    }
    out.write(header);
    writeInt32(out, maskedCrc32c(header));
    out.write(data);
    writeInt32(out, maskedCrc32c(data));
  }

  /** TFRecord's masked CRC-32C: rotate right by 15 bits and add a constant, so a CRC stored in checked data is not a CRC of itself. */
  private static int maskedCrc32c(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data, 0, data.length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }

  private static void writeInt32(OutputStream out, int v) throws IOException {
    for (int i = 0; i < 4; i++) {
      out.write(v >>> (8 * i));
    }
  }

  private static double seconds(long millis) {
    return millis / 1000.0;
  }

  private static String hostName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String safe = host.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() ? "localhost" : safe;
  }
}
