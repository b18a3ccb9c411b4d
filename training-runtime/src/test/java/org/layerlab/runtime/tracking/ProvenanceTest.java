package org.layerlab.runtime.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.store.ConfigHash;

class ProvenanceTest {

  @TempDir Path dir;

  private static Project spiral() {
    return new Project("S", "", ModelSpec.of(), new DatasetRef.Spiral(3, 50, 0.1, 5), TrainingSettings.defaults().withSeed(11));
  }

  private static Project idx(String path) {
    return new Project("I", "", ModelSpec.of(), new DatasetRef.Idx("Tiny", path, null, false, List.of()), TrainingSettings.defaults());
  }

  @Test
  void capturesConfigurationHashSeedVersionsDeviceAndThreads() {
    Provenance p = Provenance.capture(spiral(), dir);
    assertEquals(ConfigHash.of(ProjectFiles.toJson(spiral())), p.configHash());
    assertEquals(11, p.seed());
    assertEquals("cpu()", p.device());
    assertTrue(p.engineThreads() >= 1, "PyTorch reports its pool: " + p.engineThreads());
    assertEquals(Runtime.getRuntime().availableProcessors(), p.processors());
    assertEquals("0.36.0", p.versions().djl());
    assertTrue(p.versions().engine().startsWith("PyTorch 2.7.1"), p.versions().engine());
    assertTrue(p.versions().java().startsWith(System.getProperty("java.version")), p.versions().java());
    assertTrue(p.versions().os().startsWith(System.getProperty("os.name")), p.versions().os());
    assertTrue(!p.versions().layerlab().isBlank());
    assertEquals("spiral", p.dataset().type());
    assertEquals(List.of(), p.dataset().files());
    assertNull(p.dataset().sha256());
    assertTrue(p.dataset().note().contains("generated"), p.dataset().note());
  }

  @Test
  void jsonRoundTripsAndUnknownFieldsFromALaterVersionAreIgnored() {
    Provenance p = Provenance.capture(spiral(), dir);
    assertEquals(p, Provenance.parse(p.toJson()));
    String later = p.toJson().replaceFirst("\\{", "{\"gpuModel\": \"none\",");
    assertEquals(p, Provenance.parse(later));
    assertThrows(IllegalArgumentException.class, () -> Provenance.parse("[1, 2]"));
  }

  @Test
  void anIdxFolderIsFingerprintedFileByFileWithSizesAndSha256() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("train-labels-idx1-ubyte"), "abc", StandardCharsets.US_ASCII);
    Files.write(data.resolve("train-images-idx3-ubyte"), new byte[1000]);
    DatasetFingerprint f = DatasetFingerprint.of(idx("data"), dir);
    assertEquals(List.of(data.toAbsolutePath().toString()), f.roots());
    assertEquals(List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte"), f.files().stream().map(DatasetFingerprint.FileEntry::path).toList());
    assertEquals(1003, f.totalBytes());
    // SHA-256("abc") from FIPS 180-2, appendix B.1.
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", f.files().get(1).sha256());
    assertEquals(3, f.files().get(1).size());

    Path copy = Files.createDirectories(dir.resolve("copy"));
    Files.writeString(copy.resolve("train-labels-idx1-ubyte"), "abc", StandardCharsets.US_ASCII);
    Files.write(copy.resolve("train-images-idx3-ubyte"), new byte[1000]);
    assertEquals(f.sha256(), DatasetFingerprint.of(idx("copy"), dir).sha256(), "the same bytes elsewhere: the same data");

    byte[] changed = new byte[1000];
    changed[500] = 1;
    Files.write(copy.resolve("train-images-idx3-ubyte"), changed);
    assertNotEquals(f.sha256(), DatasetFingerprint.of(idx("copy"), dir).sha256(), "one byte changed: other data");
  }

  @Test
  void aMissingFolderIsSaidSoWithoutAHash() {
    DatasetFingerprint f = DatasetFingerprint.of(idx("nowhere"), dir);
    assertNull(f.sha256());
    assertTrue(f.note().startsWith("missing: ") && f.note().contains("nowhere"), f.note());
  }

  @Test
  void datasetKindsBeyondIdxAreFingerprintedByTheirPathSettings() {
    String json =
        "{\"dataset\": {\"type\": \"csv\", \"path\": \"data/train.csv\", \"labelColumn\": \"y\","
            + " \"test\": {\"testPath\": \"data/test.csv\"}, \"imagePaths\": [\"a\", \"b\"], \"name\": \"not a path\"},"
            + " \"training\": {\"outputPath\": \"not the dataset\"}}";
    assertEquals(List.of("data/train.csv", "data/test.csv", "a", "b"), DatasetFingerprint.pathSettings(json));
  }
}
