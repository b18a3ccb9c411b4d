package org.layerlab.runtime.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.metrics.ClassificationTally;
import org.layerlab.runtime.optim.SampleLoss;

/** Measures a whole dataset with the trainer's model in evaluation mode (no dropout, no gradients), in batches, in sample order. */
final class Evaluator {

  /** Receives each evaluated batch: its samples' indices in the set, logits, labels and per-sample losses. */
  interface BatchSink {
    void batch(int from, int count, float[] logits, int[] labels, float[] losses);
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

  /** The tally of the whole set. */
  ClassificationTally run(Trainer trainer, SampleLoss loss) {
    return run(trainer, loss, null);
  }

  /** The tally of the whole set, also handing every batch to {@code sink} when it is not null. */
  ClassificationTally run(Trainer trainer, SampleLoss loss, BatchSink sink) {
    ClassificationTally tally = new ClassificationTally(set.classes());
    for (int from = 0; from < set.size(); from += batchSize) {
      buffers.fill(order, from, Math.min(batchSize, set.size() - from));
      try (NDManager scope = trainer.getManager().newSubManager()) {
        NDList labels = buffers.labels(scope);
        NDList logits = trainer.evaluate(buffers.features(scope));
        float[] losses = loss.perSample(labels, logits).toFloatArray();
        float[] scores = logits.singletonOrThrow().toFloatArray();
        double sum = 0;
        for (float l : losses) {
          sum += l;
        }
        tally.add(scores, buffers.labelArray(), buffers.count());
        tally.addLoss(sum);
        if (sink != null) {
          sink.batch(from, buffers.count(), scores, buffers.labelArray(), losses);
        }
      }
    }
    return tally;
  }
}
