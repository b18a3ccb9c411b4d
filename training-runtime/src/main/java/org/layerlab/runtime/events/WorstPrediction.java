package org.layerlab.runtime.events;

import java.util.List;

/**
 * One of the samples a regression model predicts worst: the largest absolute errors of the set.
 *
 * @param sample the sample's index in the evaluated set (the test split's order)
 * @param targets the true values, one per target
 * @param predictions the model's values, one per target
 * @param absoluteError the mean over the targets of |prediction - target|
 */
public record WorstPrediction(int sample, List<Double> targets, List<Double> predictions, double absoluteError) {
  public WorstPrediction {
    targets = List.copyOf(targets);
    predictions = List.copyOf(predictions);
  }
}
