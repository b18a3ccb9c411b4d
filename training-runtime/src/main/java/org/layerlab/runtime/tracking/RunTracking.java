package org.layerlab.runtime.tracking;

import java.nio.file.Path;
import org.layerlab.model.project.Project;
import org.layerlab.runtime.store.RunOptions;
import org.layerlab.runtime.store.RunRecorder;
import org.layerlab.runtime.store.RunStore;

/** Starts the record of a run with everything tracking keeps: the project, its group, tags and notes, and its provenance. */
public final class RunTracking {

  private RunTracking() {}

  /**
   * Records a new RUNNING run of {@code project} and returns the recorder to pass to its {@code TrainingRun}. The provenance is
   * gathered when the run starts, on the training thread.
   *
   * @param projectDir the folder the project's relative dataset paths start from
   */
  public static RunRecorder begin(RunStore store, Project project, Path projectDir, String runName, RunOptions options) {
    return RunRecorder.begin(store, project, runName, options, Provenance.supplier(project, projectDir));
  }
}
