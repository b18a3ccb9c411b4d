package org.layerlab.app.runs;

/**
 * One run's points of the compared series, as the comparison chart draws them. The arrays are not copied: treat them as read-only.
 *
 * @param colorIndex the run's colour, its place in the selection
 * @param groupId the run's seed group, or {@code null}
 * @param epochs progress in epochs at each point: the step of an epoch series, the step over the batches per epoch of a step
 *     series, NaN where unknown (an imported run)
 */
public record RunCurve(
    String runId, String name, int colorIndex, String groupId, double[] steps, double[] epochs, long[] wallTimes, double[] values) {

  public RunCurve {
    if (steps.length != values.length || epochs.length != values.length || wallTimes.length != values.length) {
      throw new IllegalArgumentException("the arrays of run " + runId + " differ in length");
    }
  }

  public int size() {
    return values.length;
  }
}
