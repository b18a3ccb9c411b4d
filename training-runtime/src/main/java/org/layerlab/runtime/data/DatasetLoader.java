package org.layerlab.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.TrainingSettings;

/**
 * Turns a project's {@link DatasetRef} into the data of a run: reads or generates the samples, then holds out a seeded, stratified
 * validation share of the training samples ({@link TrainingSettings#validationFraction()}, {@link TrainingSettings#seed()}).
 *
 * <p>IDX data lives in a folder with the MNIST file names: {@value #TRAIN_IMAGES}, {@value #TRAIN_LABELS}, {@value #TEST_IMAGES} and
 * {@value #TEST_LABELS}, each gzip ({@code .gz}) or raw. The test pair is optional. When the reference asks for the full dataset
 * and its folder holds all four files, that folder is read instead of the project's own.
 */
public final class DatasetLoader {

  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  private DatasetLoader() {}

  /**
   * Loads the data {@code ref} names.
   *
   * @param projectDir the folder relative dataset paths start from
   * @throws DatasetException when a file is missing or damaged, or there are too few samples to split
   */
  public static LoadedData load(DatasetRef ref, Path projectDir, TrainingSettings settings) throws DatasetException {
    if (ref instanceof DatasetRef.Spiral spiral) {
      Dataset all = SpiralGenerator.generate(spiral);
      StratifiedSplit split = split(all, settings, null);
      return new LoadedData(split.train(), split.validation(), Optional.empty(), spiral.describe() + ", seed " + spiral.seed());
    }
    DatasetRef.Idx idx = (DatasetRef.Idx) ref;
    Path folder = idxFolder(idx, projectDir);
    Path trainImages = find(folder, TRAIN_IMAGES);
    Path trainLabels = find(folder, TRAIN_LABELS);
    if (trainImages == null || trainLabels == null) {
      StringBuilder missing = new StringBuilder();
      for (String stem : new String[] {TRAIN_IMAGES, TRAIN_LABELS}) {
        if (find(folder, stem) == null) {
          missing.append(missing.length() == 0 ? "" : " and ").append(stem).append(".gz (or ").append(stem).append(")");
        }
      }
      throw new DatasetException(
          folder,
          (Files.isDirectory(folder) ? "" : "no such folder; ")
              + "looked for "
              + missing
              + " here and found nothing. Put the IDX files there, or set the project's dataset path to the folder that holds them.");
    }
    Dataset all = IdxReader.read(idx.name(), trainImages, trainLabels, idx.classNames());
    Optional<Dataset> test = Optional.empty();
    Path testImages = find(folder, TEST_IMAGES);
    Path testLabels = find(folder, TEST_LABELS);
    if ((testImages == null) != (testLabels == null)) {
      Path present = testImages != null ? testImages : testLabels;
      throw new DatasetException(
          present,
          "has no partner: "
              + (testImages == null ? TEST_IMAGES : TEST_LABELS)
              + "[.gz] is missing from the same folder. Add it, or remove this file to train without a test set.");
    }
    if (testImages != null) {
      test = Optional.of(IdxReader.read(idx.name() + " test", testImages, testLabels, all.classNames()));
      if (!test.get().sampleShape().equals(all.sampleShape())) {
        throw new DatasetException(
            testImages,
            "holds images of "
                + test.get().sampleShape()
                + " but the training images are "
                + all.sampleShape()
                + ": use the test files that belong to this dataset.");
      }
    }
    StratifiedSplit split = split(all, settings, trainImages);
    StringBuilder source = new StringBuilder();
    source.append(idx.name()).append(": ").append(all.size()).append(" training images");
    test.ifPresent(t -> source.append(" and ").append(t.size()).append(" test images"));
    source.append(" from ").append(folder);
    Path full = fullFolder(idx, projectDir);
    if (full != null && folder.equals(full)) {
      source.append(" (the full dataset)");
    } else if (idx.useFullWhenAvailable() && full != null) {
      source.append(" (the full dataset is not installed at ").append(full).append(")");
    }
    return new LoadedData(split.train(), split.validation(), test, source.toString());
  }

  /**
   * What the data {@code ref} names feeds a model, the sample shape and the class count, without loading the samples: the spiral's
   * from its settings, an IDX set's from the images file's header and the labels (a few kilobytes). Cheap enough to run on every
   * change of dataset, but it reads files: keep it off a user interface thread.
   */
  public static DataSignature signature(DatasetRef ref, Path projectDir) throws DatasetException {
    if (ref instanceof DatasetRef.Spiral spiral) {
      return new DataSignature(Shape.of(2), spiral.classes());
    }
    DatasetRef.Idx idx = (DatasetRef.Idx) ref;
    Path folder = idxFolder(idx, projectDir);
    Path images = find(folder, TRAIN_IMAGES);
    Path labels = find(folder, TRAIN_LABELS);
    if (images == null || labels == null) {
      throw new DatasetException(
          folder,
          (Files.isDirectory(folder) ? "" : "no such folder; ")
              + "looked for "
              + (images == null ? TRAIN_IMAGES : TRAIN_LABELS)
              + "[.gz] here and found nothing. Put the IDX files there, or set the project's dataset path to the folder that holds them.");
    }
    Shape shape = IdxReader.imageShape(images);
    int classes = idx.classNames().size();
    if (classes == 0) {
      for (int label : IdxReader.readLabels(labels)) {
        classes = Math.max(classes, label + 1);
      }
    }
    return new DataSignature(shape, classes);
  }

  /** The folder an IDX reference is read from: the full dataset's when asked for and complete, else the project's own. */
  public static Path idxFolder(DatasetRef.Idx idx, Path projectDir) {
    Path full = fullFolder(idx, projectDir);
    if (idx.useFullWhenAvailable() && full != null && hasAllFiles(full)) {
      return full;
    }
    return projectDir.resolve(idx.path()).normalize();
  }

  /** Whether {@code folder} holds all four IDX files, gzip or raw. */
  public static boolean hasAllFiles(Path folder) {
    return find(folder, TRAIN_IMAGES) != null
        && find(folder, TRAIN_LABELS) != null
        && find(folder, TEST_IMAGES) != null
        && find(folder, TEST_LABELS) != null;
  }

  private static Path fullFolder(DatasetRef.Idx idx, Path projectDir) {
    return idx.fullDatasetPath() == null || idx.fullDatasetPath().isBlank()
        ? null
        : projectDir.resolve(idx.fullDatasetPath()).normalize();
  }

  /** {@code stem.gz} or {@code stem} in {@code folder}, the gzip preferred; {@code null} when neither is a file. */
  private static Path find(Path folder, String stem) {
    Path gz = folder.resolve(stem + ".gz");
    if (Files.isRegularFile(gz)) {
      return gz;
    }
    Path raw = folder.resolve(stem);
    return Files.isRegularFile(raw) ? raw : null;
  }

  private static StratifiedSplit split(Dataset all, TrainingSettings settings, Path file) throws DatasetException {
    double fraction = settings.validationFraction();
    if (!(fraction > 0 && fraction < 1)) {
      throw new DatasetException(file, "validation fraction must be above 0 and below 1, got " + fraction + ": set it to 0.1 or 0.2.");
    }
    StratifiedSplit split = StratifiedSplit.of(all, fraction, settings.seed());
    if (split.train().size() == 0 || split.validation().size() == 0) {
      throw new DatasetException(
          file,
          all.size()
              + " samples are too few to hold out "
              + Math.round(fraction * 100)
              + "% for validation and still train: give each class at least two samples.");
    }
    return split;
  }
}
