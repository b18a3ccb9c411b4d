package org.layerlab.app.model;

import java.util.List;

/**
 * What one layer card shows, ready to draw.
 *
 * @param index position in the model, from 0
 * @param summary the key settings, such as "units 64 · activation relu"
 * @param outputShape the shape the layer produces, such as "(N, 64)", or a placeholder when it cannot be computed
 * @param parameters the trainable parameter count in words, such as "4,224 parameters"
 * @param problems what is wrong with this layer, each message naming the fix; empty when it is fine
 */
public record LayerItem(
    int index, String id, String typeName, String summary, String outputShape, String parameters, List<String> problems) {

  public LayerItem {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
