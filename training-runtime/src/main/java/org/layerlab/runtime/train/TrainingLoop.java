package org.layerlab.runtime.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.LoadedData;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunPaused;
import org.layerlab.runtime.events.RunResumed;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.StepDetails;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.optim.Gradients;
import org.layerlab.runtime.optim.LayerlabOptimizer;
import org.layerlab.runtime.optim.LearningRateSchedule;
import org.layerlab.runtime.optim.ParameterRates;
import org.layerlab.runtime.optim.SampleLoss;
import org.layerlab.runtime.optim.ScheduleTracker;

/** The epochs of one run, on an initialised trainer: batches, parameter updates, validation and the events they make. */
final class TrainingLoop implements RunControl.Reporter {

  /** DJL's PyTorch engine allows one gradient collector per process at a time; runs in parallel take turns batch by batch. */
  private static final Object GRADIENT_LOCK = new Object();

  private static final int THROUGHPUT_WINDOW = 20;
  private static final int MIN_EVALUATION_BATCH = 256;

  private final TrainingRequest request;
  private final TrainingSettings settings;
  private final LoadedData data;
  private final Trainer trainer;
  private final ModelParameters parameters;
  private final SampleLoss loss;
  private final int batchSize;
  private final TrainingListener listener;
  private final RunEndings endings;
  private final RunControl control;

  private final Dataset train;
  private final int batches;
  private final LearningRateSchedule schedule;
  private final LayerlabOptimizer optimizer;
  private final List<ModelParameters.Named> trainable;

  // Where the loop is, for the pause events; touched only by the training thread.
  private int nextEpoch;
  private int nextBatch;

  TrainingLoop(
      TrainingRequest request,
      TrainingSettings settings,
      LoadedData data,
      Trainer trainer,
      ModelParameters parameters,
      SampleLoss loss,
      int batchSize,
      TrainingListener listener,
      RunEndings endings,
      RunControl control) {
    this.request = request;
    this.settings = settings;
    this.data = data;
    this.trainer = trainer;
    this.parameters = parameters;
    this.loss = loss;
    this.batchSize = batchSize;
    this.listener = listener;
    this.endings = endings;
    this.control = control;
    this.train = data.train();
    this.batches = (train.size() + batchSize - 1) / batchSize;
    this.schedule = TrainingSetup.schedule(settings, batches);
    this.trainable = parameters.trainable();
    Map<String, Float> factors = new HashMap<>();
    this.optimizer = TrainingSetup.optimizer(settings, new ParameterRates(new ScheduleTracker(schedule), factors), (int) endings.step);
  }

  RunEnded run() {
    int epochs = settings.epochs();
    listener.onRunStarted(
        new RunStarted(
            request.runId(), request.runName(), epochs, batches, train.size(), data.validation().size(), System.currentTimeMillis()));
    BatchBuffers buffers = new BatchBuffers(train, batchSize);
    int[] order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random shuffling = new Random(settings.seed());
    ThroughputMeter throughput = new ThroughputMeter(THROUGHPUT_WINDOW);
    Evaluation validation = new Evaluation(data.validation(), Math.max(batchSize, MIN_EVALUATION_BATCH));
    double clipNorm = settings.optimizerOptions().gradientClipNorm();

    for (int epoch = 1; epoch <= epochs; epoch++) {
      shuffle(order, shuffling);
      // Dropout masks come from the engine's generator: seeding it per epoch makes an epoch's masks the same whether the run got
      // there in one go or was resumed from a checkpoint.
      synchronized (TrainingRun.SEED_LOCK) {
        Engine.getInstance().setRandomSeed(TrainingRun.engineSeed(settings.seed() * 1_000_003L + epoch));
      }
      double lossSum = 0;
      long correct = 0;
      for (int batch = 1; batch <= batches; batch++) {
        nextEpoch = epoch;
        nextBatch = batch;
        if (control.awaitTurn(this) == RunControl.Turn.STOP) {
          return endings.stoppedAt(epoch);
        }
        long began = System.nanoTime();
        int from = (batch - 1) * batchSize;
        buffers.fill(order, from, Math.min(batchSize, train.size() - from));
        int count = buffers.count();
        double batchLoss;
        int right;
        double gradientNorm;
        boolean clipped;
        double rate;
        try (NDManager scope = trainer.getManager().newSubManager()) {
          NDList labels = buffers.labels(scope);
          NDList logits;
          NDArray lossArray;
          synchronized (GRADIENT_LOCK) {
            try (GradientCollector collector = trainer.newGradientCollector()) {
              logits = trainer.forward(buffers.features(scope), labels);
              lossArray = loss.evaluate(labels, logits);
              collector.backward(lossArray);
            }
          }
          batchLoss = lossArray.getFloat();
          endings.step++;
          if (!Double.isFinite(batchLoss)) {
            String where = " at step " + endings.step + " (epoch " + epoch + ", batch " + batch + ")";
            return endings.diverged("the training loss became " + batchLoss + where);
          }
          rate = schedule.rate(endings.step - 1);
          List<NDArray> gradients = new ArrayList<>(trainable.size());
          try {
            for (ModelParameters.Named p : trainable) {
              gradients.add(p.array().getGradient());
            }
            gradientNorm = Gradients.globalNorm(gradients);
            clipped = clipNorm > 0 && Gradients.clipByGlobalNorm(gradients, gradientNorm, clipNorm);
            for (int i = 0; i < trainable.size(); i++) {
              ModelParameters.Named p = trainable.get(i);
              optimizer.update(p.id(), p.array(), gradients.get(i));
            }
          } finally {
            gradients.forEach(NDArray::close);
          }
          right = buffers.countCorrect(logits.singletonOrThrow().toFloatArray());
        }
        lossSum += batchLoss * count;
        correct += right;
        double samplesPerSecond = throughput.add(count, System.nanoTime() - began);
        long now = System.currentTimeMillis();
        listener.onStep(new StepMetrics(endings.step, epoch, batch, batches, batchLoss, (double) right / count, samplesPerSecond, now));
        listener.onStepDetails(new StepDetails(endings.step, epoch, batch, rate, gradientNorm, clipped, now));
      }
      validation.run();
      if (!Double.isFinite(validation.loss)) {
        return endings.diverged(
            "the validation loss became " + validation.loss + " after epoch " + epoch + " (step " + endings.step + ")");
      }
      endings.epochsCompleted = epoch;
      endings.lastValidationAccuracy = validation.accuracy;
      endings.lastValidationLoss = validation.loss;
      schedule.epochEnded(epoch, monitored(settings.schedule().monitor(), lossSum / train.size(), validation));
      listener.onEpoch(
          new EpochMetrics(
              epoch,
              endings.step,
              lossSum / train.size(),
              (double) correct / train.size(),
              validation.loss,
              validation.accuracy,
              System.currentTimeMillis()));
    }
    return endings.finished(epochs);
  }

  @Override
  public void paused() {
    listener.onRunPaused(new RunPaused(endings.step, nextEpoch, nextBatch, System.currentTimeMillis()));
  }

  @Override
  public void resumed(boolean singleStep) {
    listener.onRunResumed(new RunResumed(endings.step, singleStep, System.currentTimeMillis()));
  }

  private static double monitored(TrainingSettings.Metric metric, double trainLoss, Evaluation validation) {
    return switch (metric) {
      case VALIDATION_LOSS -> validation.loss;
      case VALIDATION_ACCURACY -> validation.accuracy;
      case VALIDATION_F1 -> validation.accuracy;
      case TRAIN_LOSS -> trainLoss;
    };
  }

  /** Loss and accuracy of a whole set, measured in batches in evaluation mode: no dropout, no gradients. */
  private final class Evaluation {
    private final Dataset set;
    private final BatchBuffers buffers;
    private final int evaluationBatch;
    private final int[] order;
    double loss;
    double accuracy;

    Evaluation(Dataset set, int batchSize) {
      this.set = set;
      this.evaluationBatch = Math.min(batchSize, set.size());
      this.buffers = new BatchBuffers(set, evaluationBatch);
      this.order = new int[set.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
    }

    void run() {
      double lossSum = 0;
      long correct = 0;
      for (int from = 0; from < set.size(); from += evaluationBatch) {
        buffers.fill(order, from, Math.min(evaluationBatch, set.size() - from));
        try (NDManager scope = trainer.getManager().newSubManager()) {
          NDList logits = trainer.evaluate(buffers.features(scope));
          lossSum += TrainingLoop.this.loss.evaluate(buffers.labels(scope), logits).getFloat() * buffers.count();
          correct += buffers.countCorrect(logits.singletonOrThrow().toFloatArray());
        }
      }
      loss = lossSum / set.size();
      accuracy = (double) correct / set.size();
    }
  }

  /** Fisher-Yates with the given generator: the same seed gives the same order on every JVM. */
  private static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }
}
