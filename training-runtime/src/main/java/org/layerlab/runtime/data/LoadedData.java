package org.layerlab.runtime.data;

import java.util.Objects;
import java.util.Optional;

/**
 * The data of one training run.
 *
 * @param train the samples the model learns from
 * @param validation the samples held out of the training files and measured after every epoch
 * @param test the dataset's own test set (the {@code t10k} files of IDX data), when it has one; training never looks at it
 * @param source where the data actually came from, in words, such as which folder was used and why
 */
public record LoadedData(Dataset train, Dataset validation, Optional<Dataset> test, String source) {

  public LoadedData {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(source, "source");
  }
}
