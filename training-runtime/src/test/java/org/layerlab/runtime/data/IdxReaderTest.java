package org.layerlab.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layerlab.model.analysis.Shape;

class IdxReaderTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "gzip {0}")
  @ValueSource(booleans = {true, false})
  void readsImagesScaledToOneAndLabels(boolean gzip) throws Exception {
    Path images = IdxFiles.images(dir.resolve("images"), 3, 2, 3, gzip);
    Path labels = IdxFiles.labels(dir.resolve("labels"), new int[] {2, 0, 1}, gzip);

    Dataset d = IdxReader.read("tiny", images, labels, List.of());

    assertEquals(3, d.size());
    assertEquals(Shape.of(1, 2, 3), d.sampleShape());
    assertEquals(3, d.classes(), "largest label + 1");
    assertEquals(List.of("0", "1", "2"), d.classNames());
    assertEquals(2, d.label(0));
    assertEquals(1, d.label(2));
    assertEquals(0f, d.feature(0, 0));
    assertEquals(5 / 255f, d.feature(0, 5));
    assertEquals((14 + 4) / 255f, d.feature(2, 4), "image 2, pixel 4");
  }

  @Test
  void detectsGzipByItsMagicBytesNotByTheName() throws Exception {
    Path gzipWithoutSuffix = IdxFiles.images(dir.resolve("images"), 2, 2, 2, true);
    Path rawWithSuffix = IdxFiles.labels(dir.resolve("labels.gz"), new int[] {0, 1}, false);
    Dataset d = IdxReader.read("t", gzipWithoutSuffix, rawWithSuffix, List.of("a", "b"));
    assertEquals(2, d.size());
    assertEquals(List.of("a", "b"), d.classNames());
  }

  @Test
  void aTruncatedImagesFileSaysHowManyImagesWereExpectedAndHowManyBytesAreMissing() throws Exception {
    byte[] whole = Files.readAllBytes(IdxFiles.images(dir.resolve("whole"), 4, 2, 3, false));
    Path cut = Files.write(dir.resolve("train-images-idx3-ubyte"), Arrays.copyOf(whole, whole.length - 10));

    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(cut));

    String m = e.getMessage();
    assertTrue(m.startsWith(cut.toString()), m);
    assertTrue(m.contains("truncated"), m);
    assertTrue(m.contains("promises 4 images of 2x3"), m);
    assertTrue(m.contains("10 bytes missing"), m);
    assertTrue(m.contains("download the file again"), m);
    assertEquals(cut, e.file());
  }

  @Test
  void aTruncatedGzipFileIsReportedAsTruncated() throws Exception {
    byte[] raw = IdxFiles.idx(IdxReader.IMAGES_MAGIC, new int[] {50, 10, 10}, randomBytes(5000));
    byte[] gz = IdxFiles.gzip(raw);
    Path cut = Files.write(dir.resolve("images.gz"), Arrays.copyOf(gz, gz.length / 2));

    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(cut));

    assertTrue(e.getMessage().contains("truncated: its header promises 50 images of 10x10"), e.getMessage());
  }

  @Test
  void aLabelsFileGivenAsImagesIsCalledMislabelled() throws Exception {
    Path labels = IdxFiles.labels(dir.resolve("train-labels-idx1-ubyte.gz"), new int[] {0, 1}, true);

    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read("t", labels, labels, List.of()));

    String m = e.getMessage();
    assertTrue(m.contains("train-labels-idx1-ubyte.gz"), m);
    assertTrue(m.contains("is a labels file (magic number 0x00000801), not an images file"), m);
    assertTrue(m.contains("mislabelled"), m);
  }

  @Test
  void anImagesFileGivenAsLabelsIsCalledMislabelled() throws Exception {
    Path images = IdxFiles.images(dir.resolve("imgs"), 2, 2, 2, false);
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels(images));
    assertTrue(e.getMessage().contains("mislabelled"), e.getMessage());
    assertTrue(e.getMessage().contains("as labels"), e.getMessage());
  }

  @Test
  void aFileThatIsNotIdxNamesTheMagicNumberItFound() throws Exception {
    Path text = Files.writeString(dir.resolve("readme.txt"), "hello, this is not an IDX file");
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(text));
    assertTrue(e.getMessage().contains("does not start with an IDX magic number (found 0x68656c6c"), e.getMessage());
  }

  @Test
  void aFileShorterThanTheHeaderIsReported() throws Exception {
    Path tiny = Files.write(dir.resolve("tiny"), new byte[] {0, 0, 8, 3, 0, 0});
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(tiny));
    assertTrue(e.getMessage().contains("ends after 6 bytes, inside the IDX header"), e.getMessage());
  }

  @Test
  void imageAndLabelCountsMustAgree() throws Exception {
    Path images = IdxFiles.images(dir.resolve("images"), 3, 2, 2, true);
    Path labels = IdxFiles.labels(dir.resolve("labels"), new int[] {0, 1}, true);

    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read("t", images, labels, List.of()));

    String m = e.getMessage();
    assertTrue(m.contains("holds 2 labels but images holds 3 images"), m);
    assertTrue(m.contains("labels file that belongs to these images"), m);
  }

  @Test
  void aLabelOutsideTheNamedClassesIsReportedWithItsImage() throws Exception {
    Path images = IdxFiles.images(dir.resolve("images"), 3, 2, 2, false);
    Path labels = IdxFiles.labels(dir.resolve("labels"), new int[] {0, 1, 2}, false);

    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read("t", images, labels, List.of("cat", "dog")));

    String m = e.getMessage();
    assertTrue(m.contains("label 2 of image 2 is outside 0..1"), m);
    assertTrue(m.contains("2 classes (cat, dog)"), m);
    assertTrue(m.contains("classNames"), m);
  }

  @Test
  void aMissingFileIsNamed() {
    Path nowhere = dir.resolve("train-images-idx3-ubyte.gz");
    DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readImages(nowhere));
    assertTrue(e.getMessage().contains(nowhere.toString()) && e.getMessage().contains("no such file"), e.getMessage());
  }

  @Test
  void readsTheShippedFashionMnistSubset() throws Exception {
    Path data = Path.of("..", "sample-projects", "fashion-mnist-mlp", "data");
    Dataset d =
        IdxReader.read(
            "Fashion-MNIST", data.resolve("t10k-images-idx3-ubyte.gz"), data.resolve("t10k-labels-idx1-ubyte.gz"), List.of());
    assertEquals(1000, d.size());
    assertEquals(Shape.of(1, 28, 28), d.sampleShape());
    assertEquals(10, d.classes());
    int[] perClass = new int[10];
    Arrays.fill(perClass, 100);
    assertArrayEquals(perClass, d.classCounts());
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new java.util.Random(1).nextBytes(b);
    return b;
  }
}
