package org.layerlab.runtime.checkpoint;

/**
 * What a checkpoint knows about the run besides its tensors.
 *
 * @param epoch the epochs completed, from 1
 * @param step the steps completed
 * @param metric the metric that chooses the best checkpoint, as the project file names it
 * @param metricValue its value after this epoch
 * @param bestValue the best value up to this epoch
 * @param bestEpoch the epoch of the best value
 * @param epochsWithoutImprovement epochs in a row without a better value, for early stopping
 * @param scheduleState what the learning-rate schedule had learnt (reduce-on-plateau), else empty
 */
public record CheckpointInfo(
    String runId,
    int epoch,
    long step,
    String metric,
    double metricValue,
    double bestValue,
    int bestEpoch,
    int epochsWithoutImprovement,
    double[] scheduleState,
    double validationLoss,
    double validationAccuracy,
    long savedAtMillis) {

  public CheckpointInfo {
    scheduleState = scheduleState == null ? new double[0] : scheduleState.clone();
  }

  @Override
  public double[] scheduleState() {
    return scheduleState.clone();
  }
}
