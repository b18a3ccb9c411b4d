package org.layerlab.runtime.train;

import java.nio.file.Path;
import java.util.Objects;
import org.layerlab.model.project.Project;

/**
 * What to train.
 *
 * @param projectDir the folder the project's relative dataset paths start from
 * @param runName the name the run is recorded under
 */
public record TrainingRequest(Project project, Path projectDir, String runName) {
  public TrainingRequest {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(projectDir, "projectDir");
    Objects.requireNonNull(runName, "runName");
  }
}
