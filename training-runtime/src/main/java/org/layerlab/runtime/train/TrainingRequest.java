package org.layerlab.runtime.train;

import java.nio.file.Path;
import java.util.Objects;
import org.layerlab.model.project.Project;

/**
 * What to train.
 *
 * @param projectDir the folder the project's relative dataset paths start from
 * @param runName the name the run is recorded under
 * @param runId the run store's id for this run, echoed in the events; {@code null} when nothing records the run
 */
public record TrainingRequest(Project project, Path projectDir, String runName, String runId) {
  public TrainingRequest {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(projectDir, "projectDir");
    Objects.requireNonNull(runName, "runName");
  }
}
