package org.layerlab.runtime.train.bench;

import java.nio.file.Path;

/**
 * What every way trains: the first {@code samples} training images of the IDX folder {@code dataDir}, for {@code epochs} epochs of
 * shuffled batches of {@code batchSize} (the last one partial), with Adam at learning rate 0.001, on {@code threads} engine threads.
 * The clock starts after {@code warmupBatches} batches of the first epoch, so start-up costs and the first, slow batches are left out.
 */
public record BenchSpec(Path dataDir, int samples, int epochs, int batchSize, int threads, long seed, int warmupBatches) {

  public static final double LEARNING_RATE = 0.001;

  public BenchSpec {
    if (samples < batchSize || epochs < 1 || batchSize < 1 || threads < 1 || warmupBatches < 0) {
      throw new IllegalArgumentException("a benchmark needs samples >= batch size and at least one epoch and thread");
    }
    if ((long) epochs * ((samples + batchSize - 1) / batchSize) <= warmupBatches) {
      throw new IllegalArgumentException("the warm-up of " + warmupBatches + " batches is the whole run: train more");
    }
  }
}
