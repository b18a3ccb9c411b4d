package org.layerlab.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.runtime.exchange.SpecBytes.bytesField;
import static org.layerlab.runtime.exchange.SpecBytes.concat;
import static org.layerlab.runtime.exchange.SpecBytes.doubleField;
import static org.layerlab.runtime.exchange.SpecBytes.floatField;
import static org.layerlab.runtime.exchange.SpecBytes.littleEndianFloats;
import static org.layerlab.runtime.exchange.SpecBytes.stringField;
import static org.layerlab.runtime.exchange.SpecBytes.varintField;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.store.RunStore;

class TensorBoardReaderTest {

  @TempDir Path dir;

  private Path writtenRun() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      return TensorBoardWriter.write(store, ExchangeFixtures.recordRun(store, "r", ExchangeFixtures.START), dir.resolve("logs"));
    }
  }

  @Test
  void aFlippedByteIsReportedWithTheFileAndTheOffsetOfItsRecord() throws Exception {
    Path file = writtenRun();
    byte[] good = Files.readAllBytes(file);
    List<Long> starts = SpecBytes.recordStarts(good);
    long record = starts.get(starts.size() / 2);
    long next = starts.get(starts.size() / 2 + 1);
    // In the length, in the length's CRC, in the data, and in the data's CRC.
    for (long at : new long[] {record + 1, record + 9, record + 12 + (next - record - 16) / 2, next - 2}) {
      byte[] bad = good.clone();
      bad[(int) at] ^= 0x10;
      Files.write(file, bad);

      TensorBoardFormatException e = assertThrows(TensorBoardFormatException.class, () -> TensorBoardReader.read(file));
      assertEquals(record, e.offset(), "flipped byte " + at);
      assertEquals(file, e.file());
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("byte " + record), e.getMessage());
      assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }
  }

  @Test
  void aTruncatedFileIsReportedAtItsLastRecord() throws Exception {
    Path file = writtenRun();
    byte[] good = Files.readAllBytes(file);
    List<Long> starts = SpecBytes.recordStarts(good);
    long last = starts.get(starts.size() - 1);
    for (long cut : new long[] {last + 5, last + 14, good.length - 1}) {
      Files.write(file, Arrays.copyOf(good, (int) cut));

      TensorBoardFormatException e = assertThrows(TensorBoardFormatException.class, () -> TensorBoardReader.read(file));
      assertEquals(last, e.offset(), "cut at " + cut);
      assertTrue(e.getMessage().contains("truncated"), e.getMessage());
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
  }

  @Test
  void tensorFlowAndPyTorchScalarTensorsAreReadAsScalars() throws Exception {
    // As tf.summary.scalar writes: scalars plugin metadata on the tag's first value only, a DT_FLOAT tensor of shape [] (an empty
    // TensorShapeProto) with packed float_val.
    byte[] scalarsMetadata = concat(bytesField(1, stringField(1, "scalars")), varintField(4, 1));
    byte[] first =
        value("epoch_loss", bytesField(8, varintField(1, 1), bytesField(2), bytesField(5, littleEndianFloats(0.5f))), scalarsMetadata);
    // Later values: no metadata, the number in tensor_content.
    byte[] second = value("epoch_loss", bytesField(8, varintField(1, 1), bytesField(2), bytesField(4, littleEndianFloats(0.25f))), null);
    // float_val unpacked (wire type 5), and a DT_DOUBLE with packed double_val, shape [1].
    byte[] unpacked = value("epoch_loss", bytesField(8, varintField(1, 1), floatField(5, 0.125f)), null);
    byte[] dims1 = bytesField(2, bytesField(2, varintField(1, 1)));
    byte[] packedDouble = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(1e-3).array();
    byte[] asDouble = value("lr", bytesField(8, varintField(1, 2), dims1, bytesField(6, packedDouble)), scalarsMetadata);
    // A histogram: its own plugin and a 2x3 tensor; not a scalar.
    byte[] histogram =
        value(
            "weights",
            bytesField(8, varintField(1, 1), bytesField(2, bytesField(2, varintField(1, 2)), bytesField(2, varintField(1, 3)))),
            bytesField(1, stringField(1, "histograms")));
    byte[] legacy = concat(stringField(1, "old_style"), floatField(2, 7.5f));

    byte[] file =
        SpecBytes.tfRecords(
            List.of(
                concat(doubleField(1, 100.0), stringField(3, "brain.Event:2"), bytesField(10, stringField(1, "pytorch"))),
                concat(doubleField(1, 100.5), bytesField(4, new byte[] {1, 2, 3})), // a graph_def: skipped
                event(101.0, 1, first),
                event(102.0, 2, second),
                event(103.0, 3, unpacked),
                event(103.5, 3, asDouble),
                event(104.0, 4, histogram),
                event(105.0, 5, legacy)));
    Path path = dir.resolve("events.out.tfevents.100.host");
    Files.write(path, file);

    TensorBoardLog log = TensorBoardReader.read(path);

    assertEquals(
        List.of(new ScalarPoint(1, 101.0, 0.5), new ScalarPoint(2, 102.0, 0.25), new ScalarPoint(3, 103.0, 0.125)),
        log.scalars().get("epoch_loss"));
    assertEquals(List.of(new ScalarPoint(3, 103.5, 1e-3)), log.scalars().get("lr"));
    assertEquals(List.of(new ScalarPoint(5, 105.0, 7.5)), log.scalars().get("old_style"));
    assertFalse(log.scalars().containsKey("weights"));
    assertEquals(Map.of(), log.hparams());
    assertEquals(100.0, log.firstWallTimeSeconds());
    assertEquals(105.0, log.lastWallTimeSeconds());
  }

  @Test
  void aSessionStartBuiltFromTheSpecGivesItsHyperparameters() throws Exception {
    byte[] start =
        concat(
            bytesField(1, stringField(1, "dropout"), bytesField(2, doubleField(2, 0.3))),
            bytesField(1, stringField(1, "optimizer"), bytesField(2, stringField(3, "sgd"))),
            bytesField(1, stringField(1, "augment"), bytesField(2, varintField(4, 1))),
            doubleField(5, 99.0));
    byte[] content = concat(varintField(1, 0), bytesField(3, start));
    byte[] hparams =
        value(
            "_hparams_/session_start_info",
            bytesField(8, varintField(1, 1), bytesField(2, bytesField(2))),
            bytesField(1, stringField(1, "hparams"), bytesField(2, content)));
    Path path = dir.resolve("events.out.tfevents.99.host");
    Files.write(path, SpecBytes.tfRecords(List.of(event(99.0, 0, hparams))));

    assertEquals(Map.of("dropout", 0.3, "optimizer", "sgd", "augment", true), TensorBoardReader.read(path).hparams());
  }

  @Test
  void aFolderWithoutEventFilesIsRefused() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "no events here");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> TensorBoardReader.readFolder(dir));
    assertTrue(e.getMessage().contains("tfevents"), e.getMessage());
  }

  /** A Summary.Value: tag 1, tensor 8, metadata 9. */
  private static byte[] value(String tag, byte[] tensorField, byte[] metadata) {
    return metadata == null ? concat(stringField(1, tag), tensorField) : concat(stringField(1, tag), tensorField, bytesField(9, metadata));
  }

  /** An Event: wall_time 1, step 2, summary 5 holding one value (Summary.value is field 1). */
  private static byte[] event(double wallTime, long step, byte[] value) {
    return concat(doubleField(1, wallTime), varintField(2, step), bytesField(5, bytesField(1, value)));
  }
}
