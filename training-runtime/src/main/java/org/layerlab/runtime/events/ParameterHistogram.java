package org.layerlab.runtime.events;

/**
 * The distribution of one parameter's weights, or of their gradients, at one step: equal-width bins from {@code min} to {@code max}
 * (bin {@code i} spans {@code binEdges[i]} to {@code binEdges[i + 1]}, the last bin including its right edge).
 *
 * @param layerId the layer the parameter belongs to
 * @param parameter the parameter's name in its layer, such as {@code weight} or {@code bias}
 * @param kind {@code weights} or {@code gradients}
 * @param count the values counted (NaN and infinite ones are left out)
 * @param binEdges {@code binCounts.length + 1} ascending edges
 */
public record ParameterHistogram(
    String layerId,
    String parameter,
    String kind,
    long count,
    double min,
    double max,
    double mean,
    double std,
    double[] binEdges,
    long[] binCounts) {

  public static final String WEIGHTS = "weights";
  public static final String GRADIENTS = "gradients";

  public ParameterHistogram {
    binEdges = binEdges.clone();
    binCounts = binCounts.clone();
    if (binEdges.length != binCounts.length + 1) {
      throw new IllegalArgumentException(binCounts.length + " bins need " + (binCounts.length + 1) + " edges, got " + binEdges.length);
    }
  }

  @Override
  public double[] binEdges() {
    return binEdges.clone();
  }

  @Override
  public long[] binCounts() {
    return binCounts.clone();
  }
}
