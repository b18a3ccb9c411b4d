package org.layerlab.runtime.tracking;

import java.util.Arrays;
import java.util.List;
import org.layerlab.runtime.store.MetricSeries;
import org.layerlab.runtime.tracking.stats.Sample;

/**
 * A group of repeated runs' series as one curve: at every step, how many runs have a value there, their mean, standard deviation,
 * smallest and largest. Runs of one project with several seeds have the same steps, so each step's statistics cover the whole group
 * until a run stopped early.
 *
 * @param steps every step any run has a value at, ascending
 * @param n how many runs have a value (not NaN) at each step
 * @param sd the sample standard deviation at each step, NaN where fewer than two runs have a value
 */
public record GroupCurve(String tag, long[] steps, int[] n, double[] mean, double[] sd, double[] min, double[] max) {

  /** The group curve of the runs' series of one tag. */
  public static GroupCurve of(String tag, List<MetricSeries> runs) {
    long[] all = runs.stream().flatMapToLong(s -> Arrays.stream(s.steps())).sorted().distinct().toArray();
    int k = all.length;
    int[] n = new int[k];
    double[] mean = new double[k];
    double[] sd = new double[k];
    double[] min = new double[k];
    double[] max = new double[k];
    double[] values = new double[runs.size()];
    int[] cursor = new int[runs.size()];
    for (int i = 0; i < k; i++) {
      for (int r = 0; r < runs.size(); r++) {
        MetricSeries s = runs.get(r);
        // Each series is ordered by step, so one cursor per run walks it once.
        while (cursor[r] < s.size() && s.steps()[cursor[r]] < all[i]) {
          cursor[r]++;
        }
        values[r] = cursor[r] < s.size() && s.steps()[cursor[r]] == all[i] ? s.values()[cursor[r]] : Double.NaN;
      }
      Sample at = Sample.of(values);
      n[i] = at.n();
      mean[i] = at.mean();
      sd[i] = at.sd();
      min[i] = at.min();
      max[i] = at.max();
    }
    return new GroupCurve(tag, all, n, mean, sd, min, max);
  }

  public int size() {
    return steps.length;
  }
}
