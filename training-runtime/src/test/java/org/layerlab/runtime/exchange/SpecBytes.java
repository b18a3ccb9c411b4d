package org.layerlab.runtime.exchange;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Protocol buffer and TFRecord bytes built by the tests straight from the specifications (protobuf.dev's encoding guide and
 * TensorFlow's record_writer), independent of the code under test.
 */
final class SpecBytes {

  private SpecBytes() {}

  static byte[] varintField(int field, long value) {
    return concat(varint((long) field << 3), varint(value));
  }

  static byte[] floatField(int field, float value) {
    return concat(varint((long) field << 3 | 5), ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array());
  }

  static byte[] doubleField(int field, double value) {
    return concat(varint((long) field << 3 | 1), ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array());
  }

  static byte[] bytesField(int field, byte[]... parts) {
    byte[] body = concat(parts);
    return concat(varint((long) field << 3 | 2), varint(body.length), body);
  }

  static byte[] stringField(int field, String s) {
    return bytesField(field, s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] littleEndianFloats(float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  static byte[] varint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long v = value;
    do {
      int low = (int) (v & 0x7F);
      v >>>= 7;
      out.write(v == 0 ? low : low | 0x80);
    } while (v != 0);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** A TFRecord file of these records: uint64 length, masked CRC of it, data, masked CRC of the data, all little-endian. */
  static byte[] tfRecords(List<byte[]> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] data : records) {
      byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
      out.writeBytes(length);
      out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(masked(length)).array());
      out.writeBytes(data);
      out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(masked(data)).array());
    }
    return out.toByteArray();
  }

  /** The byte offsets at which the records of a TFRecord file start, found by walking the length fields. */
  static List<Long> recordStarts(byte[] file) {
    List<Long> starts = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    long at = 0;
    while (at < file.length) {
      starts.add(at);
      at += 12 + b.getLong((int) at) + 4;
    }
    return starts;
  }

  /** The data of each record, CRCs unchecked. */
  static List<byte[]> recordData(byte[] file) {
    List<byte[]> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    for (long start : recordStarts(file)) {
      int length = (int) b.getLong((int) start);
      byte[] data = new byte[length];
      System.arraycopy(file, (int) start + 12, data, 0, length);
      out.add(data);
    }
    return out;
  }

  private static int masked(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    int c = (int) crc.getValue();
    return Integer.rotateRight(c, 15) + 0xa282ead8;
  }
}
