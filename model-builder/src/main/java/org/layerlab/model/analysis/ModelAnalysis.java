package org.layerlab.model.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerlab.model.layer.LayerType;

/**
 * The result of {@link ModelAnalyzer#analyze}: one report per layer, in model order, and the problems of the model as a whole.
 *
 * @param modelProblems problems that belong to no single layer, such as an empty model
 * @param outputId the layer whose output is the model's output: the only layer no other reads, or else the last such layer in the
 *     list; {@code null} for an empty model
 */
public record ModelAnalysis(List<LayerReport> layers, List<String> modelProblems, String outputId) {

  public ModelAnalysis {
    layers = List.copyOf(layers);
    modelProblems = List.copyOf(modelProblems);
  }

  /** An analysis whose output is the last layer in the list, as in a sequential model. */
  public ModelAnalysis(List<LayerReport> layers, List<String> modelProblems) {
    this(layers, modelProblems, layers.isEmpty() ? null : layers.get(layers.size() - 1).layer().id());
  }

  public boolean valid() {
    return modelProblems.isEmpty() && layers.stream().allMatch(LayerReport::valid);
  }

  /** All parameters, trainable and not; what Keras calls "Total params". */
  public long totalParameters() {
    return layers.stream().mapToLong(LayerReport::parameters).sum();
  }

  /** Parameters that training changes; PyTorch's {@code sum(p.numel() for p in model.parameters())}. */
  public long trainableParameters() {
    return layers.stream().mapToLong(LayerReport::trainableParameters).sum();
  }

  /** Parameters that training does not change, such as BatchNorm's running mean and variance. */
  public long nonTrainableParameters() {
    return layers.stream().mapToLong(LayerReport::nonTrainableParameters).sum();
  }

  public long totalMacs() {
    return layers.stream().mapToLong(LayerReport::macs).sum();
  }

  /**
   * Memory of all layer outputs for one sample, as float32: what a training step keeps for the backward pass, per sample in the
   * batch. The Input's output is the sample itself and is not counted; see {@link #inputBytes()}.
   */
  public long activationBytes() {
    return layers.stream().filter(r -> r.layer().type() != LayerType.INPUT).mapToLong(LayerReport::activationBytes).sum();
  }

  /** Memory of one input sample as float32, or 0 when the Input is not valid. */
  public long inputBytes() {
    return layers.isEmpty() ? 0 : layers.get(0).activationBytes();
  }

  /** The shape the whole model produces, when every layer is valid. */
  public Optional<Shape> outputShape() {
    if (!valid() || layers.isEmpty()) {
      return Optional.empty();
    }
    return outputLayer().map(LayerReport::outputShape);
  }

  /** The report of the layer whose output is the model's output. */
  public Optional<LayerReport> outputLayer() {
    return outputId == null ? Optional.empty() : layer(outputId);
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
