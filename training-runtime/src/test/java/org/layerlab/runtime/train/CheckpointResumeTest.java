package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings.Metric;
import org.layerlab.model.project.TrainingSettings.Schedule;
import org.layerlab.runtime.checkpoint.CheckpointFolder;
import org.layerlab.runtime.checkpoint.CheckpointKind;
import org.layerlab.runtime.events.CheckpointSaved;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunRestored;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;

/**
 * A checkpoint after every epoch and of the best one, and a stopped run resumed from its last checkpoint trains on exactly as if it
 * had never stopped: Adam's moments, the update count, a reduce-on-plateau schedule's state and the batch order all come back.
 */
class CheckpointResumeTest {

  private static final Path SPIRAL_DIR = Path.of("..", "sample-projects", "spiral");
  private static Project project;

  @TempDir Path dir;

  @BeforeAll
  static void read() throws Exception {
    Project spiral = ProjectFiles.read(SPIRAL_DIR);
    project = spiral.withTraining(spiral.training().withEpochs(4).withSchedule(Schedule.plateau(Metric.TRAIN_LOSS, 0.5, 0, 0)));
  }

  /** Steps and epochs, with no check that steps start at 1: a resumed run does not. */
  static class Events implements TrainingListener {
    final List<StepMetrics> steps = new ArrayList<>();
    final List<EpochMetrics> epochs = new ArrayList<>();
    final List<CheckpointSaved> saved = new ArrayList<>();
    final List<RunRestored> restored = new ArrayList<>();

    @Override
    public void onStep(StepMetrics m) {
      steps.add(m);
    }

    @Override
    public void onEpoch(EpochMetrics m) {
      epochs.add(m);
    }

    @Override
    public void onCheckpointSaved(CheckpointSaved e) {
      saved.add(e);
    }

    @Override
    public void onRunRestored(RunRestored e) {
      restored.add(e);
    }
  }

  @Test
  void everyEpochWritesTheLastCheckpointAndTheBestWhenTheMetricImproves() throws Exception {
    Events events = new Events();
    Path cp = dir.resolve("whole");
    RunEnded end = new TrainingRun(new TrainingRequest(project, SPIRAL_DIR, "whole", "r1").withCheckpoints(cp), events).call();

    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    List<CheckpointSaved> last = events.saved.stream().filter(s -> s.kind().equals("last")).toList();
    assertEquals(List.of(1, 2, 3, 4), last.stream().map(CheckpointSaved::epoch).toList());
    int bestEpoch = 1;
    for (EpochMetrics e : events.epochs) {
      if (e.validationLoss() < events.epochs.get(bestEpoch - 1).validationLoss()) {
        bestEpoch = e.epoch();
      }
    }
    CheckpointFolder folder = CheckpointFolder.of(cp);
    assertEquals(4, folder.read(CheckpointKind.LAST).info().epoch());
    assertEquals(bestEpoch, folder.read(CheckpointKind.BEST).info().epoch());
    assertEquals("validation_loss", folder.read(CheckpointKind.BEST).info().metric());
    assertEquals(project, ProjectFiles.parse(folder.readProject().orElseThrow(), cp));
    assertTrue(folder.read(CheckpointKind.LAST).optimizerState().keySet().contains("dense1/weight#mean"),
        folder.read(CheckpointKind.LAST).optimizerState().keySet().toString());
  }

  @Test
  void aStoppedRunResumesFromItsLastCheckpointAndEndsAsIfItHadNeverStopped() throws Exception {
    Events whole = new Events();
    new TrainingRun(new TrainingRequest(project, SPIRAL_DIR, "whole", null).withCheckpoints(dir.resolve("a")), whole).call();

    Path cp = dir.resolve("b");
    TrainingRun[] first = new TrainingRun[1];
    Events before =
        new Events() {
          @Override
          public void onEpoch(EpochMetrics m) {
            super.onEpoch(m);
            if (m.epoch() == 2) {
              first[0].stop();
            }
          }
        };
    first[0] = new TrainingRun(new TrainingRequest(project, SPIRAL_DIR, "b", null).withCheckpoints(cp), before);
    RunEnded stopped = first[0].call();
    assertEquals(RunStatus.STOPPED, stopped.status());

    Events after = new Events();
    RunEnded resumed = new TrainingRun(new TrainingRequest(project, SPIRAL_DIR, "b", null).withCheckpoints(cp).resuming(), after).call();

    assertEquals(RunStatus.FINISHED, resumed.status(), resumed.message());
    assertEquals(1, after.restored.size());
    assertEquals(2, after.restored.get(0).epoch());
    int perEpoch = whole.steps.size() / 4;
    assertEquals(2L * perEpoch, after.restored.get(0).step());
    assertEquals(2L * perEpoch + 1, after.steps.get(0).step());
    assertEquals(3, after.steps.get(0).epoch());
    List<Double> expected = whole.steps.subList(2 * perEpoch, 4 * perEpoch).stream().map(StepMetrics::loss).toList();
    assertEquals(expected, after.steps.stream().map(StepMetrics::loss).toList(), "the same losses as the run that never stopped");
    assertEquals(whole.epochs.get(3).validationAccuracy(), resumed.finalValidationAccuracy());
    assertEquals(4, resumed.epochsCompleted());
  }

  @Test
  void aRunCannotResumeWithAnotherModelOrWithoutACheckpoint() throws Exception {
    Path cp = dir.resolve("c");
    Project oneEpoch = project.withTraining(project.training().withEpochs(1));
    new TrainingRun(new TrainingRequest(oneEpoch, SPIRAL_DIR, "c", null).withCheckpoints(cp), new Events()).call();

    Project wider = project.withModel(project.model().replace(1, new LayerSpec("dense1", LayerType.DENSE, Map.of("units", 32, "activation", "relu"))));
    RunEnded other = new TrainingRun(new TrainingRequest(wider, SPIRAL_DIR, "c", null).withCheckpoints(cp).resuming(), new Events()).call();
    assertEquals(RunStatus.FAILED, other.status());
    assertTrue(other.message().contains("was made by another model"), other.message());

    RunEnded none =
        new TrainingRun(new TrainingRequest(project, SPIRAL_DIR, "d", null).withCheckpoints(dir.resolve("empty")).resuming(), new Events()).call();
    assertEquals(RunStatus.FAILED, none.status());
    assertTrue(none.message().startsWith("There is no checkpoint to resume from"), none.message());

    RunEnded done = new TrainingRun(new TrainingRequest(oneEpoch, SPIRAL_DIR, "c", null).withCheckpoints(cp).resuming(), new Events()).call();
    assertEquals(RunStatus.FINISHED, done.status());
    assertTrue(done.message().contains("nothing was left to train"), done.message());
  }
}
