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
          (Files.isDirectory(folder) ? "" : "no such folder; ")
              + "looked for the "
              + display(variant)
              + " training batches ("
              + wanted
              + ") here and found none. Download "
              + archive
              + " (the binary version) from https://www.cs.toronto.edu/~kriz/cifar.html, unpack it there, or set the dataset's path"
              + " to the folder that holds the .bin files.");
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
      throw new DatasetException(dir, "cannot be listed (" + e.getMessage() + "): check that you may read it", e);
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
        throw new DatasetException(file, "cannot be read (" + e.getMessage() + "): check that you may read it", e);
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
      throw new DatasetException(files.get(0), "holds " + total + " images, more than fit in one array: use fewer batch files.");
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
        throw new DatasetException(file, "no such file: put the CIFAR batch there, or fix the dataset's path.");
      } catch (IOException e) {
        throw new DatasetException(file, "cannot be read (" + e + "): check that it exists and that you may read it.", e);
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
      throw new DatasetException(file, "no such file: put the CIFAR batch there, or fix the dataset's path.");
    } catch (IOException e) {
      throw new DatasetException(file, "cannot be read (" + e + "): check that it exists and that you may read it.", e);
    }
    if (size == 0) {
      throw new DatasetException(file, "is empty: copy or download the " + display(variant) + " batch again.");
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
    String hint = "";
    int other = variant == CifarVariant.CIFAR_10 ? record + 1 : record - 1;
    if (size % other == 0) {
      hint =
          variant == CifarVariant.CIFAR_10
              ? " Its size fits CIFAR-100 records (2 label bytes): set the dataset's variant to cifar-100."
              : " Its size fits CIFAR-10 records (1 label byte): set the dataset's variant to cifar-10.";
    }
    return new DatasetException(
        file,
        "is truncated: "
            + size
            + " bytes are "
            + whole
            + " whole "
            + display(variant)
            + " records of "
            + record
            + " bytes and "
            + over
            + " bytes more, so record "
            + whole
            + " (counting from 0) is cut short by "
            + (record - over)
            + " bytes. Copy or download the file again."
            + hint);
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
    String what;
    if (variant == CifarVariant.CIFAR_10) {
      what = "has label " + first + ", but CIFAR-10 labels are 0 to 9";
    } else if (first >= 20) {
      what = "has coarse label " + first + ", but CIFAR-100 coarse labels are 0 to 19";
    } else {
      what = "has fine label " + (buf[base + 1] & 0xFF) + ", but CIFAR-100 fine labels are 0 to 99";
    }
    return new DatasetException(
        file,
        "record "
            + record
            + " (counting from 0, at byte "
            + record * recordBytes(variant)
            + ") "
            + what
            + ": the file is damaged or not a "
            + display(variant)
            + " batch. Copy or download it again, or check the dataset's variant.");
  }
}
