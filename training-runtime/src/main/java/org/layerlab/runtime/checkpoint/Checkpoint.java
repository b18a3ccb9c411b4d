package org.layerlab.runtime.checkpoint;

import java.nio.file.Path;
import java.util.Map;

/**
 * One checkpoint as read back.
 *
 * @param parameters the model's parameters by {@code layerId/name}
 * @param optimizerState the optimizer's state by {@code layerId/name#state}; empty in a best checkpoint
 * @param folder where it was read from
 */
public record Checkpoint(CheckpointInfo info, Map<String, Tensor> parameters, Map<String, Tensor> optimizerState, Path folder) {

  public Checkpoint {
    parameters = Map.copyOf(parameters);
    optimizerState = Map.copyOf(optimizerState);
  }
}
