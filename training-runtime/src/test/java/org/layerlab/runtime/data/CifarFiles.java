package org.layerlab.runtime.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small CIFAR batches for tests, following the format of the binary version: per record the label byte (CIFAR-10) or the
 * coarse and fine label bytes (CIFAR-100), then 1024 red, 1024 green and 1024 blue pixel bytes, each plane row after row.
 */
final class CifarFiles {

  private CifarFiles() {}

  /** The pixel byte of record {@code r} at plane {@code c} (0 red, 1 green, 2 blue), pixel {@code p}: a pattern tests can check. */
  static int pixel(int r, int c, int p) {
    return (r * 31 + c * 85 + p) % 256;
  }

  /** One record; {@code labels} are the label bytes (one for CIFAR-10, coarse and fine for CIFAR-100). */
  static byte[] record(int r, int... labels) {
    byte[] b = new byte[labels.length + 3072];
    for (int i = 0; i < labels.length; i++) {
      b[i] = (byte) labels[i];
    }
    for (int c = 0; c < 3; c++) {
      for (int p = 0; p < 1024; p++) {
        b[labels.length + c * 1024 + p] = (byte) pixel(r, c, p);
      }
    }
    return b;
  }

  /** A CIFAR-10 batch of {@code count} records, record {@code r} labelled {@code r % classes}, records numbered from {@code first}. */
  static Path cifar10(Path file, int first, int count, int classes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int r = first; r < first + count; r++) {
      out.write(record(r, r % classes));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, out.toByteArray());
  }

  /** A CIFAR-100 file of {@code count} records, record {@code r} with coarse label {@code r % 20} and fine label {@code r % 100}. */
  static Path cifar100(Path file, int count) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int r = 0; r < count; r++) {
      out.write(record(r, r % 20, r % 100));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, out.toByteArray());
  }
}
