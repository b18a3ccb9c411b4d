package org.layerlab.runtime.train.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.DatasetException;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.data.IdxReader;

/** The benchmark's images: the first {@code samples} of an IDX folder's training files. */
final class BenchData {

  private BenchData() {}

  static Dataset load(BenchSpec spec) throws DatasetException {
    Path images = file(spec.dataDir(), DatasetLoader.TRAIN_IMAGES);
    Path labels = file(spec.dataDir(), DatasetLoader.TRAIN_LABELS);
    Dataset all = IdxReader.read("Fashion-MNIST", images, labels, List.of());
    if (all.size() < spec.samples()) {
      throw new IllegalArgumentException(spec.dataDir() + " has " + all.size() + " training images, fewer than the " + spec.samples() + " asked for");
    }
    int[] first = new int[spec.samples()];
    for (int i = 0; i < first.length; i++) {
      first[i] = i;
    }
    return all.subset(first, "Fashion-MNIST benchmark");
  }

  static Path file(Path dir, String stem) {
    Path gz = dir.resolve(stem + ".gz");
    return Files.exists(gz) ? gz : dir.resolve(stem);
  }
}
