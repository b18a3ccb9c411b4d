package org.layerlab.runtime.metrics;

import org.layerlab.runtime.events.ClassificationScores;

/**
 * Adds up a classifier's results batch by batch, from the scores (logits or probabilities) and labels of each batch: a confusion
 * matrix of the highest-scoring class, top-k hits and the loss.
 */
public final class ClassificationTally {

  /** The k of top-k accuracy, unless there are fewer classes. */
  public static final int TOP_K = 5;

  private final int classes;
  private final int k;
  private final ConfusionMatrix confusion;
  private long topKHits;
  private double lossSum;

  public ClassificationTally(int classes) {
    this.classes = classes;
    this.k = Math.min(TOP_K, classes);
    this.confusion = new ConfusionMatrix(classes);
  }

  /**
   * Adds {@code count} samples: sample {@code i} has scores {@code scores[i * classes .. i * classes + classes - 1]} and class
   * {@code labels[i]}. The predicted class is the highest score, the lower class on a tie; a class is in the top k when fewer than k
   * classes score strictly higher.
   */
  public void add(float[] scores, int[] labels, int count) {
    for (int i = 0; i < count; i++) {
      int base = i * classes;
      int label = labels[i];
      int best = 0;
      int higher = 0;
      float own = scores[base + label];
      for (int c = 0; c < classes; c++) {
        float s = scores[base + c];
        if (s > scores[base + best]) {
          best = c;
        }
        if (s > own) {
          higher++;
        }
      }
      confusion.add(label, best);
      if (higher < k) {
        topKHits++;
      }
    }
  }

  /** Adds the summed loss of samples added with {@link #add}. */
  public void addLoss(double summedLoss) {
    lossSum += summedLoss;
  }

  public ConfusionMatrix confusion() {
    return confusion;
  }

  public long samples() {
    return confusion.total();
  }

  /** Correctly classified samples so far. */
  public long correct() {
    long right = 0;
    for (int c = 0; c < classes; c++) {
      right += confusion.count(c, c);
    }
    return right;
  }

  public ClassificationScores scores() {
    long n = confusion.total();
    return new ClassificationScores(
        (int) n,
        n == 0 ? Double.NaN : lossSum / n,
        confusion.accuracy(),
        n == 0 ? Double.NaN : (double) topKHits / n,
        k,
        confusion.macroPrecision(),
        confusion.macroRecall(),
        confusion.macroF1());
  }
}
