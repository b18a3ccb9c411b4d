package org.layerlab.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.util.Utils;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.DjlDataset;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.TrainingSettings;

/** Only the offline side: tests never download. */
class DjlDatasetsTest {

  @TempDir Path dir;

  @Test
  void offlineWithoutTheCacheSaysWhatToDownloadAndWhereToPutIt() {
    Path cache = dir.resolve("djl-cache");
    Path project = dir.resolve("project");

    DatasetException e = assertThrows(DatasetException.class, () -> DjlDatasets.load(DjlDataset.FASHION_MNIST, project, cache, true));

    String m = e.getMessage();
    assertNull(e.file());
    assertTrue(m.contains("DJL downloads Fashion-MNIST from https://mlrepo.djl.ai/ on first use, but Layerlab is offline"), m);
    assertTrue(m.contains(cache.resolve("cache/repo/dataset/cv/ai/djl/basicdataset/fashmnist").toString()), m);
    assertTrue(m.contains("train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz"), m);
    assertTrue(m.contains("put them in " + project.resolve("data/fashion-mnist")), m);
    assertTrue(m.contains("{\"type\": \"idx\", \"name\": \"Fashion-MNIST\", \"path\": \"data/fashion-mnist\"}"), m);
    assertFalse(Files.exists(cache), "nothing was written, nothing downloaded");
  }

  @Test
  void offlineCifar10PointsToTheBinaryArchiveAndTheCifarType() {
    DatasetException e =
        assertThrows(DatasetException.class, () -> DjlDatasets.load(DjlDataset.CIFAR_10, dir, dir.resolve("cache"), true));
    String m = e.getMessage();
    assertTrue(m.contains("cifar-10-binary.tar.gz") && m.contains("https://www.cs.toronto.edu/~kriz/cifar.html"), m);
    assertTrue(m.contains("unpack it in " + dir.resolve("data")), m);
    assertTrue(m.contains("{\"type\": \"cifar\", \"variant\": \"cifar-10\", \"path\": \"data/cifar-10-batches-bin\"}"), m);
    DatasetException mnist = assertThrows(DatasetException.class, () -> DjlDatasets.load(DjlDataset.MNIST, dir, dir.resolve("cache"), true));
    assertTrue(mnist.getMessage().contains("data/mnist"), mnist.getMessage());
  }

  @Test
  void theCacheCountsAsPresentOnlyWithMetadataAndVersionFolder() throws Exception {
    Path cache = dir.resolve("cache");
    assertFalse(DjlDatasets.isCached(DjlDataset.MNIST, cache));
    Path folder = Files.createDirectories(DjlDatasets.cacheFolder(DjlDataset.MNIST, cache));
    Files.writeString(folder.resolve("metadata.json"), "{}");
    assertFalse(DjlDatasets.isCached(DjlDataset.MNIST, cache));
    Files.createDirectories(folder.resolve("1.0"));
    assertTrue(DjlDatasets.isCached(DjlDataset.MNIST, cache));
  }

  @Test
  void theLoaderIsOfflineInTestsAndRefusesAnUncachedDataset() {
    // Surefire sets ai.djl.offline=true; without it this test would download, so it does not run.
    assumeTrue(Utils.isOfflineMode(), "DJL is not offline here");
    assumeFalse(DjlDatasets.isCached(DjlDataset.MNIST, Utils.getCacheDir()), "MNIST is cached here");
    DatasetRef.Djl ref = new DatasetRef.Djl(DjlDataset.MNIST, Options.NONE);

    DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(ref, dir, TrainingSettings.defaults()));

    assertTrue(e.getMessage().contains("Layerlab is offline"), e.getMessage());
  }

  @Test
  void theSignatureNeedsNoDownload() throws Exception {
    assertEquals(new DataSignature(Shape.of(1, 28, 28), 10), DatasetLoader.signature(new DatasetRef.Djl(DjlDataset.FASHION_MNIST, Options.NONE), dir));
    assertEquals(new DataSignature(Shape.of(3, 32, 32), 10), DatasetLoader.signature(new DatasetRef.Djl(DjlDataset.CIFAR_10, Options.NONE), dir));
  }
}
