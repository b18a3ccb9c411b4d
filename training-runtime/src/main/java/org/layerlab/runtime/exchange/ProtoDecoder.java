package org.layerlab.runtime.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.layerlab.model.LocalText;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Reads one protocol buffer message field by field: {@link #next} reads a field's tag, then one of the read methods (or
 * {@link #skip}) reads its value. Unknown fields are skipped, as protobuf readers must.
 *
 * <p>The wire format: a tag is the varint {@code field << 3 | wire type}; wire type 0 is a varint, 1 eight little-endian bytes, 2 a
 * varint length and that many bytes, 5 four little-endian bytes. Groups (3 and 4) are obsolete and refused.
 */
final class ProtoDecoder {

  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  /** The bytes are not a well-formed message; {@link #position()} says where in the outermost buffer it went wrong. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int position;

    private final transient LocalText problem;

    MalformedException(int position, LocalText problem) {
      super(problem.english());
      this.position = position;
      this.problem = problem;
    }

    /** What is malformed, to be said in any language. */
    LocalText problem() {
      return problem;
    }

    int position() {
      return position;
    }
  }

  private final byte[] buf;
  private final int end;
  private int pos;
  private int field;
  private int wireType;

  ProtoDecoder(byte[] buf) {
    this(buf, 0, buf.length);
  }

  private ProtoDecoder(byte[] buf, int from, int to) {
    this.buf = buf;
    this.pos = from;
    this.end = to;
  }

  /** Reads the next field's tag and returns its number, or -1 at the end of the message. */
  int next() throws MalformedException {
    if (pos >= end) {
      return -1;
    }
    int at = pos;
    long tag = readRawVarint();
    field = (int) (tag >>> 3);
    wireType = (int) (tag & 7);
    if (field <= 0 || tag >>> 3 > Integer.MAX_VALUE) {
      throw new MalformedException(at, RuntimeMessages.text("exchange.proto.badField", Long.toString(tag >>> 3)));
    }
    return field;
  }

  int wireType() {
    return wireType;
  }

  int position() {
    return pos;
  }

  long readVarint() throws MalformedException {
    expect(VARINT);
    return readRawVarint();
  }

  double readDouble() throws MalformedException {
    expect(FIXED64);
    return Double.longBitsToDouble(readRawFixed64());
  }

  float readFloat() throws MalformedException {
    expect(FIXED32);
    return Float.intBitsToFloat(readRawFixed32());
  }

  byte[] readBytes() throws MalformedException {
    expect(LENGTH_DELIMITED);
    int length = readLength();
    byte[] out = Arrays.copyOfRange(buf, pos, pos + length);
    pos += length;
    return out;
  }

  String readString() throws MalformedException {
    expect(LENGTH_DELIMITED);
    int length = readLength();
    String s = new String(buf, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return s;
  }

  /** An embedded message; positions in it count from the same outermost buffer. */
  ProtoDecoder readMessage() throws MalformedException {
    expect(LENGTH_DELIMITED);
    int length = readLength();
    ProtoDecoder inner = new ProtoDecoder(buf, pos, pos + length);
    pos += length;
    return inner;
  }

  /**
   * The values of a repeated {@code float} field, packed (one length-delimited run, proto3's default) or not (one value per tag);
   * readers must accept both.
   */
  float[] readFloats() throws MalformedException {
    if (wireType == FIXED32) {
      return new float[] {readFloat()};
    }
    ProtoDecoder packed = readMessage();
    int bytes = packed.end - packed.pos;
    if (bytes % 4 != 0) {
      throw new MalformedException(packed.pos, RuntimeMessages.text("exchange.proto.packedFloats", String.valueOf(bytes)));
    }
    float[] out = new float[bytes / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = Float.intBitsToFloat(packed.readRawFixed32());
    }
    return out;
  }

  /** The values of a repeated {@code double} field, packed or not. */
  double[] readDoubles() throws MalformedException {
    if (wireType == FIXED64) {
      return new double[] {readDouble()};
    }
    ProtoDecoder packed = readMessage();
    int bytes = packed.end - packed.pos;
    if (bytes % 8 != 0) {
      throw new MalformedException(packed.pos, RuntimeMessages.text("exchange.proto.packedDoubles", String.valueOf(bytes)));
    }
    double[] out = new double[bytes / 8];
    for (int i = 0; i < out.length; i++) {
      out[i] = Double.longBitsToDouble(packed.readRawFixed64());
    }
    return out;
  }

  /** The values of a repeated integer field ({@code int32}, {@code int64}), packed or not. */
  long[] readVarints() throws MalformedException {
    if (wireType == VARINT) {
      return new long[] {readVarint()};
    }
    ProtoDecoder packed = readMessage();
    long[] out = new long[8];
    int n = 0;
    while (packed.pos < packed.end) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = packed.readRawVarint();
    }
    return Arrays.copyOf(out, n);
  }

  /** Skips the value of the field whose tag {@link #next} just read. */
  void skip() throws MalformedException {
    switch (wireType) {
      case VARINT -> readRawVarint();
      case FIXED64 -> advance(8);
      case LENGTH_DELIMITED -> advance(readLength());
      case FIXED32 -> advance(4);
      default -> throw new MalformedException(pos, RuntimeMessages.text("exchange.proto.unknownWireType", String.valueOf(field), String.valueOf(wireType)));
    }
  }

  private void expect(int wanted) throws MalformedException {
    if (wireType != wanted) {
      throw new MalformedException(pos, RuntimeMessages.text("exchange.proto.wrongWireType", String.valueOf(field), String.valueOf(wireType), String.valueOf(wanted)));
    }
  }

  private long readRawVarint() throws MalformedException {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) {
        throw new MalformedException(pos, RuntimeMessages.text("exchange.proto.varintPastEnd"));
      }
      byte b = buf[pos++];
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new MalformedException(pos, RuntimeMessages.text("exchange.proto.varintTooLong"));
  }

  private int readLength() throws MalformedException {
    int at = pos;
    long length = readRawVarint();
    if (length < 0 || length > end - pos) {
      throw new MalformedException(at, RuntimeMessages.text("exchange.proto.lengthPastEnd", String.valueOf(length)));
    }
    return (int) length;
  }

  private long readRawFixed64() throws MalformedException {
    long lo = readRawFixed32() & 0xFFFFFFFFL;
    long hi = readRawFixed32() & 0xFFFFFFFFL;
    return lo | (hi << 32);
  }

  private int readRawFixed32() throws MalformedException {
    if (end - pos < 4) {
      throw new MalformedException(pos, RuntimeMessages.text("exchange.proto.fixedPastEnd"));
    }
    int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  private void advance(int bytes) throws MalformedException {
    if (bytes > end - pos) {
      throw new MalformedException(pos, RuntimeMessages.text("exchange.proto.fieldPastEnd", String.valueOf(field)));
    }
    pos += bytes;
  }
}
