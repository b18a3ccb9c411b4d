package org.layerlab.runtime.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.layerlab.runtime.events.WorstPrediction;

/**
 * The errors of a regression model on a held-out set, sample by sample: their mean (the bias), median, 90th percentile and largest,
 * and the {@code limit} samples with the largest absolute errors. A sample's absolute error is the mean over its targets.
 */
public final class RegressionErrors {

  private final int targets;
  private final int limit;
  private float[] absolute = new float[256];
  private int samples;
  private double signedSum;
  private long values;
  private final PriorityQueue<WorstPrediction> kept =
      new PriorityQueue<>(Comparator.comparingDouble(WorstPrediction::absoluteError).thenComparing(w -> -w.sample()));

  public RegressionErrors(int targets, int limit) {
    this.targets = targets;
    this.limit = limit;
  }

  /** Offers a batch: sample {@code first + i} has predictions {@code predictions[i * targets ..]} and true values {@code truth[..]}. */
  public void offer(int first, int count, float[] predictions, float[] truth) {
    for (int i = 0; i < count; i++) {
      double abs = 0;
      for (int k = 0; k < targets; k++) {
        double e = predictions[i * targets + k] - truth[i * targets + k];
        signedSum += e;
        abs += Math.abs(e);
      }
      abs /= targets;
      values += targets;
      if (samples == absolute.length) {
        absolute = Arrays.copyOf(absolute, samples * 2);
      }
      absolute[samples++] = (float) abs;
      if (limit > 0 && (kept.size() < limit || abs > kept.peek().absoluteError())) {
        List<Double> t = new ArrayList<>(targets);
        List<Double> p = new ArrayList<>(targets);
        for (int k = 0; k < targets; k++) {
          t.add((double) truth[i * targets + k]);
          p.add((double) predictions[i * targets + k]);
        }
        kept.add(new WorstPrediction(first + i, t, p, abs));
        if (kept.size() > limit) {
          kept.poll();
        }
      }
    }
  }

  /** The mean of prediction - target over every value; NaN before the first sample. */
  public double meanError() {
    return values == 0 ? Double.NaN : signedSum / values;
  }

  /** The absolute error below which {@code fraction} of the samples lie (nearest rank); NaN before the first sample. */
  public double quantile(double fraction) {
    if (samples == 0) {
      return Double.NaN;
    }
    float[] sorted = Arrays.copyOf(absolute, samples);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(fraction * samples);
    return sorted[Math.max(0, Math.min(samples - 1, rank - 1))];
  }

  /** The kept samples, largest error first; ties by sample index. */
  public List<WorstPrediction> worstFirst() {
    List<WorstPrediction> out = new ArrayList<>(kept);
    out.sort(Comparator.comparingDouble(WorstPrediction::absoluteError).reversed().thenComparingInt(WorstPrediction::sample));
    return out;
  }
}
