package org.layerlab.runtime.events;

import java.util.List;

/**
 * Histograms of every layer's weights and gradients, every {@code histogramEvery} steps; sent after that step's {@link StepDetails}.
 * The weights are those the step's gradients were computed with (before its update); the gradients are before clipping. Frozen
 * parameters have weights and no gradients.
 */
public record ParameterHistograms(long step, int epoch, List<ParameterHistogram> histograms, long wallTimeMillis) {
  public ParameterHistograms {
    histograms = List.copyOf(histograms);
  }
}
