package org.layerlab.app;

import java.nio.file.Path;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFileException;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;

/**
 * The project the window works on, with its folder.
 *
 * @param directory the folder its relative dataset paths start from
 * @param warning why the asked-for project could not be opened (the window then shows the built-in spiral), or an empty string
 */
public record OpenedProject(Project project, Path directory, String warning) {

  /** Reads the project at {@code path}; when that fails, the built-in spiral with a warning that says why. */
  public static OpenedProject open(Path path) {
    try {
      Project project = ProjectFiles.read(path);
      Path file = ProjectFiles.resolve(path).toAbsolutePath();
      return new OpenedProject(project, file.getParent(), "");
    } catch (ProjectFileException e) {
      return new OpenedProject(builtInSpiral(), Path.of("").toAbsolutePath(), Messages.get("app.projectFallback", path, Messages.describe(e)));
    }
  }

  /**
   * A new, unsaved project: an input and an output layer on the spiral data, to build on. Its relative paths start from the
   * current folder until it is saved.
   */
  public static OpenedProject blank() {
    ModelSpec model =
        ModelSpec.of(LayerSpec.of("input", LayerType.INPUT), LayerSpec.of("output", LayerType.DENSE).with("units", 3));
    Project project =
        new Project(
            Messages.get("project.untitled"),
            "",
            model,
            new DatasetRef.Spiral(3, 300, 0.2, 7),
            TrainingSettings.defaults().withLearningRate(0.01).withEpochs(20));
    return new OpenedProject(project, Path.of("").toAbsolutePath(), "");
  }

  /** The spiral sample as code, for when the samples folder cannot be found. */
  static Project builtInSpiral() {
    ModelSpec model =
        ModelSpec.of(
            LayerSpec.of("input", LayerType.INPUT),
            LayerSpec.of("dense1", LayerType.DENSE).with("units", 64).with("activation", "relu"),
            LayerSpec.of("dense2", LayerType.DENSE).with("units", 64).with("activation", "relu"),
            LayerSpec.of("output", LayerType.DENSE).with("units", 3));
    // the sample's own English words, so that the window says them in its language as it does for the sample (MainViewModel)
    java.util.ResourceBundle english = Messages.bundle(java.util.Locale.ENGLISH);
    return new Project(
        english.getString("sample.spiral.name"),
        english.getString("sample.spiral.description"),
        model,
        new DatasetRef.Spiral(3, 300, 0.2, 7),
        TrainingSettings.defaults().withLearningRate(0.01).withEpochs(40));
  }
}
