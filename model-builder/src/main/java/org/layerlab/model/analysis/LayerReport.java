package org.layerlab.model.analysis;

import java.util.List;
import org.layerlab.model.LayerSpec;

/**
 * What analysis found for one layer.
 *
 * @param outputShape the shape the layer produces, or {@code null} when it cannot be computed (see {@code problems})
 * @param parameters trainable parameters (weights and biases)
 * @param macs multiply-accumulate operations for one sample's forward pass
 * @param problems messages about this layer; empty when it is fine
 */
public record LayerReport(LayerSpec layer, Shape inputShape, Shape outputShape, long parameters, long macs, List<String> problems) {

  public LayerReport {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
