package org.layerlab.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Turns a project's {@link DatasetRef} into the data of a run, in four steps:
 *
 * <ol>
 *   <li>read or generate all samples, and the dataset's own test set when it has one;
 *   <li>when it has none and the reference asks for a test fraction, hold that share out as the test set, stratified by class and
 *       seeded with {@link #TEST_SPLIT_SEED};
 *   <li>hold out a seeded, stratified validation share of the rest ({@link TrainingSettings#validationFraction()},
 *       {@link TrainingSettings#seed()});
 *   <li>fit the normalisation to the training part only and apply it to all three parts; check that augmentation, which training
 *       applies batch by batch, has images to work on.
 * </ol>
 *
 * <p>IDX data lives in a folder with the MNIST file names: {@value #TRAIN_IMAGES}, {@value #TRAIN_LABELS}, {@value #TEST_IMAGES} and
 * {@value #TEST_LABELS}, each gzip ({@code .gz}) or raw. The test pair is optional. When the reference asks for the full dataset
 * and its folder holds all four files, that folder is read instead of the project's own. KMNIST ships in the same format and names.
 * The other formats are described by their readers: {@link CifarReader}, {@link CsvReader}, {@link ImageFolderReader},
 * {@link SyntheticGenerator}, {@link DjlDatasets}.
 */
public final class DatasetLoader {

  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  /**
   * The seed of the test split. It is fixed, not the training seed, so that runs that differ in their seed are still measured on the
   * same test samples and can be compared.
   */
  public static final long TEST_SPLIT_SEED = 0x7E57_5EEDL;

  private DatasetLoader() {}

  /** All samples of a dataset as read, its own test set if it has one, where they came from in words, and the file to name. */
  private record Source(Dataset all, Optional<Dataset> test, String description, Path file) {}

  /**
   * Loads the data {@code ref} names.
   *
   * @param projectDir the folder relative dataset paths start from
   * @throws DatasetException when a file is missing or damaged, or there are too few samples to split
   */
  public static LoadedData load(DatasetRef ref, Path projectDir, TrainingSettings settings) throws DatasetException {
    return prepare(read(ref, projectDir), ref.options(), settings);
  }

  private static Source read(DatasetRef ref, Path projectDir) throws DatasetException {
    if (ref instanceof DatasetRef.Spiral spiral) {
      return new Source(SpiralGenerator.generate(spiral), Optional.empty(), spiral.describe() + ", seed " + spiral.seed(), null);
    }
    if (ref instanceof DatasetRef.Idx idx) {
      return readIdx(idx, projectDir);
    }
    if (ref instanceof DatasetRef.Cifar cifar) {
      Path folder = projectDir.resolve(cifar.path()).normalize();
      CifarReader.Batches batches = CifarReader.locate(folder, cifar.variant());
      List<String> names = CifarReader.classNames(batches.folder(), cifar.variant());
      Dataset all = CifarReader.read(cifar.name(), batches.train(), cifar.variant(), names);
      Optional<Dataset> test = Optional.empty();
      if (batches.test() != null) {
        test = Optional.of(CifarReader.read(cifar.name() + " test", List.of(batches.test()), cifar.variant(), names));
      }
      String files =
          batches.train().size() == 1
              ? batches.train().get(0).getFileName().toString()
              : batches.train().get(0).getFileName() + " to " + batches.train().get(batches.train().size() - 1).getFileName();
      String description =
          cifar.name()
              + ": "
              + all.size()
              + " training images ("
              + files
              + ")"
              + test.map(t -> " and " + t.size() + " test images").orElse("")
              + ", "
              + all.classes()
              + " classes, from "
              + batches.folder();
      return new Source(all, test, description, batches.train().get(0));
    }
    if (ref instanceof DatasetRef.Csv csv) {
      Path file = projectDir.resolve(csv.path()).normalize();
      Dataset all = CsvReader.read(file, csv);
      String what =
          all.isRegression()
              ? "regression of " + String.join(", ", csv.targets())
              : "classification of " + csv.targets().get(0) + " into " + all.classes() + " classes";
      return new Source(
          all, Optional.empty(), csv.name() + ": " + all.size() + " rows of " + all.sampleSize() + " features, " + what + ", from " + file, file);
    }
    if (ref instanceof DatasetRef.ImageFolder images) {
      Path folder = projectDir.resolve(images.path()).normalize();
      Dataset all = ImageFolderReader.read(images.name(), folder, images.width(), images.height(), images.channels());
      String description =
          images.name()
              + ": "
              + all.size()
              + " images of "
              + all.classes()
              + " classes ("
              + String.join(", ", all.classNames())
              + "), "
              + (images.width() > 0 ? "resized to " : "")
              + all.sampleShape()
              + ", from "
              + folder;
      return new Source(all, Optional.empty(), description, folder);
    }
    if (ref instanceof DatasetRef.Synthetic synthetic) {
      return new Source(
          SyntheticGenerator.generate(synthetic), Optional.empty(), synthetic.describe() + ", seed " + synthetic.seed(), null);
    }
    DatasetRef.Djl djl = (DatasetRef.Djl) ref;
    DjlDatasets.Loaded loaded = DjlDatasets.load(djl.dataset(), projectDir);
    String description =
        djl.dataset().displayName()
            + " from DJL: "
            + loaded.train().size()
            + " training and "
            + loaded.test().size()
            + " test images, cached in "
            + loaded.cache();
    return new Source(loaded.train(), Optional.of(loaded.test()), description, null);
  }

  private static Source readIdx(DatasetRef.Idx idx, Path projectDir) throws DatasetException {
    Path folder = idxFolder(idx, projectDir);
    Path trainImages = find(folder, TRAIN_IMAGES);
    Path trainLabels = find(folder, TRAIN_LABELS);
    if (trainImages == null || trainLabels == null) {
      Object missing = null;
      for (String stem : new String[] {TRAIN_IMAGES, TRAIN_LABELS}) {
        if (find(folder, stem) == null) {
          org.layerlab.model.LocalText file = RuntimeMessages.text("data.idx.gzOrRaw", stem);
          missing = missing == null ? file : RuntimeMessages.text("data.and", missing, file);
        }
      }
      throw new DatasetException(
          folder, RuntimeMessages.text("data.idx.notFound", Files.isDirectory(folder) ? "" : RuntimeMessages.text("data.noSuchFolderPrefix"), missing));
    }
    Dataset all = IdxReader.read(idx.name(), trainImages, trainLabels, idx.classNames());
    Optional<Dataset> test = Optional.empty();
    Path testImages = find(folder, TEST_IMAGES);
    Path testLabels = find(folder, TEST_LABELS);
    if ((testImages == null) != (testLabels == null)) {
      Path present = testImages != null ? testImages : testLabels;
      throw new DatasetException(
          present,
          RuntimeMessages.text("data.idx.noPartner", testImages == null ? TEST_IMAGES : TEST_LABELS));
    }
    if (testImages != null) {
      test = Optional.of(IdxReader.read(idx.name() + " test", testImages, testLabels, all.classNames()));
      if (!test.get().sampleShape().equals(all.sampleShape())) {
        throw new DatasetException(
            testImages,
            RuntimeMessages.text("data.idx.testShape", String.valueOf(test.get().sampleShape()), String.valueOf(all.sampleShape())));
      }
    }
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
    return new Source(all, test, source.toString(), trainImages);
  }

  /** Steps 2 to 4: the test split, the validation split, normalisation and the augmentation check. */
  private static LoadedData prepare(Source read, DatasetRef.Options options, TrainingSettings settings) throws DatasetException {
    Dataset all = read.all();
    Optional<Dataset> test = read.test();
    StringBuilder source = new StringBuilder(read.description());
    double testFraction = options.testFraction();
    if (testFraction > 0 && test.isPresent()) {
      source.append("; its own test set is used, so testFraction ").append(testFraction).append(" is not");
    } else if (testFraction > 0) {
      if (!(testFraction < 1)) {
        throw new DatasetException(read.file(), RuntimeMessages.text("data.testFraction", String.valueOf(testFraction)));
      }
      int[][] parts = StratifiedSplit.indices(all, testFraction, TEST_SPLIT_SEED);
      if (parts[0].length == 0 || parts[1].length == 0) {
        throw new DatasetException(
            read.file(),
            RuntimeMessages.text("data.tooFewForTest", String.valueOf(all.size()), String.valueOf(Math.round(testFraction * 100))));
      }
      test = Optional.of(all.subset(parts[1], all.name() + " test"));
      all = all.subset(parts[0], all.name());
      source.append("; ").append(parts[1].length).append(" samples held out as the test set");
    }
    StratifiedSplit split = split(all, settings, read.file());
    DatasetRef.Augmentation augmentation = options.augmentation();
    if (!augmentation.isNone() && all.sampleShape().rank() != 3) {
      throw new DatasetException(
          read.file(),
          RuntimeMessages.text("data.augmentationNotImages", all.name(), String.valueOf(all.sampleShape())));
    }
    Optional<FeatureScaling> scaling = Optional.empty();
    if (options.normalisation() != DatasetRef.Normalisation.NONE) {
      FeatureScaling fitted = FeatureScaling.fit(split.train(), options.normalisation());
      fitted.applyInPlace(split.train());
      fitted.applyInPlace(split.validation());
      test.ifPresent(fitted::applyInPlace);
      scaling = Optional.of(fitted);
      source.append("; features ").append(fitted.describe());
    }
    if (!augmentation.isNone()) {
      source.append("; training batches augmented: ").append(augmentation);
    }
    return new LoadedData(split.train(), split.validation(), test, source.toString(), scaling, augmentation);
  }

  /**
   * What the data {@code ref} names feeds a model, the sample shape and the number of outputs the model must end in (classes, or
   * targets for regression), without loading all the samples where the format allows: the generated sets' from their settings, an
   * IDX set's from the images file's header and the labels (a few kilobytes), CIFAR's and DJL's from the format, an image folder's
   * from its sub-folders and the first image's header. A CSV file is read whole, since its classes are the distinct values of a
   * column. Cheap enough to run on every change of dataset, but it reads files: keep it off a user interface thread.
   */
  public static DataSignature signature(DatasetRef ref, Path projectDir) throws DatasetException {
    if (ref instanceof DatasetRef.Spiral spiral) {
      return new DataSignature(Shape.of(2), spiral.classes());
    }
    if (ref instanceof DatasetRef.Cifar cifar) {
      CifarReader.locate(projectDir.resolve(cifar.path()).normalize(), cifar.variant());
      return new DataSignature(CifarReader.SAMPLE_SHAPE, cifar.variant().classes());
    }
    if (ref instanceof DatasetRef.Csv csv) {
      return CsvReader.read(projectDir.resolve(csv.path()).normalize(), csv).signature();
    }
    if (ref instanceof DatasetRef.ImageFolder images) {
      Path folder = projectDir.resolve(images.path()).normalize();
      return new DataSignature(
          ImageFolderReader.sampleShape(folder, images.width(), images.height(), images.channels()),
          ImageFolderReader.classFolders(folder).size());
    }
    if (ref instanceof DatasetRef.Synthetic synthetic) {
      boolean regression = synthetic.kind().task() == DatasetRef.Task.REGRESSION;
      return new DataSignature(SyntheticGenerator.sampleShape(synthetic), regression ? 1 : synthetic.classes());
    }
    if (ref instanceof DatasetRef.Djl djl) {
      return new DataSignature(DjlDatasets.sampleShape(djl.dataset()), DjlDatasets.classNames(djl.dataset()).size());
    }
    DatasetRef.Idx idx = (DatasetRef.Idx) ref;
    Path folder = idxFolder(idx, projectDir);
    Path images = find(folder, TRAIN_IMAGES);
    Path labels = find(folder, TRAIN_LABELS);
    if (images == null || labels == null) {
      throw new DatasetException(
          folder,
          RuntimeMessages.text(
              "data.idx.notFound",
              Files.isDirectory(folder) ? "" : RuntimeMessages.text("data.noSuchFolderPrefix"),
              (images == null ? TRAIN_IMAGES : TRAIN_LABELS) + "[.gz]"));
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
      throw new DatasetException(file, RuntimeMessages.text("data.validationFraction", String.valueOf(fraction)));
    }
    StratifiedSplit split = StratifiedSplit.of(all, fraction, settings.seed());
    if (split.train().size() == 0 || split.validation().size() == 0) {
      throw new DatasetException(
          file,
          RuntimeMessages.text("data.tooFewForValidation", String.valueOf(all.size()), String.valueOf(Math.round(fraction * 100))));
    }
    return split;
  }
}
