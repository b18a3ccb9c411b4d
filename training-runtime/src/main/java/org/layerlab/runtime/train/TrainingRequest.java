package org.layerlab.runtime.train;

import java.nio.file.Path;
import java.util.Objects;
import org.layerlab.model.project.Project;
import org.layerlab.runtime.data.LoadedData;

/**
 * What to train.
 *
 * @param projectDir the folder the project's relative dataset paths start from
 * @param runName the name the run is recorded under
 * @param runId the run store's id for this run, echoed in the events; {@code null} when nothing records the run
 * @param checkpointDir where the run keeps its checkpoints ({@link org.layerlab.runtime.checkpoint.CheckpointFolder}); {@code null}
 *     for none
 * @param resume continue from the last checkpoint in {@code checkpointDir} instead of starting afresh
 * @param data the samples to train on, instead of loading the project's dataset; {@code null} to load it
 * @param workspaceHome the workspace whose run folders a transfer's run id names; {@code null} when transfers name folders
 */
public record TrainingRequest(
    Project project, Path projectDir, String runName, String runId, Path checkpointDir, boolean resume, LoadedData data, Path workspaceHome) {

  public TrainingRequest {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(projectDir, "projectDir");
    Objects.requireNonNull(runName, "runName");
    if (resume && checkpointDir == null) {
      throw new IllegalArgumentException("a run resumes from its checkpoint folder: give one");
    }
  }

  /** A run that loads the project's data, keeps no checkpoints and starts afresh. */
  public TrainingRequest(Project project, Path projectDir, String runName, String runId) {
    this(project, projectDir, runName, runId, null, false, null, null);
  }

  /** The same request keeping checkpoints in {@code dir}. */
  public TrainingRequest withCheckpoints(Path dir) {
    return new TrainingRequest(project, projectDir, runName, runId, dir, resume, data, workspaceHome);
  }

  /** The same request continuing from the last checkpoint of its checkpoint folder. */
  public TrainingRequest resuming() {
    return new TrainingRequest(project, projectDir, runName, runId, checkpointDir, true, data, workspaceHome);
  }

  /** The same request training on {@code data} instead of the project's dataset. */
  public TrainingRequest withData(LoadedData d) {
    return new TrainingRequest(project, projectDir, runName, runId, checkpointDir, resume, d, workspaceHome);
  }

  /** The same request resolving a transfer's run id in the workspace at {@code home}. */
  public TrainingRequest withWorkspaceHome(Path home) {
    return new TrainingRequest(project, projectDir, runName, runId, checkpointDir, resume, data, home);
  }

  public TrainingRequest withProject(Project p) {
    return new TrainingRequest(p, projectDir, runName, runId, checkpointDir, resume, data, workspaceHome);
  }
}
