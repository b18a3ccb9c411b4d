package org.layerlab.app.project;

import java.nio.file.Path;
import java.util.List;

/**
 * A sample project on the start page.
 *
 * @param layers the model's layers from input to output, for the thumbnail
 */
public record SampleCard(Path path, String name, String description, List<Layer> layers) {

  public SampleCard {
    layers = List.copyOf(layers);
  }

  /**
   * One layer of the thumbnail.
   *
   * @param type the layer type's name, such as "dense"
   * @param family the layer family's name, such as "CORE", for its colour
   * @param width how wide to draw it, from 0.2 to 1: grows with the logarithm of its units or filters
   */
  public record Layer(String type, String family, double width) {}
}
