package org.layerlab.runtime.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxFiles {

  private IdxFiles() {}

  /** The bytes of an IDX file: magic, dimension sizes, payload. */
  static byte[] idx(int magic, int[] dims, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
    b.putInt(magic);
    for (int d : dims) {
      b.putInt(d);
    }
    b.put(payload);
    return b.array();
  }

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  /** Writes {@code count} images of rows x cols whose pixel {@code p} of image {@code i} is {@code (i * 7 + p) % 256}. */
  static Path images(Path file, int count, int rows, int cols, boolean gzip) throws IOException {
    byte[] pixels = new byte[count * rows * cols];
    for (int i = 0; i < count; i++) {
      for (int p = 0; p < rows * cols; p++) {
        pixels[i * rows * cols + p] = (byte) ((i * 7 + p) % 256);
      }
    }
    byte[] raw = idx(IdxReader.IMAGES_MAGIC, new int[] {count, rows, cols}, pixels);
    Files.write(file, gzip ? gzip(raw) : raw);
    return file;
  }

  static Path labels(Path file, int[] labels, boolean gzip) throws IOException {
    byte[] payload = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      payload[i] = (byte) labels[i];
    }
    byte[] raw = idx(IdxReader.LABELS_MAGIC, new int[] {labels.length}, payload);
    Files.write(file, gzip ? gzip(raw) : raw);
    return file;
  }

  /** Labels 0, 1, ..., classes - 1, 0, 1, ... */
  static int[] cycling(int count, int classes) {
    int[] l = new int[count];
    for (int i = 0; i < count; i++) {
      l[i] = i % classes;
    }
    return l;
  }

  /** Writes the four MNIST-named files (gzip) into {@code folder}. */
  static void fourFiles(Path folder, int train, int test, int classes) throws IOException {
    Files.createDirectories(folder);
    images(folder.resolve(DatasetLoader.TRAIN_IMAGES + ".gz"), train, 4, 4, true);
    labels(folder.resolve(DatasetLoader.TRAIN_LABELS + ".gz"), cycling(train, classes), true);
    images(folder.resolve(DatasetLoader.TEST_IMAGES + ".gz"), test, 4, 4, true);
    labels(folder.resolve(DatasetLoader.TEST_LABELS + ".gz"), cycling(test, classes), true);
  }
}
