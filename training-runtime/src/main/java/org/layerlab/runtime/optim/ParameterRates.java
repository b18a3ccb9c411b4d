package org.layerlab.runtime.optim;

import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import java.util.Map;
import java.util.Objects;

/**
 * A learning rate per parameter: the base tracker's rate times a factor for the parameters named in {@code factors} (by DJL parameter
 * id), and the base rate for all others. Transfer learning gives the pretrained body a smaller factor than the new head.
 */
public record ParameterRates(Tracker base, Map<String, Float> factors) implements ParameterTracker {

  public ParameterRates {
    Objects.requireNonNull(base, "base");
    factors = Map.copyOf(factors);
  }

  @Override
  public float getNewValue(String parameterId, int numUpdate) {
    return base.getNewValue(numUpdate) * factors.getOrDefault(parameterId, 1f);
  }
}
