package org.layerlab.model.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result of {@link ModelAnalyzer#analyze}: one report per layer, in model order, and the problems of the model as a whole.
 *
 * @param modelProblems problems that belong to no single layer, such as an empty model
 */
public record ModelAnalysis(List<LayerReport> layers, List<String> modelProblems) {

  public ModelAnalysis {
    layers = List.copyOf(layers);
    modelProblems = List.copyOf(modelProblems);
  }

  public boolean valid() {
    return modelProblems.isEmpty() && layers.stream().allMatch(LayerReport::valid);
  }

  public long totalParameters() {
    return layers.stream().mapToLong(LayerReport::parameters).sum();
  }

  public long totalMacs() {
    return layers.stream().mapToLong(LayerReport::macs).sum();
  }

  /** The shape the whole model produces, when every layer is valid. */
  public Optional<Shape> outputShape() {
    if (!valid() || layers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(layers.get(layers.size() - 1).outputShape());
  }

  public Optional<Shape> inputShape() {
    return layers.isEmpty() ? Optional.empty() : Optional.ofNullable(layers.get(0).outputShape());
  }

  public Optional<LayerReport> layer(String id) {
    return layers.stream().filter(r -> r.layer().id().equals(id)).findFirst();
  }

  /** Every problem, layer problems first, as one flat list. */
  public List<Problem> problems() {
    List<Problem> all = new ArrayList<>();
    for (LayerReport r : layers) {
      r.problems().forEach(m -> all.add(new Problem(r.layer().id(), m)));
    }
    modelProblems.forEach(m -> all.add(new Problem(null, m)));
    return all;
  }
}
