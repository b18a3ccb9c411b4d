package org.layerlab.runtime.train;

import java.util.Arrays;
import java.util.List;
import org.layerlab.runtime.events.ValidationConfusion;

/**
 * Collects the validation set's confusion matrix and, per cell, the indices of its first samples, from the batches an
 * {@link Evaluator} measures. One collector per evaluation; training thread.
 */
final class ConfusionCollector implements Evaluator.BatchSink {

  /** How many sample indices a cell keeps: enough to fill a grid of images, few enough to send every epoch. */
  static final int SAMPLES_PER_CELL = 64;

  private final int classes;
  private final long[][] counts;
  private final int[][][] samples;
  private final int[][] filled;

  ConfusionCollector(int classes) {
    this.classes = classes;
    this.counts = new long[classes][classes];
    this.samples = new int[classes][classes][SAMPLES_PER_CELL];
    this.filled = new int[classes][classes];
  }

  @Override
  public void batch(int from, int count, float[] logits, BatchBuffers batch, float[] losses) {
    int[] labels = batch.labelArray();
    for (int i = 0; i < count; i++) {
      int base = i * classes;
      int predicted = 0;
      for (int k = 1; k < classes; k++) {
        if (logits[base + k] > logits[base + predicted]) {
          predicted = k;
        }
      }
      int truth = labels[i];
      counts[truth][predicted]++;
      int n = filled[truth][predicted];
      if (n < SAMPLES_PER_CELL) {
        samples[truth][predicted][n] = from + i;
        filled[truth][predicted] = n + 1;
      }
    }
  }

  ValidationConfusion event(int epoch, long step, List<String> classNames, long wallTimeMillis) {
    int[][][] cells = new int[classes][classes][];
    for (int t = 0; t < classes; t++) {
      for (int p = 0; p < classes; p++) {
        cells[t][p] = Arrays.copyOf(samples[t][p], filled[t][p]);
      }
    }
    return new ValidationConfusion(epoch, step, classNames, counts, cells, SAMPLES_PER_CELL, wallTimeMillis);
  }
}
