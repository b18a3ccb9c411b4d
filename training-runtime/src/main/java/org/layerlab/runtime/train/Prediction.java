package org.layerlab.runtime.train;

import java.util.List;

/**
 * What a trained model says about one sample: every class with its probability, most probable first.
 *
 * @param ranked all classes, highest probability first (ties in class order)
 */
public record Prediction(List<ClassProbability> ranked) {

  public Prediction {
    ranked = List.copyOf(ranked);
  }

  /** The most probable class. */
  public ClassProbability best() {
    return ranked.get(0);
  }

  /** One class and its probability. */
  public record ClassProbability(int index, String name, double probability) {}
}
