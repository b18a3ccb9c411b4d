package org.layerlab.runtime.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef.CifarVariant;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Reads CIFAR-10 and CIFAR-100 in the "binary version" its authors distribute. A file is a run of fixed-size records with no
 * header: CIFAR-10 has 1 label byte then 3072 pixel bytes; CIFAR-100 has 2 label bytes (coarse, then fine) then 3072 pixel bytes.
 * The pixels are the red 32x32 plane, then the green, then the blue, each row after row: already the (channels, height, width)
 * layout of a sample here, so pixels are copied in order and scaled from 0..255 to 0..1.
 *
 * <p>The folder holds {@code data_batch_1.bin} to {@code data_batch_5.bin} and {@code test_batch.bin} (CIFAR-10) or
 * {@code train.bin} and {@code test.bin} (CIFAR-100), as the archives unpack. Fewer CIFAR-10 training batches are read as given, and
 * the test file is optional. Class names come from {@code batches.meta.txt} (CIFAR-10) or {@code fine_label_names.txt} /
 * {@code coarse_label_names.txt} (CIFAR-100) when present.
 *
 * @see <a href="https://www.cs.toronto.edu/~kriz/cifar.html">The CIFAR-10 and CIFAR-100 datasets (the binary version)</a>
 */
public final class CifarReader {

  /** Pixel bytes of one image: 3 planes of 32x32. */
  public static final int IMAGE_BYTES = 3 * 32 * 32;

  /** The shape of one sample. */
  public static final Shape SAMPLE_SHAPE = Shape.of(3, 32, 32);

  static final String CIFAR10_TEST = "test_batch.bin";
  static final String CIFAR100_TRAIN = "train.bin";
  static final String CIFAR100_TEST = "test.bin";

  private static final List<String> CIFAR10_NAMES =
      List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
  private static final int CHUNK_RECORDS = 256;

  private CifarReader() {}

  /** The files of one CIFAR folder: the training batches in order, and the test batch or {@code null}. */
  record Batches(Path folder, List<Path> train, Path test) {}

  /** Bytes of one record of the variant: label bytes and pixels. */
  static int recordBytes(CifarVariant variant) {
    return labelBytes(variant) + IMAGE_BYTES;
  }

  private static int labelBytes(CifarVariant variant) {
    return variant == CifarVariant.CIFAR_10 ? 1 : 2;
  }

  private static String display(CifarVariant variant) {
    return variant == CifarVariant.CIFAR_10 ? "CIFAR-10" : "CIFAR-100";
  }

  /**
   * Finds the batch files in {@code folder}, or in the sub-folder the archive unpacks to ({@code cifar-10-batches-bin},
   * {@code cifar-100-binary}) when {@code folder} is the one it was unpacked in.
   */
  static Batches locate(Path folder, CifarVariant variant) throws DatasetException {
    Path dir = folder;
    String unpacked = variant == CifarVariant.CIFAR_10 ? "cifar-10-batches-bin" : "cifar-100-binary";
    if (trainFiles(dir, variant).isEmpty() && Files.isDirectory(folder.resolve(unpacked))) {
      dir = folder.resolve(unpacked);
    }
    List<Path> train = trainFiles(dir, variant);
    if (train.isEmpty()) {
      String wanted = variant == CifarVariant.CIFAR_10 ? "data_batch_1.bin ... data_batch_5.bin" : CIFAR100_TRAIN;
      String archive = variant == CifarVariant.CIFAR_10 ? "cifar-10-binary.tar.gz" : "cifar-100-binary.tar.gz";
      throw new DatasetException(
          folder,
          RuntimeMessages.text("data.cifar.noBatches", Files.isDirectory(folder) ? "" : RuntimeMessages.text("data.noSuchFolderPrefix"), display(variant), wanted, archive));
    }
    Path test = dir.resolve(variant == CifarVariant.CIFAR_10 ? CIFAR10_TEST : CIFAR100_TEST);
    return new Batches(dir, train, Files.isRegularFile(test) ? test : null);
  }

  private static List<Path> trainFiles(Path dir, CifarVariant variant) throws DatasetException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    if (variant != CifarVariant.CIFAR_10) {
      Path train = dir.resolve(CIFAR100_TRAIN);
      return Files.isRegularFile(train) ? List.of(train) : List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("data_batch_\\d+\\.bin") && Files.isRegularFile(p))
          .sorted((a, b) -> Integer.compare(batchNumber(a), batchNumber(b)))
          .toList();
    } catch (IOException e) {
      throw new DatasetException(dir, RuntimeMessages.text("data.cifar.unlistable", String.valueOf(e.getMessage())), e);
    }
  }

  private static int batchNumber(Path p) {
    String n = p.getFileName().toString();
    return Integer.parseInt(n.substring("data_batch_".length(), n.length() - ".bin".length()));
  }

  /** The class names of the variant: from the meta file next to the batches when it has one name per class, else built in. */
  static List<String> classNames(Path dir, CifarVariant variant) throws DatasetException {
    String meta =
        switch (variant) {
          case CIFAR_10 -> "batches.meta.txt";
          case CIFAR_100 -> "fine_label_names.txt";
          case CIFAR_100_COARSE -> "coarse_label_names.txt";
        };
    Path file = dir.resolve(meta);
    if (Files.isRegularFile(file)) {
      try {
        List<String> names =
            Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.size() == variant.classes()) {
          return names;
        }
      } catch (IOException e) {
        throw new DatasetException(file, RuntimeMessages.text("data.cifar.namesUnreadable", String.valueOf(e.getMessage())), e);
      }
    }
    if (variant == CifarVariant.CIFAR_10) {
      return CIFAR10_NAMES;
    }
    List<String> numbers = new ArrayList<>();
    for (int c = 0; c < variant.classes(); c++) {
      numbers.add(String.valueOf(c));
    }
    return numbers;
  }

  /**
   * Reads the records of {@code files}, one after the other, into one dataset.
   *
   * @throws DatasetException naming the file and record when a file is cut short or a label is out of range
   */
  public static Dataset read(String name, List<Path> files, CifarVariant variant, List<String> classNames) throws DatasetException {
    int record = recordBytes(variant);
    long total = 0;
    long[] counts = new long[files.size()];
    for (int f = 0; f < files.size(); f++) {
      counts[f] = checkedRecordCount(files.get(f), variant);
      total += counts[f];
    }
    if (total * IMAGE_BYTES > Integer.MAX_VALUE - 8) {
      throw new DatasetException(files.get(0), RuntimeMessages.text("data.cifar.tooLarge", String.valueOf(total)));
    }
    float[] pixels = new float[(int) (total * IMAGE_BYTES)];
    int[] labels = new int[(int) total];
    int sample = 0;
    byte[] buf = new byte[record * CHUNK_RECORDS];
    for (int f = 0; f < files.size(); f++) {
      Path file = files.get(f);
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), buf.length)) {
        long left = counts[f];
        long recordInFile = 0;
        while (left > 0) {
          int n = (int) Math.min(CHUNK_RECORDS, left);
          int got = in.readNBytes(buf, 0, n * record);
          if (got < n * record) {
            // the size was checked, so only a file that shrank while being read gets here
            throw truncated(file, variant, recordInFile * record + got);
          }
          for (int r = 0; r < n; r++) {
            int base = r * record;
            int label = label(buf, base, variant);
            if (label < 0) {
              throw labelOutOfRange(file, variant, recordInFile + r, buf, base);
            }
            labels[sample] = label;
            int out = sample * IMAGE_BYTES;
            for (int p = 0; p < IMAGE_BYTES; p++) {
              pixels[out + p] = (buf[base + labelBytes(variant) + p] & 0xFF) / 255f;
            }
            sample++;
          }
          left -= n;
          recordInFile += n;
        }
      } catch (NoSuchFileException e) {
        throw new DatasetException(file, RuntimeMessages.text("data.cifar.noSuchFile"));
      } catch (IOException e) {
        throw new DatasetException(file, RuntimeMessages.text("data.unreadable", String.valueOf(e)), e);
      }
    }
    return new Dataset(name, pixels, labels, SAMPLE_SHAPE, classNames.size(), classNames);
  }

  /** The record count a file's size gives, failing when the size is not a whole number of records. */
  private static long checkedRecordCount(Path file, CifarVariant variant) throws DatasetException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new DatasetException(file, RuntimeMessages.text("data.cifar.noSuchFile"));
    } catch (IOException e) {
      throw new DatasetException(file, RuntimeMessages.text("data.unreadable", String.valueOf(e)), e);
    }
    if (size == 0) {
      throw new DatasetException(file, RuntimeMessages.text("data.cifar.empty", display(variant)));
    }
    if (size % recordBytes(variant) != 0) {
      throw truncated(file, variant, size);
    }
    return size / recordBytes(variant);
  }

  private static DatasetException truncated(Path file, CifarVariant variant, long size) {
    int record = recordBytes(variant);
    long whole = size / record;
    long over = size % record;
    Object hint = "";
    int other = variant == CifarVariant.CIFAR_10 ? record + 1 : record - 1;
    if (size % other == 0) {
      hint = RuntimeMessages.text(variant == CifarVariant.CIFAR_10 ? "data.cifar.fits100" : "data.cifar.fits10");
    }
    return new DatasetException(
        file,
        RuntimeMessages.text(
            "data.cifar.truncated",
            String.valueOf(size),
            String.valueOf(whole),
            display(variant),
            String.valueOf(record),
            String.valueOf(over),
            String.valueOf(record - over),
            hint));
  }

  /** The label of the record at {@code base}, or -1 when it is out of range. */
  private static int label(byte[] buf, int base, CifarVariant variant) {
    int first = buf[base] & 0xFF;
    switch (variant) {
      case CIFAR_10:
        return first < 10 ? first : -1;
      case CIFAR_100_COARSE:
        return first < 20 && (buf[base + 1] & 0xFF) < 100 ? first : -1;
      case CIFAR_100:
      default:
        int fine = buf[base + 1] & 0xFF;
        return first < 20 && fine < 100 ? fine : -1;
    }
  }

  private static DatasetException labelOutOfRange(Path file, CifarVariant variant, long record, byte[] buf, int base) {
    int first = buf[base] & 0xFF;
    org.layerlab.model.LocalText what;
    if (variant == CifarVariant.CIFAR_10) {
      what = RuntimeMessages.text("data.cifar.label10", String.valueOf(first));
    } else if (first >= 20) {
      what = RuntimeMessages.text("data.cifar.labelCoarse", String.valueOf(first));
    } else {
      what = RuntimeMessages.text("data.cifar.labelFine", String.valueOf(buf[base + 1] & 0xFF));
    }
    return new DatasetException(
        file,
        RuntimeMessages.text("data.cifar.badRecord", String.valueOf(record), String.valueOf(record * recordBytes(variant)), what, display(variant)));
  }
}
