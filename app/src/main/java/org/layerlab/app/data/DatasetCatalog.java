package org.layerlab.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.SyntheticKind;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFileException;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.data.DatasetLoader;

/**
 * The datasets offered for training: the spiral and the Fashion-MNIST images of the two sample projects (the shipped subset, and the
 * full dataset when it is installed), the generated teaching sets with their default settings, and DJL's downloadable sets. The
 * opened project's own dataset takes the place of the offer of its kind, or joins the list, and is selected first. IDX folders of the
 * samples are made absolute, so a sample's dataset works from any project.
 *
 * <p>Building the catalog reads the sample project files and checks whether the full Fashion-MNIST is installed: do it off the
 * JavaFX thread, at start-up.
 */
public final class DatasetCatalog {

  /** The spiral sample's folder inside the samples folder. */
  public static final String SPIRAL_SAMPLE = "spiral";

  /** The Fashion-MNIST sample's folder inside the samples folder. */
  public static final String FASHION_SAMPLE = "fashion-mnist-mlp";

  /** The spiral of the sample project, used when its file cannot be read. */
  static final DatasetRef.Spiral DEFAULT_SPIRAL = new DatasetRef.Spiral(3, 300, 0.2, 7);

  /** The seed of the generated sets on offer. */
  static final long SYNTHETIC_SEED = 7;

  private final List<DatasetChoice> choices;
  private final DatasetChoice initial;

  private DatasetCatalog(List<DatasetChoice> choices, DatasetChoice initial) {
    this.choices = List.copyOf(choices);
    this.initial = initial;
  }

  /** A catalog of exactly these choices; the first is selected at start. For tests and callers with their own datasets. */
  public static DatasetCatalog of(List<DatasetChoice> choices) {
    return new DatasetCatalog(choices, choices.get(0));
  }

  /**
   * The catalog for {@code project}, whose dataset is selected at start.
   *
   * @param projectDir the project's folder, which its relative dataset paths start from
   * @param samplesDir the folder of the sample projects
   */
  public static DatasetCatalog load(Project project, Path projectDir, Path samplesDir) {
    DatasetRef own = project.dataset();
    List<DatasetRef> refs = new ArrayList<>();
    refs.add(
        own instanceof DatasetRef.Spiral
            ? own
            : sampleDataset(samplesDir.resolve(SPIRAL_SAMPLE)).filter(DatasetRef.Spiral.class::isInstance).orElse(DEFAULT_SPIRAL));
    DatasetRef.Idx images =
        own instanceof DatasetRef.Idx idx && idx.fullDatasetPath() != null
            ? absolute(idx, projectDir)
            : sampleDataset(samplesDir.resolve(FASHION_SAMPLE))
                .filter(DatasetRef.Idx.class::isInstance)
                .map(ref -> absolute((DatasetRef.Idx) ref, samplesDir.resolve(FASHION_SAMPLE)))
                .orElse(null);
    if (images != null) {
      refs.add(images);
      if (images.fullDatasetPath() != null && DatasetLoader.hasAllFiles(Path.of(images.fullDatasetPath()))) {
        // the other of subset and full dataset, so that both are a click away
        refs.add(images.withUseFullWhenAvailable(!images.useFullWhenAvailable()));
      }
    }
    for (SyntheticKind kind : SyntheticKind.values()) {
      refs.add(defaultSynthetic(kind));
    }
    for (DatasetRef.DjlDataset d : DatasetRef.DjlDataset.values()) {
      refs.add(new DatasetRef.Djl(d, DatasetRef.Options.NONE));
    }
    int initial = 0;
    if (own instanceof DatasetRef.Idx idx && idx.fullDatasetPath() != null) {
      initial = 1;
    } else if (!(own instanceof DatasetRef.Spiral)) {
      int same = indexOfSameKind(refs, own);
      if (same >= 0) {
        refs.set(same, own);
        initial = same;
      } else {
        refs.add(own);
        initial = refs.size() - 1;
      }
    }
    List<DatasetChoice> choices = new ArrayList<>();
    for (DatasetRef ref : refs) {
      choices.add(new DatasetChoice(label(ref), ref));
    }
    return new DatasetCatalog(choices, choices.get(initial));
  }

  /** The generated set of {@code kind} as offered: 400 samples (200 for the curves), the kind's default classes, seed 7. */
  public static DatasetRef.Synthetic defaultSynthetic(SyntheticKind kind) {
    double noise =
        switch (kind) {
          case CIRCLES -> 0.08;
          case XOR, SINE, POLYNOMIAL, SEQUENCE -> 0.1;
          case GAUSSIANS -> 0.3;
          case MOONS -> 0.15;
        };
    int samples = kind.task() == DatasetRef.Task.REGRESSION ? 200 : 400;
    int length = kind == SyntheticKind.SEQUENCE ? 40 : 0;
    return new DatasetRef.Synthetic(kind, samples, kind.defaultClasses(), noise, length, SYNTHETIC_SEED, DatasetRef.Options.NONE);
  }

  private static int indexOfSameKind(List<DatasetRef> refs, DatasetRef own) {
    for (int i = 0; i < refs.size(); i++) {
      DatasetRef r = refs.get(i);
      if (r instanceof DatasetRef.Synthetic s && own instanceof DatasetRef.Synthetic o && s.kind() == o.kind()) {
        return i;
      }
      if (r instanceof DatasetRef.Djl d && own instanceof DatasetRef.Djl o && d.dataset() == o.dataset()) {
        return i;
      }
    }
    return -1;
  }

  public List<DatasetChoice> choices() {
    return choices;
  }

  /** The choice selected when the window opens: the project's own dataset. */
  public DatasetChoice initial() {
    return initial;
  }

  private static Optional<DatasetRef> sampleDataset(Path sampleDir) {
    try {
      return Optional.of(ProjectFiles.read(sampleDir).dataset());
    } catch (ProjectFileException e) {
      return Optional.empty();
    }
  }

  private static DatasetRef.Idx absolute(DatasetRef.Idx idx, Path base) {
    Path abs = base.toAbsolutePath();
    String full = idx.fullDatasetPath() == null ? null : abs.resolve(idx.fullDatasetPath()).normalize().toString();
    return new DatasetRef.Idx(
        idx.name(), abs.resolve(idx.path()).normalize().toString(), full, idx.useFullWhenAvailable(), idx.classNames(), idx.options());
  }

  /** What the dataset list shows for {@code ref}, in the current language. */
  public static String label(DatasetRef ref) {
    if (ref instanceof DatasetRef.Spiral s) {
      return Messages.get("dataset.spiral", s.classes(), s.pointsPerClass());
    }
    if (ref instanceof DatasetRef.Idx idx) {
      return idxLabel(idx);
    }
    if (ref instanceof DatasetRef.Synthetic s) {
      return Messages.get("data.label.synthetic", kindName(s.kind()));
    }
    if (ref instanceof DatasetRef.Djl d) {
      return Messages.get("data.label.djl", d.dataset().displayName());
    }
    if (ref instanceof DatasetRef.Csv csv) {
      return Messages.get("data.label.csv", csv.name());
    }
    if (ref instanceof DatasetRef.Cifar cifar) {
      return Messages.get("data.label.cifar", cifar.name());
    }
    DatasetRef.ImageFolder folder = (DatasetRef.ImageFolder) ref;
    return Messages.get("data.label.imagefolder", folder.name());
  }

  /** The name of a generated set, such as "Moons", in the current language. */
  public static String kindName(SyntheticKind kind) {
    return Messages.get("data.kind." + kind.name());
  }

  private static String idxLabel(DatasetRef.Idx idx) {
    if (idx.fullDatasetPath() == null) {
      return Messages.get("data.label.idx", idx.name());
    }
    boolean full = idx.useFullWhenAvailable() && DatasetLoader.hasAllFiles(Path.of(idx.fullDatasetPath()));
    return Messages.get(full ? "dataset.idx.full" : "dataset.idx.subset", idx.name());
  }
}
