package org.layerlab.runtime.data;

import ai.djl.basicdataset.cv.classification.Cifar10;
import ai.djl.basicdataset.cv.classification.FashionMnist;
import ai.djl.basicdataset.cv.classification.Mnist;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import ai.djl.util.Utils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef.DjlDataset;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * DJL's downloadable datasets (its {@code basicdataset} module): MNIST, Fashion-MNIST and CIFAR-10. DJL downloads them from its
 * repository ({@value #REPOSITORY}) into its cache on first use and reads them from there afterwards.
 *
 * <p>Offline, DJL would still try to fetch a dataset it has not cached (its offline switch only stops it refreshing what it has), so
 * Layerlab checks first: when DJL is offline ({@code -Dai.djl.offline=true} or {@code DJL_OFFLINE=true}) and the dataset is not in
 * the cache, or when the download fails, loading ends with a message that says which files to download, from where, where to put
 * them and which dataset type then reads them without DJL.
 *
 * <p>Samples are what DJL's own pipeline gives: (1, 28, 28) or (3, 32, 32), scaled to 0..1, like the IDX and CIFAR readers' samples.
 */
public final class DjlDatasets {

  /** Where DJL downloads its basic datasets from. */
  public static final String REPOSITORY = "https://mlrepo.djl.ai/";

  private static final int BATCH = 1000;
  private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
  private static final List<String> FASHION =
      List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
  private static final List<String> CIFAR10 =
      List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

  private DjlDatasets() {}

  /** The training and test sets of one DJL dataset. */
  record Loaded(Dataset train, Dataset test, Path cache) {}

  public static Shape sampleShape(DjlDataset d) {
    return d == DjlDataset.CIFAR_10 ? CifarReader.SAMPLE_SHAPE : Shape.of(1, 28, 28);
  }

  public static List<String> classNames(DjlDataset d) {
    return switch (d) {
      case MNIST -> DIGITS;
      case FASHION_MNIST -> FASHION;
      case CIFAR_10 -> CIFAR10;
    };
  }

  /** Loads {@code d} through DJL, with DJL's own cache folder and offline switch. */
  static Loaded load(DjlDataset d, Path projectDir) throws DatasetException {
    return load(d, projectDir, Utils.getCacheDir(), Utils.isOfflineMode());
  }

  /**
   * Loads {@code d} through DJL.
   *
   * @param djlCache DJL's cache folder ({@code ~/.djl.ai} unless {@code DJL_CACHE_DIR} says otherwise)
   * @param offline whether DJL may not download
   */
  static Loaded load(DjlDataset d, Path projectDir, Path djlCache, boolean offline) throws DatasetException {
    Path cache = cacheFolder(d, djlCache);
    if (offline && !isCached(d, djlCache)) {
      throw new DatasetException(
          null,
          RuntimeMessages.text("data.djl.offline", d.displayName(), String.valueOf(REPOSITORY), String.valueOf(cache), instead(d, projectDir)));
    }
    try {
      return new Loaded(read(d, ai.djl.training.dataset.Dataset.Usage.TRAIN), read(d, ai.djl.training.dataset.Dataset.Usage.TEST), cache);
    } catch (IOException e) {
      throw new DatasetException(
          null, RuntimeMessages.text("data.djl.downloadFailed", d.displayName(), String.valueOf(e), String.valueOf(cache), instead(d, projectDir)), e);
    } catch (TranslateException e) {
      throw new DatasetException(
          null, RuntimeMessages.text("data.djl.readFailed", d.displayName(), String.valueOf(e), String.valueOf(cache), instead(d, projectDir)), e);
    }
  }

  /** The folder DJL keeps {@code d} in: its metadata, and the files under the version folder. */
  static Path cacheFolder(DjlDataset d, Path djlCache) {
    return djlCache.resolve("cache/repo/dataset/cv/ai/djl/basicdataset").resolve(artifactId(d));
  }

  /** Whether DJL has {@code d} already, so that it reads it without the network. */
  static boolean isCached(DjlDataset d, Path djlCache) {
    Path folder = cacheFolder(d, djlCache);
    return Files.isRegularFile(folder.resolve("metadata.json")) && Files.isDirectory(folder.resolve("1.0"));
  }

  private static String artifactId(DjlDataset d) {
    return switch (d) {
      case MNIST -> "mnist";
      case FASHION_MNIST -> "fashmnist";
      case CIFAR_10 -> "cifar10";
    };
  }

  /** What to download instead, from where, where to put it, and the dataset type that reads it. */
  static org.layerlab.model.LocalText instead(DjlDataset d, Path projectDir) {
    String idxFiles = "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz";
    switch (d) {
      case MNIST:
        return RuntimeMessages.text(
            "data.djl.instead.mnist",
            idxFiles,
            String.valueOf(projectDir.resolve("data/mnist")),
            "{\"type\": \"idx\", \"name\": \"MNIST\", \"path\": \"data/mnist\"}");
      case FASHION_MNIST:
        return RuntimeMessages.text(
            "data.djl.instead.fashion",
            idxFiles,
            String.valueOf(projectDir.resolve("data/fashion-mnist")),
            "{\"type\": \"idx\", \"name\": \"Fashion-MNIST\", \"path\": \"data/fashion-mnist\"}");
      case CIFAR_10:
      default:
        return RuntimeMessages.text(
            "data.djl.instead.cifar",
            String.valueOf(projectDir.resolve("data")),
            "{\"type\": \"cifar\", \"variant\": \"cifar-10\", \"path\": \"data/cifar-10-batches-bin\"}");
    }
  }

  private static Dataset read(DjlDataset d, ai.djl.training.dataset.Dataset.Usage usage) throws IOException, TranslateException {
    try (NDManager manager = NDManager.newBaseManager()) {
      RandomAccessDataset set =
          switch (d) {
            case MNIST -> Mnist.builder().optManager(manager).optUsage(usage).setSampling(BATCH, false).build();
            case FASHION_MNIST -> FashionMnist.builder().optManager(manager).optUsage(usage).setSampling(BATCH, false).build();
            case CIFAR_10 -> Cifar10.builder().optManager(manager).optUsage(usage).setSampling(BATCH, false).build();
          };
      set.prepare();
      Shape shape = sampleShape(d);
      int size = (int) shape.elements();
      int n = Math.toIntExact(set.size());
      float[] pixels = new float[Math.multiplyExact(n, size)];
      int[] labels = new int[n];
      int at = 0;
      for (Batch batch : set.getData(manager)) {
        try (batch) {
          float[] x = batch.getData().singletonOrThrow().toFloatArray();
          float[] y = batch.getLabels().singletonOrThrow().toFloatArray();
          System.arraycopy(x, 0, pixels, at * size, x.length);
          for (int i = 0; i < y.length; i++) {
            labels[at + i] = Math.round(y[i]);
          }
          at += y.length;
        }
      }
      if (at != n) {
        throw new IOException("DJL gave " + at + " of " + n + " samples");
      }
      List<String> names = classNames(d);
      String part = usage == ai.djl.training.dataset.Dataset.Usage.TEST ? " test" : "";
      return new Dataset(d.displayName() + part, pixels, labels, shape, names.size(), names);
    }
  }
}
