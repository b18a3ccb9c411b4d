package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.checkpoint.CheckpointFolder;
import org.layerlab.runtime.checkpoint.CheckpointKind;
import org.layerlab.runtime.checkpoint.Tensor;
import org.layerlab.runtime.events.ParameterHistogram;
import org.layerlab.runtime.events.ParameterHistograms;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.events.WeightsTransferred;

/** A run that starts from an earlier spiral run's weights: loaded body, fresh head, a frozen layer. */
class TransferTest {

  private static final Path SPIRAL_DIR = Path.of("..", "sample-projects", "spiral");
  private static final String SOURCE_RUN = "run-source";

  @TempDir static Path workspace;
  private static Project spiral;
  private static Path source;

  @BeforeAll
  static void pretrain() throws Exception {
    spiral = ProjectFiles.read(SPIRAL_DIR);
    source = CheckpointFolder.forRun(workspace, SOURCE_RUN);
    Project p = spiral.withTraining(spiral.training().withEpochs(5));
    RunEnded end = new TrainingRun(new TrainingRequest(p, SPIRAL_DIR, "source", SOURCE_RUN).withCheckpoints(source), new TrainingListener() {}).call();
    assertEquals(RunStatus.FINISHED, end.status(), end.message());
  }

  static final class Events implements TrainingListener {
    final List<WeightsTransferred> transfers = new ArrayList<>();
    final List<ParameterHistograms> histograms = new ArrayList<>();
    RunEnded end;

    @Override
    public void onWeightsTransferred(WeightsTransferred e) {
      transfers.add(e);
    }

    @Override
    public void onHistograms(ParameterHistograms h) {
      histograms.add(h);
    }

    @Override
    public void onRunEnded(RunEnded e) {
      end = e;
    }
  }

  private static Events fineTune(TrainingSettings.Transfer transfer, Path checkpoints) {
    Project p =
        spiral.withTraining(
            spiral.training().withEpochs(2).withTransfer(transfer).withReporting(new TrainingSettings.Reporting(10, 0)));
    Events events = new Events();
    TrainingRequest request = new TrainingRequest(p, SPIRAL_DIR, "fine-tune", null).withWorkspaceHome(workspace);
    new TrainingRun(checkpoints == null ? request : request.withCheckpoints(checkpoints), events).call();
    return events;
  }

  @Test
  void theBodyLoadsTheHeadStartsFreshAndAFrozenLayerDoesNotMove() throws Exception {
    Path mine = workspace.resolve("fine-tuned");
    Events events =
        fineTune(TrainingSettings.Transfer.from(SOURCE_RUN).withFreeze(List.of("dense1")).withBodyLearningRateFactor(0.1), mine);

    assertEquals(RunStatus.FINISHED, events.end.status(), events.end.message());
    WeightsTransferred t = events.transfers.get(0);
    assertEquals(List.of("dense1", "dense2"), t.loadedLayers());
    assertEquals(List.of("output"), t.freshLayers());
    assertEquals(List.of("dense1"), t.frozenLayers());
    assertEquals("best", t.checkpoint());
    assertEquals(source.toAbsolutePath().toString(), t.from(), "a run id is found in the workspace");

    Tensor before = CheckpointFolder.of(source).read(CheckpointKind.BEST).parameters().get("dense1/weight");
    var after = CheckpointFolder.of(mine).read(CheckpointKind.LAST).parameters();
    assertEquals(before, after.get("dense1/weight"), "frozen: not changed by two epochs");
    assertNotEquals(
        CheckpointFolder.of(source).read(CheckpointKind.BEST).parameters().get("dense2/weight"), after.get("dense2/weight"), "the body learns");

    ParameterHistograms h = events.histograms.get(0);
    assertTrue(h.histograms().stream().noneMatch(x -> x.layerId().equals("dense1") && x.kind().equals(ParameterHistogram.GRADIENTS)));
    assertTrue(h.histograms().stream().anyMatch(x -> x.layerId().equals("dense1") && x.kind().equals(ParameterHistogram.WEIGHTS)));
    assertTrue(events.end.finalValidationAccuracy() > 0.5, "a pretrained body learns a new head fast: " + events.end.finalValidationAccuracy());
  }

  @Test
  void mistakesInTheTransferSettingsEndTheRunWithTheFix() {
    Events unknownLayer = fineTune(TrainingSettings.Transfer.from(SOURCE_RUN).withFreeze(List.of("conv9")), null);
    assertEquals(RunStatus.FAILED, unknownLayer.end.status());
    assertTrue(unknownLayer.end.message().contains("cannot freeze layer 'conv9'") && unknownLayer.end.message().contains("input, dense1"),
        unknownLayer.end.message());

    Events noRun = fineTune(TrainingSettings.Transfer.from("run-nobody"), null);
    assertEquals(RunStatus.FAILED, noRun.end.status());
    assertTrue(noRun.end.message().startsWith("Transfer learning found no best checkpoint"), noRun.end.message());
  }
}
