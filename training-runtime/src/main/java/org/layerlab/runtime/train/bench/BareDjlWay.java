package org.layerlab.runtime.train.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Random;
import org.layerlab.runtime.compile.BlockCompiler;
import org.layerlab.runtime.data.Dataset;

/**
 * The loop a DJL user writes by hand: shuffle indices, copy each batch into one array, forward, loss, backward, {@code trainer.step()}
 * with DJL's own (native) Adam. No metrics but the loss.
 */
final class BareDjlWay {

  private BareDjlWay() {}

  static BenchResult run(BenchSpec spec) throws Exception {
    Dataset data = BenchData.load(spec);
    Engine.getInstance().setRandomSeed((int) spec.seed()); // loads the engine, before its thread count can be set
    JniUtils.setNumThreads(spec.threads());
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
            .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) BenchSpec.LEARNING_RATE)).build())
            .optDevices(new Device[] {Device.cpu()});
    BatchClock clock = new BatchClock(spec.warmupBatches());
    double lastLoss = 0;
    try (Model model = Model.newInstance("bare", Device.cpu())) {
      model.setBlock(BlockCompiler.compileForTraining(BenchModel.spec()).block());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(spec.batchSize(), 1, 28, 28));
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        Random random = new Random(spec.seed());
        float[] x = new float[spec.batchSize() * data.sampleSize()];
        int[] y = new int[spec.batchSize()];
        for (int epoch = 0; epoch < spec.epochs(); epoch++) {
          for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
          }
          double lossSum = 0;
          for (int from = 0; from < n; from += spec.batchSize()) {
            int count = Math.min(spec.batchSize(), n - from);
            data.gather(order, from, count, x, y);
            try (NDManager batch = trainer.getManager().newSubManager()) {
              NDArray features = batch.create(java.nio.FloatBuffer.wrap(x, 0, count * data.sampleSize()), new Shape(count, 1, 28, 28));
              NDArray labels = batch.create(java.nio.IntBuffer.wrap(y, 0, count), new Shape(count), ai.djl.ndarray.types.DataType.INT32);
              try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList out = trainer.forward(new NDList(features));
                NDArray loss = trainer.getLoss().evaluate(new NDList(labels), out);
                collector.backward(loss);
                lossSum += loss.getFloat() * count;
              }
              trainer.step();
            }
            clock.batchDone(count);
          }
          lastLoss = lossSum / n;
        }
      }
    }
    return new BenchResult("bare DJL loop", clock.samples(), clock.seconds(), clock.cpuSeconds(), PeakMemory.bytes(), lastLoss, "DJL 0.36 / libtorch 2.7.1");
  }
}
