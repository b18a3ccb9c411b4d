package org.layerlab.runtime.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one protocol buffer message in the wire format: each field is a tag ({@code field << 3 | wire type}) and a value.
 *
 * <p>Fields are written in call order and always written, even at their default value: a field of a {@code oneof} must be, and an
 * explicit default is legal everywhere else. See https://protobuf.dev/programming-guides/encoding/.
 */
final class ProtoEncoder {

  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  private byte[] bytes = new byte[32];
  private int size;

  /** An {@code int32}, {@code int64}, {@code uint64}, {@code bool} or {@code enum} field. Negative numbers take ten bytes. */
  ProtoEncoder varint(int field, long value) {
    tag(field, VARINT);
    rawVarint(value);
    return this;
  }

  ProtoEncoder bool(int field, boolean value) {
    return varint(field, value ? 1 : 0);
  }

  /** A {@code double} field: eight bytes, little-endian. */
  ProtoEncoder float64(int field, double value) {
    tag(field, FIXED64);
    long bits = Double.doubleToRawLongBits(value);
    for (int i = 0; i < 8; i++) {
      put((byte) (bits >>> (8 * i)));
    }
    return this;
  }

  /** A {@code float} field: four bytes, little-endian. */
  ProtoEncoder float32(int field, float value) {
    tag(field, FIXED32);
    int bits = Float.floatToRawIntBits(value);
    for (int i = 0; i < 4; i++) {
      put((byte) (bits >>> (8 * i)));
    }
    return this;
  }

  ProtoEncoder string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  ProtoEncoder bytes(int field, byte[] value) {
    tag(field, LENGTH_DELIMITED);
    rawVarint(value.length);
    ensure(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
    return this;
  }

  /** An embedded message field. */
  ProtoEncoder message(int field, ProtoEncoder message) {
    return bytes(field, message.toByteArray());
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void tag(int field, int wireType) {
    rawVarint(((long) field << 3) | wireType);
  }

  private void rawVarint(long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      put((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    put((byte) v);
  }

  private void put(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
