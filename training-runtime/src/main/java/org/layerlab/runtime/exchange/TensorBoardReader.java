package org.layerlab.runtime.exchange;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.layerlab.model.LocalText;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Reads TensorBoard event files: scalar series by tag and the hparams plugin's hyperparameters.
 *
 * <p>Every record's two checksums are verified; a damaged or cut record stops the reading with a {@link TensorBoardFormatException}
 * naming the file and the record's byte offset. (TensorBoard itself waits at a cut last record, which may still be being written;
 * an import wants to know.)
 *
 * <p>Scalars come in two forms. Layerlab and older writers store a {@code simple_value} float. TensorFlow 2 and PyTorch's
 * {@code new_style} store a {@code tensor} of one {@code DT_FLOAT} (or {@code DT_DOUBLE}, {@code DT_INT32}, {@code DT_INT64}) element,
 * in {@code float_val} or in little-endian {@code tensor_content}, with the {@code scalars} plugin named in the summary metadata of
 * the tag's first value only; later values of the tag carry no metadata. Tensors of other plugins (histograms, images, text) are
 * skipped, and so are the fields this reader does not know, such as graphs.
 */
public final class TensorBoardReader {

  // tensorboard/compat/proto/event.proto: Event
  private static final int EVENT_WALL_TIME = 1;
  private static final int EVENT_STEP = 2;
  private static final int EVENT_SUMMARY = 5;
  // tensorboard/compat/proto/summary.proto: Summary, Summary.Value, SummaryMetadata, SummaryMetadata.PluginData, DataClass
  private static final int SUMMARY_VALUE = 1;
  private static final int VALUE_TAG = 1;
  private static final int VALUE_SIMPLE_VALUE = 2;
  private static final int VALUE_TENSOR = 8;
  private static final int VALUE_METADATA = 9;
  private static final int METADATA_PLUGIN_DATA = 1;
  private static final int METADATA_DATA_CLASS = 4;
  private static final int PLUGIN_NAME = 1;
  private static final int PLUGIN_CONTENT = 2;
  private static final int DATA_CLASS_UNKNOWN = 0;
  private static final int DATA_CLASS_SCALAR = 1;
  // tensorboard/compat/proto/tensor.proto, tensor_shape.proto, types.proto
  private static final int TENSOR_DTYPE = 1;
  private static final int TENSOR_SHAPE = 2;
  private static final int TENSOR_CONTENT = 4;
  private static final int TENSOR_FLOAT_VAL = 5;
  private static final int TENSOR_DOUBLE_VAL = 6;
  private static final int TENSOR_INT_VAL = 7;
  private static final int TENSOR_INT64_VAL = 10;
  private static final int SHAPE_DIM = 2;
  private static final int DIM_SIZE = 1;
  private static final int DT_FLOAT = 1;
  private static final int DT_DOUBLE = 2;
  private static final int DT_INT32 = 3;
  private static final int DT_INT64 = 9;
  // tensorboard/plugins/hparams/plugin_data.proto: HParamsPluginData, SessionStartInfo; google/protobuf/struct.proto: Value
  private static final int HPARAMS_VERSION = 1;
  private static final int HPARAMS_SESSION_START_INFO = 3;
  private static final int START_HPARAMS = 1;
  private static final int MAP_KEY = 1;
  private static final int MAP_VALUE = 2;
  private static final int STRUCT_NUMBER_VALUE = 2;
  private static final int STRUCT_STRING_VALUE = 3;
  private static final int STRUCT_BOOL_VALUE = 4;

  private static final String SCALARS_PLUGIN = "scalars";
  private static final String HPARAMS_PLUGIN = "hparams";
  private static final String SESSION_START_INFO_TAG = "_hparams_/session_start_info";
  private static final int HEADER_BYTES = 12;

  private TensorBoardReader() {}

  /** Reads one event file. */
  public static TensorBoardLog read(Path file) throws IOException {
    return readFiles(List.of(file));
  }

  /**
   * Reads the event files directly in {@code folder}, in name order (TensorBoard's names start with the creation time), as one run.
   *
   * @throws NoSuchFileException when the folder holds no event file
   */
  public static TensorBoardLog readFolder(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(TensorBoardReader::isEventFile).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new NoEventFileException(folder, false);
    }
    return readFiles(files);
  }

  /** Whether TensorBoard would read the file: a regular file with {@code tfevents} in its name. */
  public static boolean isEventFile(Path file) {
    return file.getFileName() != null && file.getFileName().toString().contains("tfevents") && Files.isRegularFile(file);
  }

  private static TensorBoardLog readFiles(List<Path> files) throws IOException {
    Collector c = new Collector();
    for (Path f : files) {
      readFile(f, c);
    }
    return new TensorBoardLog(files, c.scalars, c.hparams, c.firstWallTime, c.lastWallTime);
  }

  private static void readFile(Path file, Collector c) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      long offset = 0;
      byte[] header = new byte[HEADER_BYTES];
      while (true) {
        int got = in.readNBytes(header, 0, HEADER_BYTES);
        if (got == 0) {
          return;
        }
        if (got < HEADER_BYTES) {
          throw new TensorBoardFormatException(
              file, offset, RuntimeMessages.text("exchange.tensorboard.cutHeader", String.valueOf(got), String.valueOf(HEADER_BYTES)));
        }
        if (maskedCrc32c(header, 8) != littleEndianInt(header, 8)) {
          throw new TensorBoardFormatException(
              file, offset, RuntimeMessages.text("exchange.tensorboard.lengthChecksum"));
        }
        long length = littleEndianInt(header, 0) & 0xFFFFFFFFL | (long) littleEndianInt(header, 4) << 32;
        if (length < 0 || length > Integer.MAX_VALUE - 16) {
          throw new TensorBoardFormatException(
              file, offset, RuntimeMessages.text("exchange.tensorboard.tooLarge", Long.toUnsignedString(length)));
        }
        // readNBytes grows its buffer as bytes arrive, so a cut file never allocates the whole announced length.
        byte[] data = in.readNBytes((int) length);
        byte[] crc = in.readNBytes(4);
        if (data.length < length || crc.length < 4) {
          throw new TensorBoardFormatException(
              file, offset, RuntimeMessages.text("exchange.tensorboard.cutRecord", String.valueOf(length)));
        }
        if (maskedCrc32c(data, data.length) != littleEndianInt(crc, 0)) {
          throw new TensorBoardFormatException(
              file, offset, RuntimeMessages.text("exchange.tensorboard.dataChecksum"));
        }
        try {
          c.event(data);
        } catch (ProtoDecoder.MalformedException e) {
          LocalText problem = RuntimeMessages.text("exchange.tensorboard.notAnEvent", String.valueOf(offset), e.problem());
          throw new TensorBoardFormatException(file, offset + HEADER_BYTES + e.position(), problem);
        }
        offset += HEADER_BYTES + length + 4;
      }
    }
  }

  private static int maskedCrc32c(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }

  private static int littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
  }

  private static long littleEndianLong(byte[] b, int at) {
    return littleEndianInt(b, at) & 0xFFFFFFFFL | (long) littleEndianInt(b, at + 4) << 32;
  }

  /** The plugin and data class of a tag, from the metadata of its first value. */
  private record TagKind(String plugin, int dataClass) {}

  /** The state of one reading: what has been found, and what each tag's first metadata said. */
  private static final class Collector {
    final Map<String, List<ScalarPoint>> scalars = new HashMap<>();
    final Map<String, Object> hparams = new LinkedHashMap<>();
    final Map<String, TagKind> kinds = new HashMap<>();
    double firstWallTime = Double.NaN;
    double lastWallTime = Double.NaN;

    void event(byte[] data) throws ProtoDecoder.MalformedException {
      ProtoDecoder e = new ProtoDecoder(data);
      double wallTime = 0;
      long step = 0;
      List<ProtoDecoder> summaries = new ArrayList<>();
      for (int f = e.next(); f != -1; f = e.next()) {
        switch (f) {
          case EVENT_WALL_TIME -> wallTime = e.readDouble();
          case EVENT_STEP -> step = e.readVarint();
          case EVENT_SUMMARY -> summaries.add(e.readMessage());
          default -> e.skip();
        }
      }
      firstWallTime = Double.isNaN(firstWallTime) ? wallTime : Math.min(firstWallTime, wallTime);
      lastWallTime = Double.isNaN(lastWallTime) ? wallTime : Math.max(lastWallTime, wallTime);
      for (ProtoDecoder s : summaries) {
        for (int f = s.next(); f != -1; f = s.next()) {
          if (f == SUMMARY_VALUE) {
            value(s.readMessage(), wallTime, step);
          } else {
            s.skip();
          }
        }
      }
    }

    private void value(ProtoDecoder v, double wallTime, long step) throws ProtoDecoder.MalformedException {
      String tag = "";
      Float simpleValue = null;
      ProtoDecoder tensor = null;
      String plugin = null;
      byte[] content = null;
      int dataClass = DATA_CLASS_UNKNOWN;
      for (int f = v.next(); f != -1; f = v.next()) {
        switch (f) {
          case VALUE_TAG -> tag = v.readString();
          case VALUE_SIMPLE_VALUE -> simpleValue = v.readFloat();
          case VALUE_TENSOR -> tensor = v.readMessage();
          case VALUE_METADATA -> {
            ProtoDecoder m = v.readMessage();
            for (int g = m.next(); g != -1; g = m.next()) {
              if (g == METADATA_PLUGIN_DATA) {
                ProtoDecoder p = m.readMessage();
                plugin = "";
                for (int h = p.next(); h != -1; h = p.next()) {
                  if (h == PLUGIN_NAME) {
                    plugin = p.readString();
                  } else if (h == PLUGIN_CONTENT) {
                    content = p.readBytes();
                  } else {
                    p.skip();
                  }
                }
              } else if (g == METADATA_DATA_CLASS) {
                dataClass = (int) m.readVarint();
              } else {
                m.skip();
              }
            }
          }
          default -> v.skip();
        }
      }
      if (plugin != null || dataClass != DATA_CLASS_UNKNOWN) {
        // Like TensorBoard, the first metadata of a tag decides what the tag is.
        kinds.putIfAbsent(tag, new TagKind(plugin == null ? "" : plugin, dataClass));
      }
      if (simpleValue != null) {
        addScalar(tag, step, wallTime, simpleValue);
        return;
      }
      if (tensor == null) {
        return;
      }
      TagKind kind = kinds.getOrDefault(tag, new TagKind("", DATA_CLASS_UNKNOWN));
      if (HPARAMS_PLUGIN.equals(kind.plugin())) {
        if (SESSION_START_INFO_TAG.equals(tag) && content != null) {
          sessionStart(content);
        }
        return;
      }
      boolean scalar =
          SCALARS_PLUGIN.equals(kind.plugin())
              || kind.dataClass() == DATA_CLASS_SCALAR
              || (kind.plugin().isEmpty() && kind.dataClass() == DATA_CLASS_UNKNOWN);
      if (scalar) {
        Double x = scalarOf(tensor);
        if (x != null) {
          addScalar(tag, step, wallTime, x);
        }
      }
    }

    private void addScalar(String tag, long step, double wallTime, double value) {
      scalars.computeIfAbsent(tag, t -> new ArrayList<>()).add(new ScalarPoint(step, wallTime, value));
    }

    /** The one number a tensor holds, or {@code null} when it holds more, fewer, or a kind this reader does not know. */
    private static Double scalarOf(ProtoDecoder t) throws ProtoDecoder.MalformedException {
      int dtype = 0;
      long elements = 1;
      byte[] content = null;
      Double listed = null;
      for (int f = t.next(); f != -1; f = t.next()) {
        switch (f) {
          case TENSOR_DTYPE -> dtype = (int) t.readVarint();
          case TENSOR_SHAPE -> elements = elements(t.readMessage());
          case TENSOR_CONTENT -> content = t.readBytes();
          case TENSOR_FLOAT_VAL -> listed = first(listed, t.readFloats());
          case TENSOR_DOUBLE_VAL -> listed = first(listed, t.readDoubles());
          case TENSOR_INT_VAL, TENSOR_INT64_VAL -> {
            long[] ints = t.readVarints();
            // int32 values are sign-extended varints, so the cast keeps negative numbers.
            listed = listed != null || ints.length == 0 ? listed : Double.valueOf(f == TENSOR_INT_VAL ? (int) ints[0] : ints[0]);
          }
          default -> t.skip();
        }
      }
      if (elements != 1) {
        return null;
      }
      int width;
      switch (dtype) {
        case DT_FLOAT, DT_INT32 -> width = 4;
        case DT_DOUBLE, DT_INT64 -> width = 8;
        default -> {
          return null;
        }
      }
      if (content != null && content.length > 0) {
        if (content.length != width) {
          return null;
        }
        return switch (dtype) {
          case DT_FLOAT -> (double) Float.intBitsToFloat(littleEndianInt(content, 0));
          case DT_INT32 -> (double) littleEndianInt(content, 0);
          case DT_DOUBLE -> Double.longBitsToDouble(littleEndianLong(content, 0));
          default -> (double) littleEndianLong(content, 0);
        };
      }
      // A tensor of one element with no value listed holds zero, as in TensorFlow's own reading.
      return listed == null ? 0.0 : listed;
    }

    private static Double first(Double already, float[] values) {
      return already != null || values.length == 0 ? already : Double.valueOf(values[0]);
    }

    private static Double first(Double already, double[] values) {
      return already != null || values.length == 0 ? already : Double.valueOf(values[0]);
    }

    /** The number of elements of a shape: the product of its dimensions, 1 for a scalar (no dimensions), -1 when unknown. */
    private static long elements(ProtoDecoder shape) throws ProtoDecoder.MalformedException {
      long n = 1;
      boolean known = true;
      for (int f = shape.next(); f != -1; f = shape.next()) {
        if (f == SHAPE_DIM) {
          ProtoDecoder dim = shape.readMessage();
          long size = 0;
          for (int g = dim.next(); g != -1; g = dim.next()) {
            if (g == DIM_SIZE) {
              size = dim.readVarint();
            } else {
              dim.skip();
            }
          }
          n *= size;
        } else {
          // unknown_rank, or a field of a later TensorFlow: a shape this reader cannot count.
          shape.skip();
          known = false;
        }
      }
      return known ? n : -1;
    }

    /** Reads an HParamsPluginData and keeps the hyperparameters of its session start. */
    private void sessionStart(byte[] content) throws ProtoDecoder.MalformedException {
      ProtoDecoder d = new ProtoDecoder(content);
      long version = 0;
      ProtoDecoder start = null;
      for (int f = d.next(); f != -1; f = d.next()) {
        if (f == HPARAMS_VERSION) {
          version = d.readVarint();
        } else if (f == HPARAMS_SESSION_START_INFO) {
          start = d.readMessage();
        } else {
          d.skip();
        }
      }
      // TensorBoard refuses other versions too: their layout may differ.
      if (version != 0 || start == null) {
        return;
      }
      for (int f = start.next(); f != -1; f = start.next()) {
        if (f != START_HPARAMS) {
          start.skip();
          continue;
        }
        ProtoDecoder entry = start.readMessage();
        String key = "";
        Object value = null;
        for (int g = entry.next(); g != -1; g = entry.next()) {
          if (g == MAP_KEY) {
            key = entry.readString();
          } else if (g == MAP_VALUE) {
            value = structValue(entry.readMessage());
          } else {
            entry.skip();
          }
        }
        if (value != null) {
          hparams.put(key, value);
        }
      }
    }

    /** A google.protobuf.Value that is a number, text or truth value; {@code null} for null, lists and structs. */
    private static Object structValue(ProtoDecoder v) throws ProtoDecoder.MalformedException {
      Object out = null;
      for (int f = v.next(); f != -1; f = v.next()) {
        switch (f) {
          case STRUCT_NUMBER_VALUE -> out = v.readDouble();
          case STRUCT_STRING_VALUE -> out = v.readString();
          case STRUCT_BOOL_VALUE -> out = v.readVarint() != 0;
          default -> {
            v.skip();
            out = null;
          }
        }
      }
      return out;
    }
  }
}
