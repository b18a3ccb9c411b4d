package org.layerlab.runtime.checkpoint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named float tensors in one file: the 8 bytes {@code LLTENSOR}, a format version (int), the number of tensors (int), then per tensor
 * its name (modified UTF-8, as {@link DataOutputStream#writeUTF}), its rank (int), its dimensions (longs) and its values as
 * little-endian 32-bit floats. Integers are big-endian. Small enough to read in any language with a dozen lines.
 */
public final class TensorFile {

  private static final byte[] MAGIC = {'L', 'L', 'T', 'E', 'N', 'S', 'O', 'R'};
  private static final int VERSION = 1;
  private static final int MAX_RANK = 16;

  private TensorFile() {}

  public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(tensors.size());
      for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
        out.writeUTF(e.getKey());
        long[] shape = e.getValue().shape();
        out.writeInt(shape.length);
        for (long d : shape) {
          out.writeLong(d);
        }
        float[] values = e.getValue().values();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        out.write(bytes.array());
      }
    }
  }

  /** The tensors of {@code file}, in file order. */
  public static Map<String, Tensor> read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException(file + " is not a Layerlab tensor file: it does not start with LLTENSOR");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + " is a tensor file of version " + version + "; this Layerlab reads version " + VERSION);
      }
      int count = in.readInt();
      Map<String, Tensor> out = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int rank = in.readInt();
        if (rank < 0 || rank > MAX_RANK) {
          throw new IOException(file + " is damaged: tensor '" + name + "' has rank " + rank);
        }
        long[] shape = new long[rank];
        long n = 1;
        for (int d = 0; d < rank; d++) {
          shape[d] = in.readLong();
          n *= shape[d];
        }
        if (n < 0 || n > Integer.MAX_VALUE / Float.BYTES) {
          throw new IOException(file + " is damaged: tensor '" + name + "' has shape " + Arrays.toString(shape));
        }
        byte[] bytes = new byte[(int) n * Float.BYTES];
        in.readFully(bytes);
        float[] values = new float[(int) n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        out.put(name, new Tensor(shape, values));
      }
      return out;
    } catch (EOFException e) {
      throw new IOException(file + " is cut short: copy it again or train the run again", e);
    }
  }
}
