package org.layerlab.model.analysis;

import java.util.List;
import org.layerlab.model.LayerSpec;

/**
 * What analysis found for one layer.
 *
 * @param inputShape the shape arriving at the first input port, or {@code null} when it is not known
 * @param outputShape the shape the layer produces, or {@code null} when it cannot be computed (see {@code problems})
 * @param parameters all parameters of the layer: trainable weights and biases plus non-trainable state such as BatchNorm's running
 *     statistics (see {@link org.layerlab.model.layer.LayerType} for each layer's definition)
 * @param macs multiply-accumulate operations for one sample's forward pass
 * @param problems messages about this layer; empty when it is fine
 * @param inputShapes the shapes arriving at each input port, in port order, when all are known; empty otherwise
 * @param inputIds the layers feeding each input port, in port order (see {@link org.layerlab.model.ModelSpec#inputsOf(int)})
 * @param nonTrainableParameters the part of {@code parameters} that training does not change
 */
public record LayerReport(
    LayerSpec layer,
    Shape inputShape,
    Shape outputShape,
    long parameters,
    long macs,
    List<String> problems,
    List<Shape> inputShapes,
    List<String> inputIds,
    long nonTrainableParameters) {

  /** Bytes of one float32 value, the type every activation has in training. */
  public static final int BYTES_PER_VALUE = Float.BYTES;

  public LayerReport {
    problems = List.copyOf(problems);
    inputShapes = List.copyOf(inputShapes);
    inputIds = List.copyOf(inputIds);
  }

  /** A report for a layer with one input and only trainable parameters. */
  public LayerReport(LayerSpec layer, Shape inputShape, Shape outputShape, long parameters, long macs, List<String> problems) {
    this(layer, inputShape, outputShape, parameters, macs, problems, inputShape == null ? List.of() : List.of(inputShape), List.of(), 0);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** Parameters that training changes: weights and biases. */
  public long trainableParameters() {
    return parameters - nonTrainableParameters;
  }

  /** Memory of this layer's output for one sample, as float32: the activation kept for the backward pass. 0 when unknown. */
  public long activationBytes() {
    return outputShape == null ? 0 : outputShape.elements() * BYTES_PER_VALUE;
  }

  /** A copy with one more problem. */
  LayerReport withProblem(String problem) {
    List<String> more = new java.util.ArrayList<>(problems);
    more.add(problem);
    return new LayerReport(layer, inputShape, outputShape, parameters, macs, more, inputShapes, inputIds, nonTrainableParameters);
  }
}
