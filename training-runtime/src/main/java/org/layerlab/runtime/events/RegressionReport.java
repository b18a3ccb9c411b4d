package org.layerlab.runtime.events;

import java.util.List;

/**
 * A regression model measured once on held-out data when a run finishes, the counterpart of {@link TestReport}: the dataset's test
 * split, or the validation set when it has none ({@code set} says which). Sent before {@link RunEnded}.
 *
 * @param targetNames the names of the predicted values, such as the CSV columns
 * @param meanError the mean of prediction - target: above 0 the model predicts too high on average, below 0 too low
 * @param medianAbsoluteError the median of the absolute errors (per sample, over its targets)
 * @param p90AbsoluteError the 90th percentile of the absolute errors (nearest rank)
 * @param maxAbsoluteError the largest absolute error
 * @param worst the samples with the largest absolute errors, worst first
 */
public record RegressionReport(
    String set,
    RegressionScores scores,
    List<String> targetNames,
    double meanError,
    double medianAbsoluteError,
    double p90AbsoluteError,
    double maxAbsoluteError,
    List<WorstPrediction> worst,
    long wallTimeMillis) {

  public RegressionReport {
    targetNames = List.copyOf(targetNames);
    worst = List.copyOf(worst);
  }
}
