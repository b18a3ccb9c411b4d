package org.layerlab.runtime.events;

import java.util.List;

/**
 * A run starts from an earlier run's weights (transfer learning); sent right after {@link RunStarted}.
 *
 * @param from the checkpoint folder the weights came from
 * @param sourceEpoch the epoch after which that checkpoint was taken
 * @param loadedLayers layers that took the earlier weights
 * @param freshLayers layers with weights that start fresh: the replaced head, and layers whose shapes differ
 * @param frozenLayers layers whose weights do not change in this run
 * @param bodyLearningRateFactor the learning rate of the loaded layers, as a share of the fresh layers' rate
 */
public record WeightsTransferred(
    String from,
    String checkpoint,
    int sourceEpoch,
    List<String> loadedLayers,
    List<String> freshLayers,
    List<String> frozenLayers,
    double bodyLearningRateFactor,
    long wallTimeMillis) {

  public WeightsTransferred {
    loadedLayers = List.copyOf(loadedLayers);
    freshLayers = List.copyOf(freshLayers);
    frozenLayers = List.copyOf(frozenLayers);
  }
}
