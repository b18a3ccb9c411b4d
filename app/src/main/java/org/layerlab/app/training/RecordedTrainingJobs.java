package org.layerlab.app.training;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.layerlab.model.project.Project;
import org.layerlab.runtime.cli.RunNames;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.store.RunRecorder;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;

/**
 * The application's training jobs: each is a {@link TrainingRun} whose events also go to a {@link RunRecorder}, so every run from
 * the window lands in the workspace's run store under a name like "Spiral 2026-11-29 14:03:12".
 */
public final class RecordedTrainingJobs implements TrainingJobFactory {

  private final Supplier<RunStore> store;

  /**
   * Creates the factory.
   *
   * @param store the run store, asked for on the background thread (opening it reads the disk)
   */
  public RecordedTrainingJobs(Supplier<RunStore> store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public TrainingJob create(Project project, Path projectDir, TrainingListener listener) {
    String name = RunNames.forProject(project.name());
    RunRecorder recorder = RunRecorder.begin(store.get(), project, name);
    TrainingRun run =
        new TrainingRun(
            new TrainingRequest(project, projectDir, name, recorder.runId()), TrainingListener.all(recorder, listener));
    return new TrainingJob() {
      @Override
      public RunEnded call() {
        return run.call();
      }

      @Override
      public void stop() {
        run.stop();
      }
    };
  }
}
