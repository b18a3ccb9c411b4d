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
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.CifarVariant;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.TrainingSettings;

class CifarReaderTest {

  @TempDir Path dir;

  @Test
  void readsCifar10RecordsAsRedGreenBluePlanes() throws Exception {
    Path file = CifarFiles.cifar10(dir.resolve("data_batch_1.bin"), 0, 4, 10);

    Dataset d = CifarReader.read("c", List.of(file), CifarVariant.CIFAR_10, CifarReader.classNames(dir, CifarVariant.CIFAR_10));

    assertEquals(4, d.size());
    assertEquals(Shape.of(3, 32, 32), d.sampleShape());
    assertEquals(3, d.label(3));
    assertEquals("airplane", d.classNames().get(0), "the built-in names when there is no batches.meta.txt");
    // red plane first, then green, then blue; row after row inside a plane
    assertEquals(CifarFiles.pixel(2, 0, 0) / 255f, d.feature(2, 0));
    assertEquals(CifarFiles.pixel(2, 0, 33) / 255f, d.feature(2, 33), "red, row 1, column 1");
    assertEquals(CifarFiles.pixel(2, 1, 5) / 255f, d.feature(2, 1024 + 5), "green");
    assertEquals(CifarFiles.pixel(2, 2, 1023) / 255f, d.feature(2, 3071), "blue, last pixel");
  }

  @Test
  void readsCifar100FineOrCoarseLabels() throws Exception {
    Path file = CifarFiles.cifar100(dir.resolve("train.bin"), 25);

    Dataset fine = CifarReader.read("f", List.of(file), CifarVariant.CIFAR_100, CifarReader.classNames(dir, CifarVariant.CIFAR_100));
    Dataset coarse =
        CifarReader.read("c", List.of(file), CifarVariant.CIFAR_100_COARSE, CifarReader.classNames(dir, CifarVariant.CIFAR_100_COARSE));

    assertEquals(100, fine.classes());
    assertEquals(20, coarse.classes());
    assertEquals(23, fine.label(23));
    assertEquals(3, coarse.label(23));
    assertEquals(CifarFiles.pixel(7, 1, 9) / 255f, fine.feature(7, 1024 + 9), "two label bytes are skipped");
  }

  @Test
  void classNamesComeFromTheMetaFileNextToTheBatches() throws Exception {
    Files.writeString(dir.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), CifarReader.classNames(dir, CifarVariant.CIFAR_10));
    Files.writeString(dir.resolve("coarse_label_names.txt"), "only\ntwo\n");
    assertEquals("19", CifarReader.classNames(dir, CifarVariant.CIFAR_100_COARSE).get(19), "a meta file of the wrong length is ignored");
  }

  @Test
  void loadsAllTrainingBatchesAndTheTestBatchFromTheUnpackedFolder() throws Exception {
    Path unpacked = dir.resolve("data/cifar-10-batches-bin");
    CifarFiles.cifar10(unpacked.resolve("data_batch_1.bin"), 0, 20, 10);
    CifarFiles.cifar10(unpacked.resolve("data_batch_2.bin"), 20, 20, 10);
    CifarFiles.cifar10(unpacked.resolve("test_batch.bin"), 100, 10, 10);
    DatasetRef.Cifar ref = new DatasetRef.Cifar("CIFAR-10", "data", CifarVariant.CIFAR_10, Options.NONE);

    LoadedData data = DatasetLoader.load(ref, dir, TrainingSettings.defaults().withValidationFraction(0.5));

    assertEquals(40, data.train().size() + data.validation().size());
    int[] twos = new int[10];
    Arrays.fill(twos, 2);
    assertArrayEquals(twos, data.validation().classCounts(), "stratified: half of each class's four");
    assertEquals(10, data.test().orElseThrow().size());
    assertTrue(data.source().contains("40 training images (data_batch_1.bin to data_batch_2.bin) and 10 test images"), data.source());
    assertEquals(new DataSignature(Shape.of(3, 32, 32), 10), DatasetLoader.signature(ref, dir));
  }

  @Test
  void aTruncatedBatchNamesTheFileAndTheRecordCutShort() throws Exception {
    Path whole = CifarFiles.cifar10(dir.resolve("whole.bin"), 0, 3, 10);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("data_batch_1.bin"), Arrays.copyOf(bytes, bytes.length - 100));

    DatasetException e =
        assertThrows(DatasetException.class, () -> CifarReader.read("c", List.of(cut), CifarVariant.CIFAR_10, List.of("0")));

    String m = e.getMessage();
    assertEquals(cut, e.file());
    assertTrue(m.startsWith(cut.toString()), m);
    assertTrue(m.contains("is truncated: 9119 bytes are 2 whole CIFAR-10 records of 3073 bytes and 2973 bytes more"), m);
    assertTrue(m.contains("record 2 (counting from 0) is cut short by 100 bytes"), m);
    assertTrue(m.contains("download the file again"), m);
  }

  @Test
  void aLabelOutOfRangeNamesTheRecordAndTheRange() throws Exception {
    byte[] records = new byte[3 * 3073];
    System.arraycopy(CifarFiles.record(0, 1), 0, records, 0, 3073);
    System.arraycopy(CifarFiles.record(1, 9), 0, records, 3073, 3073);
    System.arraycopy(CifarFiles.record(2, 10), 0, records, 2 * 3073, 3073);
    Path file = Files.write(dir.resolve("data_batch_1.bin"), records);

    DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read("c", List.of(file), CifarVariant.CIFAR_10, List.of()));

    assertTrue(e.getMessage().contains("record 2 (counting from 0, at byte 6146) has label 10, but CIFAR-10 labels are 0 to 9"), e.getMessage());
    assertEquals(file, e.file());
  }

  @Test
  void aCifar100FineLabelOutOfRangeIsNamed() throws Exception {
    Path file = Files.write(dir.resolve("train.bin"), CifarFiles.record(0, 3, 100));
    DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read("c", List.of(file), CifarVariant.CIFAR_100, List.of()));
    assertTrue(e.getMessage().contains("record 0 (counting from 0, at byte 0) has fine label 100, but CIFAR-100 fine labels are 0 to 99"), e.getMessage());
  }

  @Test
  void aCifar100FileReadAsCifar10SaysWhichVariantFits() throws Exception {
    Path file = CifarFiles.cifar100(dir.resolve("data_batch_1.bin"), 3);
    DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read("c", List.of(file), CifarVariant.CIFAR_10, List.of()));
    assertTrue(e.getMessage().contains("set the dataset's variant to cifar-100"), e.getMessage());
  }

  @Test
  void aFolderWithoutBatchesSaysWhatToDownloadAndWhere() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    DatasetRef.Cifar ref = new DatasetRef.Cifar("CIFAR-100", "data", CifarVariant.CIFAR_100, Options.NONE);

    DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(ref, dir, TrainingSettings.defaults()));

    String m = e.getMessage();
    assertTrue(m.startsWith(dir.resolve("data").toString()), m);
    assertTrue(m.contains("train.bin"), m);
    assertTrue(m.contains("cifar-100-binary.tar.gz") && m.contains("https://www.cs.toronto.edu/~kriz/cifar.html"), m);
    assertThrows(DatasetException.class, () -> DatasetLoader.signature(ref, dir), "the signature checks the files too");
  }

  @Test
  void anEmptyBatchIsReported() throws Exception {
    Path file = Files.write(dir.resolve("data_batch_1.bin"), new byte[0]);
    DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read("c", List.of(file), CifarVariant.CIFAR_10, List.of()));
    assertTrue(e.getMessage().contains("is empty"), e.getMessage());
  }
}
