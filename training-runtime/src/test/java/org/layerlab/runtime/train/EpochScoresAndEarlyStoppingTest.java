package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings.EarlyStopping;
import org.layerlab.model.project.TrainingSettings.Metric;
import org.layerlab.runtime.events.EarlyStopped;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.EpochScores;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;

class EpochScoresAndEarlyStoppingTest {

  private static final Path SPIRAL_DIR = Path.of("..", "sample-projects", "spiral");
  private static Project spiral;

  @BeforeAll
  static void read() throws Exception {
    spiral = ProjectFiles.read(SPIRAL_DIR);
  }

  static final class Scores extends RecordingListener {
    final List<EpochScores> scores = new ArrayList<>();
    final List<EarlyStopped> early = new ArrayList<>();

    @Override
    public void onEpochScores(EpochScores s) {
      if (epochs.size() != s.epoch()) {
        violations.add("scores of epoch " + s.epoch() + " not right after its metrics");
      }
      scores.add(s);
    }

    @Override
    public void onEarlyStopped(EarlyStopped e) {
      early.add(e);
    }
  }

  @Test
  void everyEpochReportsScoresThatAgreeWithItsMetrics() {
    Scores events = new Scores();
    Project p = spiral.withTraining(spiral.training().withEpochs(5));
    RunEnded end = new TrainingRun(new TrainingRequest(p, SPIRAL_DIR, "scores", null), events).call();

    assertEquals(RunStatus.FINISHED, end.status());
    assertEquals(List.of(), events.violations);
    assertEquals(5, events.scores.size());
    for (int i = 0; i < 5; i++) {
      EpochMetrics m = events.epochs.get(i);
      EpochScores s = events.scores.get(i);
      assertEquals(m.validationAccuracy(), s.validation().accuracy());
      assertEquals(m.validationLoss(), s.validation().loss());
      assertEquals(m.trainLoss(), s.train().loss());
      assertEquals(180, s.validation().samples());
      assertEquals(720, s.train().samples());
      assertEquals(3, s.validation().k(), "three classes: top-3");
      assertEquals(1.0, s.validation().topKAccuracy());
      assertTrue(s.validation().macroF1() > 0 && s.validation().macroF1() <= 1);
      assertEquals(0.01, s.learningRate(), 1e-12);
    }
  }

  /** An improvement of more than 0.5 in accuracy after the first epoch is impossible: patience 2 ends the run after epoch 3. */
  @Test
  void earlyStoppingEndsTheRunAfterPatienceEpochsWithoutImprovement() {
    Scores events = new Scores();
    Project p = spiral.withTraining(spiral.training().withEarlyStopping(new EarlyStopping(Metric.VALIDATION_ACCURACY, 2, 0.5)));

    RunEnded end = new TrainingRun(new TrainingRequest(p, SPIRAL_DIR, "early", null), events).call();

    assertEquals(RunStatus.FINISHED, end.status());
    assertEquals(3, end.epochsCompleted());
    assertEquals(3, events.epochs.size());
    assertEquals(1, events.early.size());
    EarlyStopped e = events.early.get(0);
    assertEquals(3, e.epoch());
    assertEquals(1, e.bestEpoch());
    assertEquals("validation_accuracy", e.metric());
    assertEquals(events.epochs.get(0).validationAccuracy(), e.bestValue());
    assertTrue(end.message().startsWith("Stopped early after epoch 3 of 40"), end.message());
    assertTrue(end.message().contains("validation accuracy has not improved by more than 0.5 for 2 epochs"), end.message());
    assertEquals(List.of(), events.violations);
  }
}
