package org.layerlab.model.project;

/** Which data a project trains on. The training runtime turns a reference into samples. */
public sealed interface DatasetRef permits DatasetRef.Spiral, DatasetRef.Idx {

  /** The word stored as {@code dataset.type} in project files. */
  String type();

  /** A one-line description for lists and logs. */
  String describe();

  /**
   * A seeded synthetic 2-D spiral: {@code classes} arms of {@code pointsPerClass} points each, as in Stanford's CS231n notes. Point
   * {@code i} of arm {@code j} lies at radius {@code r = i / (n - 1)} and angle {@code 4 (j + r) + noise * gaussian} (radians), so the
   * noise blurs the arms without moving points near the centre far.
   *
   * @param noise standard deviation of the Gaussian noise added to each point's angle, in radians
   */
  record Spiral(int classes, int pointsPerClass, double noise, long seed) implements DatasetRef {
    @Override
    public String type() {
      return "spiral";
    }

    @Override
    public String describe() {
      return "Spiral, " + classes + " classes x " + pointsPerClass + " points, noise " + noise;
    }
  }

  /**
   * Images and labels in IDX files (the MNIST / Fashion-MNIST format, gzip or raw) in one folder, named as the MNIST distribution
   * names them ({@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]}, and {@code t10k-...} for the test set).
   *
   * @param name a human name such as "Fashion-MNIST"
   * @param path the folder, relative to the project folder or absolute
   * @param fullDatasetPath a folder with the complete dataset (such as {@code /usr/share/datasets/fashion-mnist}), or {@code null}
   * @param useFullWhenAvailable train on {@code fullDatasetPath} when that folder has the files, instead of {@code path}
   * @param classNames the label of each class index, or empty
   */
  record Idx(String name, String path, String fullDatasetPath, boolean useFullWhenAvailable, java.util.List<String> classNames)
      implements DatasetRef {
    public Idx {
      classNames = classNames == null ? java.util.List.of() : java.util.List.copyOf(classNames);
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
      return new Idx(name, path, fullDatasetPath, use, classNames);
    }
  }
}
