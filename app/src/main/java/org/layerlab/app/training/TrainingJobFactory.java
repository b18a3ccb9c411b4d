package org.layerlab.app.training;

import java.nio.file.Path;
import org.layerlab.model.project.Project;
import org.layerlab.runtime.events.TrainingListener;

/**
 * Prepares training runs. Called on a background thread: preparing may write to the run store.
 */
@FunctionalInterface
public interface TrainingJobFactory {

  /**
   * A job that trains {@code project} and reports to {@code listener} (on the training thread).
   *
   * @param projectDir the folder the project's relative dataset paths start from
   */
  TrainingJob create(Project project, Path projectDir, TrainingListener listener);
}
