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
          "holds "
              + l.length
              + " labels but "
              + images.getFileName()
              + " holds "
              + im.count()
              + " images: every image needs exactly one label. Use the labels file that belongs to these images (same prefix, train- or"
              + " t10k-, from the same download).");
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
      throw new DatasetException(labels, "holds no labels: give a labels file with at least one image's label");
    }
    for (int i = 0; i < l.length; i++) {
      if (l[i] >= names.size()) {
        throw new DatasetException(
            labels,
            "label "
                + l[i]
                + " of image "
                + i
                + " is outside 0.."
                + (names.size() - 1)
                + ": the dataset has "
                + names.size()
                + " classes ("
                + String.join(", ", names)
                + "). Add the missing class names to the project's classNames, or use the labels file that belongs to this dataset.");
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
        throw new DatasetException(file, "has an impossible header: images of " + rows + "x" + cols + " pixels. Copy the file again.");
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
            "has an impossible header: "
                + count
                + " images of "
                + rows
                + "x"
                + cols
                + " pixels. The file is damaged: copy or download it again.");
      }
      long total = (long) count * rows * cols;
      if (total > Integer.MAX_VALUE - 8) {
        throw new DatasetException(
            file, "holds " + count + " images of " + rows + "x" + cols + " pixels, more than fit in one array: use a smaller subset.");
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
              "is truncated: its header promises "
                  + count
                  + " images of "
                  + rows
                  + "x"
                  + cols
                  + " pixels ("
                  + total
                  + " bytes) but the file ends after "
                  + done
                  + " bytes of pixels, "
                  + missing
                  + " bytes missing (only "
                  + done / perImage
                  + " whole images). Copy or download the file again.");
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
        throw new DatasetException(file, "has an impossible header: " + count + " labels. The file is damaged: copy or download it again.");
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
              "is truncated: its header promises "
                  + count
                  + " labels but the file ends after "
                  + done
                  + ", "
                  + (count - done)
                  + " bytes missing. Copy or download the file again.");
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
      String other = magic == IMAGES_MAGIC ? "an images" : "a labels";
      throw new DatasetException(
          file,
          "is "
              + other
              + " file (magic number "
              + found
              + "), not "
              + (kind.equals("images") ? "an images" : "a labels")
              + " file: the image and label files look mislabelled or swapped. Give "
              + (kind.equals("images") ? "the *-images-idx3-ubyte file as images" : "the *-labels-idx1-ubyte file as labels")
              + ".");
    }
    if ((magic >>> 16) != 0) {
      throw new DatasetException(
          file,
          "does not start with an IDX magic number (found "
              + found
              + ", expected "
              + String.format("0x%08x", expected)
              + " for "
              + kind
              + "): it is not an IDX file, or not a complete gzip of one. Copy or download the file again.");
    }
    int type = (magic >>> 8) & 0xFF;
    if (type != 0x08) {
      throw new DatasetException(
          file,
          "holds IDX values of type "
              + String.format("0x%02x", type)
              + ", not unsigned bytes (0x08): Layerlab reads 8-bit "
              + kind
              + " as MNIST ships them. Convert the file to unsigned bytes.");
    }
    throw new DatasetException(
        file,
        "is an IDX array with "
            + (magic & 0xFF)
            + " dimensions, but "
            + (kind.equals("images") ? "an images" : "a labels")
            + " file has "
            + dims
            + (dims == 3 ? " (count, rows, columns)" : " (count)")
            + ": give the "
            + kind
            + " file here.");
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
          "ends after "
              + (offset + got)
              + " bytes, inside the IDX header: it is empty or cut short, not an IDX file. Copy or download the file again.");
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
    return new DatasetException(file, "no such file: put the IDX file there, or fix the dataset path in the project.");
  }

  private static DatasetException unreadable(Path file, IOException e) {
    String what =
        e instanceof ZipException
            ? "is a damaged gzip file (" + e.getMessage() + "): copy or download it again."
            : "cannot be read (" + e + "): check that it exists and that you may read it.";
    return new DatasetException(file, what, e);
  }
}
