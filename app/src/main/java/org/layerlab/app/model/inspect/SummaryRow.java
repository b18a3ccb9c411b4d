package org.layerlab.app.model.inspect;

import java.util.List;

/**
 * One layer of the model summary table.
 *
 * @param layer the layer's name
 * @param type the layer type as in project files, such as {@code conv2d}
 * @param outputShape such as {@code (N, 32, 30, 30)}, or {@code ?} when it cannot be computed
 * @param parameters all parameters of the layer, trainable or not
 * @param macs multiply-accumulates of one sample's forward pass
 * @param connectedTo the layers feeding its input ports, in port order
 * @param problems what is wrong with the layer; empty when it is fine
 */
public record SummaryRow(
    String layer, String type, String outputShape, long parameters, long macs, List<String> connectedTo, List<String> problems) {

  public SummaryRow {
    connectedTo = List.copyOf(connectedTo);
    problems = List.copyOf(problems);
  }

  /** "conv1 (conv2d)", the table's first column as Keras writes it. */
  public String layerAndType() {
    return layer + " (" + type + ")";
  }
}
