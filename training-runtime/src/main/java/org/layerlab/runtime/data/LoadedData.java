package org.layerlab.runtime.data;

import java.util.Objects;
import java.util.Optional;
import org.layerlab.model.project.DatasetRef.Augmentation;

/**
 * The data of one training run.
 *
 * @param train the samples the model learns from
 * @param validation the samples held out of the training samples and measured after every epoch
 * @param test the test set, when there is one: the dataset's own (the {@code t10k} files of IDX data, CIFAR's test batch) or the
 *     share the dataset's {@code testFraction} held out; training never looks at it
 * @param source where the data actually came from and how it was prepared, in words
 * @param scaling the normalisation applied to all three sets, fitted to {@code train}; empty when the features are as read. Anything
 *     the trained model is later asked must be scaled the same way.
 * @param augmentation the random changes {@link #trainingAugmenter} makes to training batches; {@link Augmentation#NONE} for none
 */
public record LoadedData(
    Dataset train,
    Dataset validation,
    Optional<Dataset> test,
    String source,
    Optional<FeatureScaling> scaling,
    Augmentation augmentation) {

  public LoadedData {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(scaling, "scaling");
    augmentation = augmentation == null ? Augmentation.NONE : augmentation;
  }

  /** Data with no normalisation and no augmentation. */
  public LoadedData(Dataset train, Dataset validation, Optional<Dataset> test, String source) {
    this(train, validation, test, source, Optional.empty(), Augmentation.NONE);
  }

  /**
   * A new augmenter for the training batches of one run, seeded with {@code seed}, or empty when there is no augmentation. The data
   * loader only lets augmentation through for image samples.
   */
  public Optional<ImageAugmenter> trainingAugmenter(long seed) {
    return augmentation.isNone() ? Optional.empty() : Optional.of(new ImageAugmenter(augmentation, train.sampleShape(), seed));
  }
}
