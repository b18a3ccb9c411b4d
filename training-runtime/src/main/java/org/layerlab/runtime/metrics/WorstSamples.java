package org.layerlab.runtime.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.layerlab.runtime.events.MisclassifiedSample;

/** Keeps the {@code limit} samples with the highest loss seen so far, from each batch's logits, labels and per-sample losses. */
public final class WorstSamples {

  private final int limit;
  private final int classes;
  private final PriorityQueue<MisclassifiedSample> kept =
      new PriorityQueue<>(Comparator.comparingDouble(MisclassifiedSample::loss).thenComparing(s -> -s.sample()));

  public WorstSamples(int limit, int classes) {
    this.limit = limit;
    this.classes = classes;
  }

  /**
   * Offers a batch: sample {@code first + i} has logits {@code logits[i * classes ..]}, class {@code labels[i]} and loss
   * {@code losses[i]}.
   */
  public void offer(int first, int count, float[] logits, int[] labels, float[] losses) {
    if (limit == 0) {
      return;
    }
    for (int i = 0; i < count; i++) {
      if (kept.size() == limit && !(losses[i] > kept.peek().loss())) {
        continue;
      }
      int base = i * classes;
      int best = 0;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        if (logits[base + c] > max) {
          max = logits[base + c];
          best = c;
        }
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += Math.exp(logits[base + c] - max);
      }
      double pTrue = Math.exp(logits[base + labels[i]] - max) / sum;
      double pBest = 1 / sum;
      kept.add(new MisclassifiedSample(first + i, labels[i], best, pTrue, pBest, losses[i]));
      if (kept.size() > limit) {
        kept.poll();
      }
    }
  }

  /** The kept samples, highest loss first; ties by sample index. */
  public List<MisclassifiedSample> worstFirst() {
    List<MisclassifiedSample> out = new ArrayList<>(kept);
    out.sort(Comparator.comparingDouble(MisclassifiedSample::loss).reversed().thenComparingInt(MisclassifiedSample::sample));
    return out;
  }
}
