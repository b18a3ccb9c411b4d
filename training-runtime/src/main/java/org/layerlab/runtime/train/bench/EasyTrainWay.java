package org.layerlab.runtime.train.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.layerlab.runtime.compile.BlockCompiler;
import org.layerlab.runtime.data.Dataset;

/**
 * DJL's own way: an {@link ArrayDataset} with random sampling, {@link EasyTrain#fit}, an accuracy evaluator with DJL's evaluator
 * listener (the loss and accuracy a user sees), DJL's native Adam.
 */
final class EasyTrainWay {

  private EasyTrainWay() {}

  static BenchResult run(BenchSpec spec) throws Exception {
    Dataset data = BenchData.load(spec);
    Engine.getInstance().setRandomSeed((int) spec.seed()); // loads the engine, before its thread count can be set
    JniUtils.setNumThreads(spec.threads());
    BatchClock clock = new BatchClock(spec.warmupBatches());
    double[] lastLoss = new double[1];
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
            .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) BenchSpec.LEARNING_RATE)).build())
            .optDevices(new Device[] {Device.cpu()})
            .addEvaluator(new Accuracy())
            .addTrainingListeners(
                new EvaluatorTrainingListener(),
                new TrainingListenerAdapter() {
                  @Override
                  public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                    clock.batchDone((int) batchData.getBatch().getSize());
                  }

                  @Override
                  public void onEpoch(Trainer trainer) {
                    Float loss = trainer.getTrainingResult().getTrainLoss();
                    lastLoss[0] = loss == null ? Double.NaN : loss;
                  }
                });
    try (Model model = Model.newInstance("easytrain", Device.cpu());
        NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      model.setBlock(BlockCompiler.compileForTraining(BenchModel.spec()).block());
      float[] features = new float[data.size() * data.sampleSize()];
      int[] labels = new int[data.size()];
      int[] all = new int[data.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      data.gather(all, 0, all.length, features, labels);
      float[] labelValues = new float[labels.length];
      for (int i = 0; i < labels.length; i++) {
        labelValues[i] = labels[i];
      }
      ArrayDataset set =
          new ArrayDataset.Builder()
              .setData(manager.create(features, new Shape(data.size(), 1, 28, 28)))
              .optLabels(manager.create(labelValues))
              .setSampling(spec.batchSize(), true)
              .build();
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(spec.batchSize(), 1, 28, 28));
        EasyTrain.fit(trainer, spec.epochs(), set, null);
      }
    }
    return new BenchResult("DJL EasyTrain", clock.samples(), clock.seconds(), clock.cpuSeconds(), PeakMemory.bytes(), lastLoss[0], "DJL 0.36 / libtorch 2.7.1");
  }
}
