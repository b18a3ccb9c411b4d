package org.layerlab.runtime.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.SyntheticKind;
import org.layerlab.model.project.DatasetRef.Task;
import org.layerlab.runtime.data.DatasetException;

/** A preview of every kind of dataset, on small data the test writes or generates. */
class DataPreviewsTest {

  @TempDir Path dir;

  private DataPreview load(DatasetRef ref) throws DatasetException {
    return DataPreviews.load(ref, dir, 0.2, Progress.none());
  }

  @Test
  void aTwoDimensionalSetIsAScatterOfEveryPointWithItsClass() throws Exception {
    DataPreview p = load(new DatasetRef.Synthetic(SyntheticKind.MOONS, 200, 2, 0.1, 0, 5, Options.NONE));

    assertEquals(DataPreview.Kind.POINTS, p.kind());
    assertEquals(200, p.points().size());
    assertArrayEquals(new int[] {100, 100}, p.counts());
    assertEquals(List.of("upper moon", "lower moon"), p.groupNames());
    assertEquals(Shape.of(2), p.signature().sampleShape());
    assertEquals(100, p.points().stream().filter(pt -> pt.label() == 1).count());
    assertFalse(p.hasOwnTestSet());
  }

  @Test
  void theSpiralAndABigSetAreThinnedToTheMaximumOfPoints() throws Exception {
    DataPreview p = load(new DatasetRef.Synthetic(SyntheticKind.GAUSSIANS, 9000, 3, 0.2, 0, 5, Options.NONE));

    assertTrue(p.points().size() <= DataPreviews.MAX_POINTS, "" + p.points().size());
    assertTrue(p.points().size() >= DataPreviews.MAX_POINTS - 1, "" + p.points().size());
    assertEquals(9000, p.total());
    assertEquals(DataPreview.Kind.POINTS, load(new DatasetRef.Spiral(3, 50, 0.2, 7)).kind());
  }

  @Test
  void aOneDimensionalRegressionIsItsTargetAgainstItsInput() throws Exception {
    DataPreview p = load(new DatasetRef.Synthetic(SyntheticKind.SINE, 120, 0, 0.0, 0, 5, Options.NONE));

    assertEquals(DataPreview.Kind.CURVE, p.kind());
    assertTrue(p.regression());
    assertArrayEquals(new int[] {120}, p.counts());
    for (DataPreview.Point pt : p.points()) {
      assertEquals(Math.sin(pt.x()), pt.y(), 1e-5, "noise 0: y = sin x");
    }
  }

  @Test
  void sequencesShowAFewOfEachClassStepByStep() throws Exception {
    DataPreview p = load(new DatasetRef.Synthetic(SyntheticKind.SEQUENCE, 80, 4, 0.0, 25, 5, Options.NONE));

    assertEquals(DataPreview.Kind.SEQUENCES, p.kind());
    assertEquals(4 * DataPreviews.SEQUENCES_PER_CLASS, p.sequences().size());
    assertTrue(p.sequences().stream().allMatch(s -> s.values().length == 25));
    // the square wave (class 1) holds only -1 and 1 without noise
    DataPreview.Sequence square = p.sequences().stream().filter(s -> s.label() == 1).findFirst().orElseThrow();
    for (float v : square.values()) {
      assertEquals(1, Math.abs(v), 1e-6);
    }
  }

  @Test
  void idxImagesShowAFewOfEachClassAndCountTheirOwnTestSet() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("idx"));
    writeIdx(folder.resolve("train-images-idx3-ubyte"), folder.resolve("train-labels-idx1-ubyte"), 30, 3);
    writeIdx(folder.resolve("t10k-images-idx3-ubyte"), folder.resolve("t10k-labels-idx1-ubyte"), 9, 3);

    DataPreview p = load(new DatasetRef.Idx("Digits", "idx", null, false, List.of("a", "b", "c")));

    assertEquals(DataPreview.Kind.IMAGES, p.kind());
    assertArrayEquals(new int[] {10, 10, 10}, p.counts());
    assertArrayEquals(new int[] {3, 3, 3}, p.ownTestCounts());
    assertEquals(3 * DataPreviews.MAX_IMAGES_PER_CLASS, p.images().size());
    DataPreview.ImageSample first = p.images().get(0);
    assertEquals(1, first.channels());
    assertEquals(4, first.height());
    assertEquals(5, first.width());
    assertEquals(0, first.label());
    SplitCounts split = p.split(0.3, 0.2);
    assertTrue(split.ownTestSet());
    assertEquals(9, split.testTotal(), "the own test set, not 30% of the samples");
  }

  @Test
  void cifarBatchesAreColourImages() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("cifar"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int r = 0; r < 20; r++) {
      out.write(r % 2);
      byte[] pixels = new byte[3072];
      Arrays.fill(pixels, (byte) (r * 10));
      out.write(pixels);
    }
    Files.write(folder.resolve("data_batch_1.bin"), out.toByteArray());

    DataPreview p = load(new DatasetRef.Cifar("CIFAR", "cifar", DatasetRef.CifarVariant.CIFAR_10, Options.NONE));

    assertEquals(DataPreview.Kind.IMAGES, p.kind());
    assertEquals(3, p.images().get(0).channels());
    assertEquals(20, p.total());
    assertNull(p.ownTestCounts());
  }

  @Test
  void anImageFolderIsResizedToTheAskedSize() throws Exception {
    for (String cls : List.of("cats", "dogs")) {
      Path sub = Files.createDirectories(dir.resolve("pets").resolve(cls));
      for (int i = 0; i < 3; i++) {
        BufferedImage image = new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        ImageIO.write(image, "png", sub.resolve(i + ".png").toFile());
      }
    }

    DataPreview p = load(new DatasetRef.ImageFolder("Pets", "pets", 8, 8, 3, Options.NONE));

    assertEquals(DataPreview.Kind.IMAGES, p.kind());
    assertEquals(List.of("cats", "dogs"), p.groupNames());
    assertEquals(8, p.images().get(0).width());
    assertEquals(8, p.images().get(0).height());
    assertArrayEquals(new int[] {3, 3}, p.counts());
  }

  @Test
  void aCsvFileIsATableOfItsFirstRowsAsWritten() throws Exception {
    StringBuilder csv = new StringBuilder("size;colour;label\n");
    for (int i = 0; i < 70; i++) {
      csv.append(i).append(";\"red; dark\";").append(i % 2 == 0 ? "even" : "odd").append('\n');
    }
    Files.writeString(dir.resolve("t.csv"), csv, StandardCharsets.UTF_8);
    assertEquals(';', CsvHead.detectDelimiter(dir.resolve("t.csv")));
    DatasetRef.Csv ref =
        new DatasetRef.Csv("T", "t.csv", List.of("label"), List.of("size"), List.of(), Task.CLASSIFICATION, ';', Options.NONE);

    DataPreview p = load(ref);

    assertEquals(DataPreview.Kind.TABLE, p.kind());
    assertEquals(List.of("size", "colour", "label"), p.table().columns());
    assertEquals(DataPreviews.MAX_ROWS, p.table().rows().size());
    assertEquals(List.of("3", "red; dark", "odd"), p.table().rows().get(3));
    assertEquals(List.of("even", "odd"), p.groupNames());
    assertArrayEquals(new int[] {35, 35}, p.counts());
  }

  @Test
  void aBadCsvRowFailsWithTheReadersMessageNamingTheLine() throws Exception {
    Files.writeString(dir.resolve("bad.csv"), "x,label\n1,a\n2,b\nlots,a\n3,b\n", StandardCharsets.UTF_8);
    DatasetRef.Csv ref =
        new DatasetRef.Csv("Bad", "bad.csv", List.of("label"), List.of(), List.of(), Task.CLASSIFICATION, ',', Options.NONE);

    DatasetException e = assertThrows(DatasetException.class, () -> load(ref));

    assertTrue(e.getMessage().contains("bad.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("line 4"), e.getMessage());
  }

  @Test
  void aDjlSetOfflineAndNotCachedFailsWithTheLoadersOfflineMessage() {
    // the tests run with ai.djl.offline=true; a set already in DJL's cache loads instead, which is fine too
    DatasetRef.Djl mnist = new DatasetRef.Djl(DatasetRef.DjlDataset.MNIST, Options.NONE);
    try {
      DataPreview p = load(mnist);
      assertEquals(DataPreview.Kind.IMAGES, p.kind());
      assertTrue(p.hasOwnTestSet());
    } catch (DatasetException e) {
      assertTrue(e.getMessage().contains("offline"), e.getMessage());
      assertTrue(e.getMessage().contains("MNIST"), e.getMessage());
    }
  }

  @Test
  void aCancelledPreviewStopsAfterLoading() {
    Progress progress = new Progress();
    progress.cancel();

    assertThrows(
        CancellationException.class,
        () -> DataPreviews.load(new DatasetRef.Spiral(3, 50, 0.2, 7), dir, 0.2, progress));
  }

  /** {@code count} images of 4 x 5, image i labelled i % classes, in the IDX format. */
  private static void writeIdx(Path images, Path labels, int count, int classes) throws IOException {
    ByteBuffer img = ByteBuffer.allocate(16 + count * 20);
    img.putInt(0x803).putInt(count).putInt(4).putInt(5);
    for (int i = 0; i < count * 20; i++) {
      img.put((byte) (i % 251));
    }
    Files.write(images, img.array());
    ByteBuffer lab = ByteBuffer.allocate(8 + count);
    lab.putInt(0x801).putInt(count);
    for (int i = 0; i < count; i++) {
      lab.put((byte) (i % classes));
    }
    Files.write(labels, lab.array());
  }
}
