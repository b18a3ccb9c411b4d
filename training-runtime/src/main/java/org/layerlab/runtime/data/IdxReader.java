package org.layerlab.runtime.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.layerlab.model.analysis.Shape;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Reads images and labels in the IDX format of MNIST, Fashion-MNIST and KMNIST: a big-endian header (magic number {@code 0x00000803}
 * for 8-bit images with three dimensions, {@code 0x00000801} for 8-bit labels with one), the dimension sizes, then one unsigned byte
 * per pixel or label. A file that starts with the gzip magic bytes {@code 1f 8b} is decompressed on the fly, whatever its name.
 *
 * <p>Pixels are scaled from 0..255 to 0..1; each sample has the shape (1, rows, columns), one grey channel.
 *
 * @see <a href="http://yann.lecun.com/exdb/mnist/">The MNIST database (file format at the bottom of the page)</a>
 */
public final class IdxReader {

  /** Magic number of an IDX file of unsigned bytes with three dimensions: images. */
  public static final int IMAGES_MAGIC = 0x00000803;

  /** Magic number of an IDX file of unsigned bytes with one dimension: labels. */
  public static final int LABELS_MAGIC = 0x00000801;

  private static final int CHUNK = 1 << 16;

  private IdxReader() {}

  /** The pixels of an images file, scaled to 0..1, image after image, row after row. */
  record Images(int count, int rows, int cols, float[] pixels) {}

  /**
   * Reads an images file and its labels file into one dataset. The class count is the number of {@code classNames} when there are
   * any, else the largest label plus one (and the classes are named "0", "1", ...).
   *
   * @throws DatasetException naming the file, what is wrong with it and the fix
   */
  public static Dataset read(String name, Path images, Path labels, List<String> classNames) throws DatasetException {
    Images im = readImages(images);
    int[] l = readLabels(labels);
    if (im.count() != l.length) {
      throw new DatasetException(
          labels,
          RuntimeMessages.text("data.idx.countMismatch", String.valueOf(l.length), String.valueOf(images.getFileName()), String.valueOf(im.count())));
    }
    List<String> names = classNames;
    if (names.isEmpty()) {
      int max = -1;
      for (int label : l) {
        max = Math.max(max, label);
      }
      List<String> generated = new ArrayList<>();
      for (int c = 0; c <= max; c++) {
        generated.add(String.valueOf(c));
      }
      names = generated;
    }
    if (names.isEmpty()) {
      throw new DatasetException(labels, RuntimeMessages.text("data.idx.noLabels"));
    }
    for (int i = 0; i < l.length; i++) {
      if (l[i] >= names.size()) {
        throw new DatasetException(
            labels,
            RuntimeMessages.text(
                "data.idx.labelOutside",
                String.valueOf(l[i]),
                String.valueOf(i),
                String.valueOf(names.size() - 1),
                String.valueOf(names.size()),
                String.join(", ", names)));
      }
    }
    return new Dataset(name, im.pixels(), l, Shape.of(1, im.rows(), im.cols()), names.size(), names);
  }

  /** The (1, rows, cols) sample shape an IDX images file declares, read from its 16-byte header only. */
  static Shape imageShape(Path file) throws DatasetException {
    try (InputStream in = open(file)) {
      int magic = header(in, file, 0);
      checkMagic(file, magic, IMAGES_MAGIC, "images", 3);
      header(in, file, 4);
      int rows = header(in, file, 8);
      int cols = header(in, file, 12);
      if (rows < 1 || cols < 1) {
        throw new DatasetException(file, RuntimeMessages.text("data.idx.impossibleSize", String.valueOf(rows), String.valueOf(cols)));
      }
      return Shape.of(1, rows, cols);
    } catch (NoSuchFileException e) {
      throw missing(file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Reads an IDX images file (gzip or raw). */
  static Images readImages(Path file) throws DatasetException {
    try (InputStream in = open(file)) {
      int magic = header(in, file, 0);
      checkMagic(file, magic, IMAGES_MAGIC, "images", 3);
      int count = header(in, file, 4);
      int rows = header(in, file, 8);
      int cols = header(in, file, 12);
      if (count < 0 || rows < 1 || cols < 1) {
        throw new DatasetException(
            file,
            RuntimeMessages.text("data.idx.impossibleImages", String.valueOf(count), String.valueOf(rows), String.valueOf(cols)));
      }
      long total = (long) count * rows * cols;
      if (total > Integer.MAX_VALUE - 8) {
        throw new DatasetException(
            file, RuntimeMessages.text("data.idx.tooLarge", String.valueOf(count), String.valueOf(rows), String.valueOf(cols)));
      }
      float[] pixels = new float[(int) total];
      byte[] buf = new byte[CHUNK];
      int done = 0;
      while (done < total) {
        int want = (int) Math.min(CHUNK, total - done);
        int got = readUpTo(in, buf, want);
        for (int i = 0; i < got; i++) {
          pixels[done + i] = (buf[i] & 0xFF) / 255f;
        }
        done += got;
        if (got < want) {
          long missing = total - done;
          long perImage = (long) rows * cols;
          throw new DatasetException(
              file,
              RuntimeMessages.text(
                  "data.idx.truncatedImages",
                  String.valueOf(count),
                  String.valueOf(rows),
                  String.valueOf(cols),
                  String.valueOf(total),
                  String.valueOf(done),
                  String.valueOf(missing),
                  String.valueOf(done / perImage)));
        }
      }
      return new Images(count, rows, cols, pixels);
    } catch (NoSuchFileException e) {
      throw missing(file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Reads an IDX labels file (gzip or raw); labels are 0 to 255. */
  static int[] readLabels(Path file) throws DatasetException {
    try (InputStream in = open(file)) {
      int magic = header(in, file, 0);
      checkMagic(file, magic, LABELS_MAGIC, "labels", 1);
      int count = header(in, file, 4);
      if (count < 0) {
        throw new DatasetException(file, RuntimeMessages.text("data.idx.impossibleLabels", String.valueOf(count)));
      }
      int[] labels = new int[count];
      byte[] buf = new byte[CHUNK];
      int done = 0;
      while (done < count) {
        int want = Math.min(CHUNK, count - done);
        int got = readUpTo(in, buf, want);
        for (int i = 0; i < got; i++) {
          labels[done + i] = buf[i] & 0xFF;
        }
        done += got;
        if (got < want) {
          throw new DatasetException(
              file,
              RuntimeMessages.text("data.idx.truncatedLabels", String.valueOf(count), String.valueOf(done), String.valueOf(count - done)));
        }
      }
      return labels;
    } catch (NoSuchFileException e) {
      throw missing(file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static void checkMagic(Path file, int magic, int expected, String kind, int dims) throws DatasetException {
    if (magic == expected) {
      return;
    }
    String found = String.format("0x%08x", magic);
    if (magic == IMAGES_MAGIC || magic == LABELS_MAGIC) {
      throw new DatasetException(file, RuntimeMessages.text(kind.equals("images") ? "data.idx.swapped.wantImages" : "data.idx.swapped.wantLabels", found));
    }
    if ((magic >>> 16) != 0) {
      throw new DatasetException(
          file,
          RuntimeMessages.text("data.idx.noMagic", found, String.format("0x%08x", expected), kindText(kind)));
    }
    int type = (magic >>> 8) & 0xFF;
    if (type != 0x08) {
      throw new DatasetException(
          file,
          RuntimeMessages.text("data.idx.valueType", String.format("0x%02x", type), kindText(kind)));
    }
    throw new DatasetException(
        file,
        RuntimeMessages.text(kind.equals("images") ? "data.idx.dimensions.images" : "data.idx.dimensions.labels", String.valueOf(magic & 0xFF), String.valueOf(dims)));
  }

  /** "images" or "labels", in the reader's language. */
  private static org.layerlab.model.LocalText kindText(String kind) {
    return RuntimeMessages.text(kind.equals("images") ? "data.idx.kind.images" : "data.idx.kind.labels");
  }

  /** The gzip-decompressing or raw stream, decided by the first two bytes. */
  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK);
    try {
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        try {
          return new BufferedInputStream(new GZIPInputStream(in, CHUNK), CHUNK);
        } catch (EOFException e) {
          throw new ZipException("the gzip header is cut short");
        }
      }
      return in;
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  /** Reads one big-endian int of the header at byte {@code offset}, failing with a message when the file ends first. */
  private static int header(InputStream in, Path file, int offset) throws IOException, DatasetException {
    byte[] b = new byte[4];
    int got = readUpTo(in, b, 4);
    if (got < 4) {
      throw new DatasetException(
          file,
          RuntimeMessages.text("data.idx.headerCut", String.valueOf(offset + got)));
    }
    return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
  }

  /**
   * Reads up to {@code want} bytes, fewer only at the end of the data. A gzip stream cut short ends the data too, so that truncated
   * .gz files are reported like truncated raw files.
   */
  private static int readUpTo(InputStream in, byte[] buf, int want) throws IOException {
    int done = 0;
    while (done < want) {
      int n;
      try {
        n = in.read(buf, done, want - done);
      } catch (EOFException e) {
        return done;
      }
      if (n < 0) {
        return done;
      }
      done += n;
    }
    return done;
  }

  private static DatasetException missing(Path file) {
    return new DatasetException(file, RuntimeMessages.text("data.idx.noSuchFile"));
  }

  private static DatasetException unreadable(Path file, IOException e) {
    org.layerlab.model.LocalText what =
        e instanceof ZipException
            ? RuntimeMessages.text("data.damagedGzip", String.valueOf(e.getMessage()))
            : RuntimeMessages.text("data.unreadable", String.valueOf(e));
    return new DatasetException(file, what, e);
  }
}
