package org.layerlab.model.project;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.layerlab.model.ModelMessages;

/**
 * Which data a project trains on, and how it is prepared. The training runtime turns a reference into samples.
 *
 * <p>Every reference carries {@link Options}: a share held out as a test set (for data without a test set of its own), the
 * normalisation of the features, and the augmentation of training images. {@link Options#NONE} changes nothing, which is what
 * project files written before these options existed get.
 */
public sealed interface DatasetRef
    permits DatasetRef.Spiral,
        DatasetRef.Idx,
        DatasetRef.Cifar,
        DatasetRef.Csv,
        DatasetRef.ImageFolder,
        DatasetRef.Synthetic,
        DatasetRef.Djl {

  /** The word stored as {@code dataset.type} in project files. */
  String type();

  /** A one-line description for lists and logs. */
  String describe();

  /** The test split, normalisation and augmentation to apply. */
  Options options();

  /** The same data with other options. */
  DatasetRef withOptions(Options options);

  /** What the model learns to predict. */
  enum Task implements JsonNamed {
    /** One class index per sample; the model ends in one score per class. */
    CLASSIFICATION("classification"),
    /** One or more real numbers per sample; the model ends in one output per target. */
    REGRESSION("regression");

    private final String jsonName;

    Task(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    public static Optional<Task> fromJsonName(String name) {
      return JsonNamed.find(values(), name);
    }
  }

  /**
   * How features are rescaled before training. The statistics come from the training split only, so that nothing of the validation
   * or test samples leaks into training; the same rescaling is then applied to all three.
   */
  enum Normalisation implements JsonNamed {
    /** Features are used as read. */
    NONE("none"),
    /** {@code (x - min) / (max - min)}: every feature (or image channel) spans 0 to 1 on the training split. */
    MIN_MAX("min-max"),
    /** {@code (x - mean) / std}: every feature (or image channel) has mean 0 and standard deviation 1 on the training split. */
    STANDARD("standard");

    private final String jsonName;

    Normalisation(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }

    public static Optional<Normalisation> fromJsonName(String name) {
      return JsonNamed.find(values(), name);
    }

    public static String jsonNames() {
      return JsonNamed.list(values());
    }
  }

  /**
   * Random changes to training images, drawn anew for every batch, so that the model sees a slightly different image each epoch.
   * Validation and test images are never changed. Only image samples (channels, height, width) can be augmented.
   *
   * @param flip mirror each image left to right with probability one half
   * @param cropPadding pad each image by this many pixels on every side and cut a random window of the original size out of it
   *     (the "random crop with padding" of CIFAR training); 0 for none
   * @param rotationDegrees rotate each image by a random angle from {@code -rotationDegrees} to {@code +rotationDegrees}; 0 for none
   * @param shift move each image by a random share of its width and height, from {@code -shift} to {@code +shift}; 0 for none
   */
  record Augmentation(boolean flip, int cropPadding, double rotationDegrees, double shift) {

    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(false, 0, 0, 0);

    public boolean isNone() {
      return !flip && cropPadding == 0 && rotationDegrees == 0 && shift == 0;
    }

    /** What is out of range, keyed by the field's name in the project file; empty when all is well. English. */
    public java.util.Map<String, String> fieldProblems() {
      return fieldProblems(Locale.ENGLISH);
    }

    /** {@link #fieldProblems()} in {@code locale}'s language (English when there is no bundle for it), naming the same values. */
    public java.util.Map<String, String> fieldProblems(Locale locale) {
      ModelMessages m = ModelMessages.of(locale);
      java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
      if (cropPadding < 0 || cropPadding > 64) {
        p.put("cropPadding", m.get("settings.augmentation.cropPadding", String.valueOf(cropPadding)));
      }
      if (!(rotationDegrees >= 0 && rotationDegrees <= 45)) {
        p.put("rotationDegrees", m.get("settings.augmentation.rotationDegrees", String.valueOf(rotationDegrees)));
      }
      if (!(shift >= 0 && shift <= 0.5)) {
        p.put("shift", m.get("settings.augmentation.shift", String.valueOf(shift)));
      }
      return p;
    }

    @Override
    public String toString() {
      if (isNone()) {
        return "no augmentation";
      }
      StringBuilder sb = new StringBuilder();
      if (flip) {
        sb.append("random flip");
      }
      if (cropPadding > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append("random crop with padding ").append(cropPadding);
      }
      if (rotationDegrees > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append("rotation up to ").append(rotationDegrees).append(" degrees");
      }
      if (shift > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append("shift up to ").append(shift);
      }
      return sb.toString();
    }
  }

  /**
   * How the samples are split, rescaled and augmented.
   *
   * @param testFraction the share of the samples held out as a test set, seeded and stratified by class, for data without a test set
   *     of its own; 0 for none. Data with its own test set (IDX {@code t10k} files, CIFAR's test batch) ignores it.
   * @param normalisation how features are rescaled, with statistics of the training split
   * @param augmentation random changes to training images
   */
  record Options(double testFraction, Normalisation normalisation, Augmentation augmentation) {

    /** No test split, no normalisation, no augmentation: the behaviour of project files that have none of these fields. */
    public static final Options NONE = new Options(0, Normalisation.NONE, Augmentation.NONE);

    public Options {
      normalisation = normalisation == null ? Normalisation.NONE : normalisation;
      augmentation = augmentation == null ? Augmentation.NONE : augmentation;
    }

    public Options withTestFraction(double v) {
      return new Options(v, normalisation, augmentation);
    }

    public Options withNormalisation(Normalisation v) {
      return new Options(testFraction, v, augmentation);
    }

    public Options withAugmentation(Augmentation v) {
      return new Options(testFraction, normalisation, v);
    }
  }

  /**
   * A seeded synthetic 2-D spiral: {@code classes} arms of {@code pointsPerClass} points each, as in Stanford's CS231n notes. Point
   * {@code i} of arm {@code j} lies at radius {@code r = i / (n - 1)} and angle {@code 4 (j + r) + noise * gaussian} (radians), so the
   * noise blurs the arms without moving points near the centre far.
   *
   * @param noise standard deviation of the Gaussian noise added to each point's angle, in radians
   */
  record Spiral(int classes, int pointsPerClass, double noise, long seed, Options options) implements DatasetRef {

    public Spiral {
      options = options == null ? Options.NONE : options;
    }

    public Spiral(int classes, int pointsPerClass, double noise, long seed) {
      this(classes, pointsPerClass, noise, seed, Options.NONE);
    }

    @Override
    public String type() {
      return "spiral";
    }

    @Override
    public String describe() {
      return "Spiral, " + classes + " classes x " + pointsPerClass + " points, noise " + noise;
    }

    @Override
    public Spiral withOptions(Options o) {
      return new Spiral(classes, pointsPerClass, noise, seed, o);
    }
  }

  /**
   * Images and labels in IDX files (the MNIST / Fashion-MNIST / KMNIST format, gzip or raw) in one folder, named as the MNIST
   * distribution names them ({@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]}, and {@code t10k-...} for the
   * test set).
   *
   * @param name a human name such as "Fashion-MNIST"
   * @param path the folder, relative to the project folder or absolute
   * @param fullDatasetPath a folder with the complete dataset (such as {@code /usr/share/datasets/fashion-mnist}), or {@code null}
   * @param useFullWhenAvailable train on {@code fullDatasetPath} when that folder has the files, instead of {@code path}
   * @param classNames the label of each class index, or empty
   */
  record Idx(String name, String path, String fullDatasetPath, boolean useFullWhenAvailable, List<String> classNames, Options options)
      implements DatasetRef {
    public Idx {
      classNames = classNames == null ? List.of() : List.copyOf(classNames);
      options = options == null ? Options.NONE : options;
    }

    public Idx(String name, String path, String fullDatasetPath, boolean useFullWhenAvailable, List<String> classNames) {
      this(name, path, fullDatasetPath, useFullWhenAvailable, classNames, Options.NONE);
    }

    @Override
    public String type() {
      return "idx";
    }

    @Override
    public String describe() {
      return name + " (IDX files in " + path + ")";
    }

    public Idx withUseFullWhenAvailable(boolean use) {
      return new Idx(name, path, fullDatasetPath, use, classNames, options);
    }

    @Override
    public Idx withOptions(Options o) {
      return new Idx(name, path, fullDatasetPath, useFullWhenAvailable, classNames, o);
    }
  }

  /** Which CIFAR dataset, and for CIFAR-100 which of its two labels. */
  enum CifarVariant {
    /** 10 classes; {@code data_batch_1.bin} to {@code data_batch_5.bin} and {@code test_batch.bin}. */
    CIFAR_10("cifar-10", 10),
    /** CIFAR-100 with its 100 fine labels; {@code train.bin} and {@code test.bin}. */
    CIFAR_100("cifar-100", 100),
    /** CIFAR-100 with its 20 coarse labels (superclasses); the same files. */
    CIFAR_100_COARSE("cifar-100", 20);

    private final String jsonName;
    private final int classes;

    CifarVariant(String jsonName, int classes) {
      this.jsonName = jsonName;
      this.classes = classes;
    }

    /** The {@code variant} word in project files: {@code cifar-10} or {@code cifar-100}. */
    public String jsonName() {
      return jsonName;
    }

    public int classes() {
      return classes;
    }
  }

  /**
   * CIFAR-10 or CIFAR-100 in the "binary version" its authors distribute: records of label bytes and 3072 pixel bytes (the red, then
   * green, then blue 32x32 plane).
   *
   * @param name a human name such as "CIFAR-10"
   * @param path the folder that holds the {@code .bin} files (such as {@code data/cifar-10-batches-bin}), relative to the project
   *     folder or absolute
   * @see <a href="https://www.cs.toronto.edu/~kriz/cifar.html">The CIFAR-10 and CIFAR-100 datasets</a>
   */
  record Cifar(String name, String path, CifarVariant variant, Options options) implements DatasetRef {
    public Cifar {
      Objects.requireNonNull(variant, "variant");
      options = options == null ? Options.NONE : options;
    }

    @Override
    public String type() {
      return "cifar";
    }

    @Override
    public String describe() {
      return name + " (CIFAR binary files in " + path + (variant == CifarVariant.CIFAR_100_COARSE ? ", coarse labels)" : ")");
    }

    @Override
    public Cifar withOptions(Options o) {
      return new Cifar(name, path, variant, o);
    }
  }

  /**
   * A table in a CSV file whose first line names the columns. Each row is a sample.
   *
   * @param path the file, relative to the project folder or absolute
   * @param targets the column the model predicts (one for classification, one or more for regression)
   * @param features the columns the model reads, in this order; empty for every column that is not a target
   * @param categorical the feature columns that hold categories rather than numbers; each becomes one 0/1 feature per category
   * @param task classification (the target holds class names) or regression (the targets hold numbers)
   * @param delimiter the character between cells, usually {@code ,} or {@code ;} or a tab
   */
  record Csv(
      String name,
      String path,
      List<String> targets,
      List<String> features,
      List<String> categorical,
      Task task,
      char delimiter,
      Options options)
      implements DatasetRef {
    public Csv {
      targets = targets == null ? List.of() : List.copyOf(targets);
      features = features == null ? List.of() : List.copyOf(features);
      categorical = categorical == null ? List.of() : List.copyOf(categorical);
      Objects.requireNonNull(task, "task");
      options = options == null ? Options.NONE : options;
    }

    @Override
    public String type() {
      return "csv";
    }

    @Override
    public String describe() {
      return name + " (" + task.jsonName() + " of " + String.join(", ", targets) + " in " + path + ")";
    }

    @Override
    public Csv withOptions(Options o) {
      return new Csv(name, path, targets, features, categorical, task, delimiter, o);
    }
  }

  /**
   * Images in a folder with one sub-folder per class, the sub-folder's name being the class name (classes in name order). PNG, JPEG,
   * GIF and BMP files are read.
   *
   * @param path the folder, relative to the project folder or absolute
   * @param width every image is resized to this width; 0 to keep the images' own size, which must then be the same for all
   * @param height every image is resized to this height; 0 together with {@code width}
   * @param channels 1 for grey, 3 for colour (red, green, blue)
   */
  record ImageFolder(String name, String path, int width, int height, int channels, Options options) implements DatasetRef {
    public ImageFolder {
      options = options == null ? Options.NONE : options;
    }

    @Override
    public String type() {
      return "imagefolder";
    }

    @Override
    public String describe() {
      return name
          + " (image folders in "
          + path
          + (width > 0 ? ", resized to " + width + "x" + height : "")
          + (channels == 1 ? ", grey" : ", colour")
          + ")";
    }

    @Override
    public ImageFolder withOptions(Options o) {
      return new ImageFolder(name, path, width, height, channels, o);
    }
  }

  /** The generated teaching sets besides the spiral. */
  enum SyntheticKind implements JsonNamed {
    /** Points on concentric rings in 2-D, one ring per class (two by default). */
    CIRCLES("circles", Task.CLASSIFICATION, 2, 10, 2),
    /** Points in the square [-1, 1]^2, labelled by whether x and y have the same sign: two classes no line can separate. */
    XOR("xor", Task.CLASSIFICATION, 2, 2, 2),
    /** Gaussian clusters in 2-D, one per class, their centres evenly spaced on the unit circle. */
    GAUSSIANS("gaussians", Task.CLASSIFICATION, 2, 50, 3),
    /** Two interleaving half circles in 2-D. */
    MOONS("moons", Task.CLASSIFICATION, 2, 2, 2),
    /** One input x, one target: a noisy sine {@code y = sin(x)}. */
    SINE("sine", Task.REGRESSION, 0, 0, 0),
    /** One input x, one target: a noisy cubic {@code y = x^3 - x}. */
    POLYNOMIAL("polynomial", Task.REGRESSION, 0, 0, 0),
    /** Sequences of {@code length} steps of one value each, labelled by the shape of the wave they hold: for recurrent models. */
    SEQUENCE("sequence", Task.CLASSIFICATION, 2, 4, 2);

    private final String jsonName;
    private final Task task;
    private final int minClasses;
    private final int maxClasses;
    private final int defaultClasses;

    SyntheticKind(String jsonName, Task task, int minClasses, int maxClasses, int defaultClasses) {
      this.jsonName = jsonName;
      this.task = task;
      this.minClasses = minClasses;
      this.maxClasses = maxClasses;
      this.defaultClasses = defaultClasses;
    }

    public String jsonName() {
      return jsonName;
    }

    public Task task() {
      return task;
    }

    public int minClasses() {
      return minClasses;
    }

    public int maxClasses() {
      return maxClasses;
    }

    /** The class count used when a project file gives none; 0 for regression. */
    public int defaultClasses() {
      return defaultClasses;
    }

    public static Optional<SyntheticKind> fromJsonName(String name) {
      return JsonNamed.find(values(), name);
    }

    public static String jsonNames() {
      return JsonNamed.list(values());
    }
  }

  /**
   * A seeded generated dataset (see {@link SyntheticKind}).
   *
   * @param samples how many samples in all, spread evenly over the classes
   * @param classes how many classes; 0 for the regression kinds
   * @param noise the standard deviation of the Gaussian noise (in the units of the points, or of the target for regression)
   * @param length the number of steps of each sequence; 0 for the other kinds
   */
  record Synthetic(SyntheticKind kind, int samples, int classes, double noise, int length, long seed, Options options)
      implements DatasetRef {
    public Synthetic {
      Objects.requireNonNull(kind, "kind");
      options = options == null ? Options.NONE : options;
    }

    @Override
    public String type() {
      return "synthetic";
    }

    @Override
    public String describe() {
      return "Synthetic "
          + kind.jsonName()
          + ", "
          + samples
          + " samples"
          + (kind.task() == Task.CLASSIFICATION ? ", " + classes + " classes" : "")
          + (kind == SyntheticKind.SEQUENCE ? ", " + length + " steps" : "")
          + ", noise "
          + noise;
    }

    @Override
    public Synthetic withOptions(Options o) {
      return new Synthetic(kind, samples, classes, noise, length, seed, o);
    }
  }

  /** The datasets that DJL downloads from its repository on first use. */
  enum DjlDataset implements JsonNamed {
    MNIST("mnist", "MNIST"),
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST"),
    CIFAR_10("cifar-10", "CIFAR-10");

    private final String jsonName;
    private final String displayName;

    DjlDataset(String jsonName, String displayName) {
      this.jsonName = jsonName;
      this.displayName = displayName;
    }

    public String jsonName() {
      return jsonName;
    }

    public String displayName() {
      return displayName;
    }

    public static Optional<DjlDataset> fromJsonName(String name) {
      return JsonNamed.find(values(), name);
    }

    public static String jsonNames() {
      return JsonNamed.list(values());
    }
  }

  /**
   * One of DJL's downloadable datasets, for users who are online: DJL downloads it into its cache ({@code ~/.djl.ai}) on first use.
   * Offline, loading it fails with a message that says what to download and where to put it.
   */
  record Djl(DjlDataset dataset, Options options) implements DatasetRef {
    public Djl {
      Objects.requireNonNull(dataset, "dataset");
      options = options == null ? Options.NONE : options;
    }

    @Override
    public String type() {
      return "djl";
    }

    @Override
    public String describe() {
      return dataset.displayName() + " (downloaded by DJL)";
    }

    @Override
    public Djl withOptions(Options o) {
      return new Djl(dataset, o);
    }
  }
}
