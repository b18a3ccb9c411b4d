package org.layerlab.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFileException;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.data.DatasetLoader;

/**
 * The datasets offered for training: the spiral and the Fashion-MNIST images of the two sample projects, each replaced by the opened
 * project's own dataset when it is of that kind. IDX folders are made absolute, so a sample's dataset works from any project.
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
    DatasetRef spiral =
        own instanceof DatasetRef.Spiral
            ? own
            : sampleDataset(samplesDir.resolve(SPIRAL_SAMPLE)).filter(DatasetRef.Spiral.class::isInstance).orElse(DEFAULT_SPIRAL);
    DatasetRef.Idx images =
        own instanceof DatasetRef.Idx idx
            ? absolute(idx, projectDir)
            : sampleDataset(samplesDir.resolve(FASHION_SAMPLE))
                .filter(DatasetRef.Idx.class::isInstance)
                .map(ref -> absolute((DatasetRef.Idx) ref, samplesDir.resolve(FASHION_SAMPLE)))
                .orElse(null);
    List<DatasetChoice> choices = new ArrayList<>();
    DatasetChoice spiralChoice = new DatasetChoice(spiralLabel((DatasetRef.Spiral) spiral), spiral);
    choices.add(spiralChoice);
    DatasetChoice initial = spiralChoice;
    if (images != null) {
      DatasetChoice imageChoice = new DatasetChoice(idxLabel(images), images);
      choices.add(imageChoice);
      if (own instanceof DatasetRef.Idx) {
        initial = imageChoice;
      }
    }
    return new DatasetCatalog(choices, initial);
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
    return new DatasetRef.Idx(idx.name(), abs.resolve(idx.path()).normalize().toString(), full, idx.useFullWhenAvailable(), idx.classNames());
  }

  /** What the dataset list shows for {@code ref}, in the current language. */
  public static String label(DatasetRef ref) {
    return ref instanceof DatasetRef.Idx idx ? idxLabel(idx) : ref instanceof DatasetRef.Spiral s ? spiralLabel(s) : ref.toString();
  }

  private static String spiralLabel(DatasetRef.Spiral s) {
    return Messages.get("dataset.spiral", s.classes(), s.pointsPerClass());
  }

  private static String idxLabel(DatasetRef.Idx idx) {
    boolean full =
        idx.useFullWhenAvailable() && idx.fullDatasetPath() != null && DatasetLoader.hasAllFiles(Path.of(idx.fullDatasetPath()));
    return Messages.get(full ? "dataset.idx.full" : "dataset.idx.subset", idx.name());
  }
}
