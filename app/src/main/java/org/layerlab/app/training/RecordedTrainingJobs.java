package org.layerlab.app.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.layerlab.model.project.Project;
import org.layerlab.runtime.cli.RunNames;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.store.RunRecorder;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.train.BackgroundTraining;
import org.layerlab.runtime.train.SampleSet;
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
        try {
          // on a thread of its own at a lower CPU priority, so the window draws the run first (see BackgroundTraining)
          return BackgroundTraining.call(run::call);
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Exception e) { // run.call() throws nothing checked; only an interrupted wait gets here
          Thread.currentThread().interrupt();
          run.stop();
          throw new IllegalStateException("the wait for the training thread was interrupted", e);
        }
      }

      @Override
      public void stop() {
        run.stop();
      }

      @Override
      public void pause() {
        run.pause();
      }

      @Override
      public void resume() {
        run.resume();
      }

      @Override
      public void step() {
        run.step();
      }

      @Override
      public void changeLearningRate(double rate) {
        run.changeLearningRate(rate);
      }

      @Override
      public Optional<MonitorSamples> validationSamples() {
        return run.validationSamples().map(RecordedTrainingJobs::samples);
      }

      @Override
      public Optional<MonitorSamples> trainingSamples() {
        return run.trainingSamples().map(RecordedTrainingJobs::samples);
      }
    };
  }

  private static MonitorSamples samples(SampleSet set) {
    return new MonitorSamples() {
      @Override
      public int size() {
        return set.size();
      }

      @Override
      public int[] shape() {
        return set.shape();
      }

      @Override
      public List<String> classNames() {
        return set.classNames();
      }

      @Override
      public int label(int index) {
        return set.label(index);
      }

      @Override
      public float[] features(int index) {
        return set.features(index);
      }
    };
  }
}
