package org.layerlab.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.checkpoint.Checkpoint;
import org.layerlab.runtime.checkpoint.CheckpointFolder;
import org.layerlab.runtime.checkpoint.CheckpointKind;
import org.layerlab.runtime.events.WeightsTransferred;
import org.layerlab.runtime.text.LocalizedStateException;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * Transfer learning: a new run's model takes an earlier run's weights layer by layer, freezes the layers asked for, and learns in its
 * pretrained body at a share of the learning rate of the layers that start fresh (Yosinski et al., "How transferable are features in
 * deep neural networks?", NeurIPS 2014). A layer takes the earlier weights when it has the same id and the same parameter shapes; the
 * head (the last layer with weights) starts fresh when the settings replace it, and so does any layer given a new id. The body is
 * the layers that took earlier weights; the fresh layers learn at the full rate.
 */
final class Transfer {

  private Transfer() {}

  /**
   * What a transfer did, and the learning-rate factor of each body parameter by DJL id.
   *
   * @param event what was loaded, or {@code null} for a resumed run, whose weights come from its own checkpoint
   */
  record Outcome(WeightsTransferred event, Map<String, Float> rateFactors) {}

  /**
   * A resumed transfer run: no weights to load (they are in its own checkpoint), but the same frozen layers and the same slower body
   * as before it stopped. The body is worked out again from the earlier run's checkpoint; when that is gone, every layer but the
   * head counts as body.
   */
  static Outcome resumed(TrainingSettings.Transfer t, TrainingRequest request, ModelParameters parameters) {
    parameters.freeze(Set.copyOf(t.freeze()));
    List<String> body;
    try {
      Checkpoint source = CheckpointFolder.of(folder(t.from(), request)).read(kind(t));
      body = Checkpointing.matchingLayers(parameters, source.parameters(), skip(t, parameters));
    } catch (IOException | RuntimeException e) {
      body = new ArrayList<>();
      for (ModelParameters.Named p : parameters.all()) {
        if (!p.layerId().equals(parameters.headLayerId()) && !body.contains(p.layerId())) {
          body.add(p.layerId());
        }
      }
    }
    return new Outcome(null, rateFactors(t, parameters, body));
  }

  private static CheckpointKind kind(TrainingSettings.Transfer t) {
    return t.checkpoint() == TrainingSettings.CheckpointChoice.LAST ? CheckpointKind.LAST : CheckpointKind.BEST;
  }

  private static Set<String> skip(TrainingSettings.Transfer t, ModelParameters parameters) {
    String head = parameters.headLayerId();
    return t.replaceHead() && head != null ? Set.of(head) : Set.of();
  }

  /** The checkpoint folder {@code from} names: a folder (relative to the project folder, or absolute) or a run id of the workspace. */
  static Path folder(String from, TrainingRequest request) {
    Path asPath = request.projectDir().resolve(from).normalize();
    if (Files.isDirectory(asPath) || request.workspaceHome() == null) {
      return asPath;
    }
    return CheckpointFolder.forRun(request.workspaceHome(), from);
  }

  /**
   * Checks the transfer settings against the model before anything loads.
   *
   * @throws IllegalStateException with a message for the user
   */
  static void check(TrainingSettings.Transfer t, ModelSpec model) {
    Set<String> ids = new LinkedHashSet<>();
    for (LayerSpec l : model.layers()) {
      ids.add(l.id());
    }
    for (String f : t.freeze()) {
      if (!ids.contains(f)) {
        throw new LocalizedStateException(RuntimeMessages.text("run.transfer.noSuchLayer", f, String.join(", ", ids)));
      }
    }
  }

  /**
   * Loads the earlier weights into {@code parameters}, freezes layers and works out the body's learning-rate factors.
   *
   * @throws IllegalStateException with a message for the user when the checkpoint is missing or shares no layer with the model
   */
  static Outcome apply(TrainingSettings.Transfer t, TrainingRequest request, ModelParameters parameters) {
    Path dir = folder(t.from(), request);
    CheckpointFolder folder = CheckpointFolder.of(dir);
    CheckpointKind kind = kind(t);
    Checkpoint checkpoint;
    try {
      if (!folder.has(kind)) {
        throw new LocalizedStateException(RuntimeMessages.text("run.transfer.noCheckpoint", kind.folderName(), String.valueOf(dir)));
      }
      checkpoint = folder.read(kind);
    } catch (IOException e) {
      throw new LocalizedStateException(RuntimeMessages.text("run.transfer.unreadable", String.valueOf(dir), String.valueOf(e.getMessage())), e);
    }
    List<String> loaded = Checkpointing.restoreMatching(parameters, checkpoint.parameters(), skip(t, parameters));
    if (loaded.isEmpty()) {
      throw new LocalizedStateException(RuntimeMessages.text("run.transfer.nothingLoaded", String.valueOf(dir)));
    }
    List<String> fresh = new ArrayList<>();
    for (ModelParameters.Named p : parameters.all()) {
      if (!loaded.contains(p.layerId()) && !fresh.contains(p.layerId())) {
        fresh.add(p.layerId());
      }
    }
    parameters.freeze(Set.copyOf(t.freeze()));
    WeightsTransferred event =
        new WeightsTransferred(
            folder.dir().toString(),
            kind.folderName(),
            checkpoint.info().epoch(),
            loaded,
            fresh,
            t.freeze(),
            t.bodyLearningRateFactor(),
            System.currentTimeMillis());
    return new Outcome(event, rateFactors(t, parameters, loaded));
  }

  /** The body's factor for every parameter of the {@code body} layers, by DJL id; empty when the factor is 1. */
  private static Map<String, Float> rateFactors(TrainingSettings.Transfer t, ModelParameters parameters, List<String> body) {
    Map<String, Float> factors = new HashMap<>();
    if (t.bodyLearningRateFactor() != 1) {
      for (ModelParameters.Named p : parameters.all()) {
        if (body.contains(p.layerId())) {
          factors.put(p.id(), (float) t.bodyLearningRateFactor());
        }
      }
    }
    return factors;
  }
}
