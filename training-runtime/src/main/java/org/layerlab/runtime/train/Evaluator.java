package org.layerlab.runtime.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.optim.SampleLoss;

/** Measures a whole dataset with the trainer's model in evaluation mode (no dropout, no gradients), in batches, in sample order. */
final class Evaluator {

  /**
   * Receives each evaluated batch: its samples' indices in the set, the model's outputs, the gathered batch (labels, or a regression's
   * targets) and per-sample losses.
   */
  interface BatchSink {
    void batch(int from, int count, float[] outputs, BatchBuffers batch, float[] losses);
  }

  private final Dataset set;
  private final int batchSize;
  private final BatchBuffers buffers;
  private final int[] order;

  Evaluator(Dataset set, int batchSize) {
    this.set = set;
    this.batchSize = Math.max(1, Math.min(batchSize, set.size()));
    this.buffers = new BatchBuffers(set, this.batchSize);
    this.order = new int[set.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
  }

  /** The figures of the whole set. */
  Figures run(Trainer trainer, SampleLoss loss) {
    return run(trainer, loss, null);
  }

  /** The figures of the whole set, also handing every batch to {@code sink} when it is not null. */
  Figures run(Trainer trainer, SampleLoss loss, BatchSink sink) {
    Figures figures = Figures.of(set);
    for (int from = 0; from < set.size(); from += batchSize) {
      buffers.fill(order, from, Math.min(batchSize, set.size() - from));
      try (NDManager scope = trainer.getManager().newSubManager()) {
        NDList labels = buffers.labels(scope);
        NDList outputs = trainer.evaluate(buffers.features(scope));
        float[] losses = loss.perSample(labels, outputs).toFloatArray();
        float[] values = outputs.singletonOrThrow().toFloatArray();
        double sum = 0;
        for (float l : losses) {
          sum += l;
        }
        figures.add(values, buffers);
        figures.addLoss(sum);
        if (sink != null) {
          sink.batch(from, buffers.count(), values, buffers, losses);
        }
      }
    }
    return figures;
  }
}
