package org.layerlab.runtime.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.optimizer.Sgd;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.project.OptimizerKind;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.compile.BlockCompiler;
import org.layerlab.runtime.compile.CompiledModel;
import org.layerlab.runtime.compile.InvalidModelException;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.DatasetException;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.data.LoadedData;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run: loads the data, compiles the model, trains for the project's epochs and reports through a {@link TrainingListener}.
 *
 * <p>{@link #call()} trains on the calling thread and returns when the run ends; callers run it on a background thread of their
 * choice. {@link #stop()} may be called from any thread: the run ends after the current batch with status STOPPED. Exceptions
 * never escape {@code call()}: a failure ends the run with status FAILED and a message naming the cause and the fix.
 *
 * <p>How it trains: DJL's {@link Trainer} with {@link SoftmaxCrossEntropyLoss} on the logits of a block compiled by
 * {@link BlockCompiler#compileForTraining} (a trailing softmax is left out of it), SGD with momentum or Adam at a fixed learning rate.
 * Every epoch visits the training samples in a new order drawn from a {@link Random} seeded with the project's seed; each batch is
 * gathered from the dataset's flat array into one NDArray, in an NDManager closed after the batch. After every epoch the validation
 * set is measured in batches, without gradients and with dropout off.
 *
 * <p>Endings: FINISHED after the last epoch; STOPPED at the first batch boundary after {@link #stop()} (or an interrupt);
 * DIVERGED when a batch's loss, or an epoch's validation loss, is NaN or infinite (that step is named in the message, not sent as
 * a {@link StepMetrics}, so that stores and charts only ever see finite numbers); FAILED when the settings, the data or the model
 * cannot be used, or the engine fails. Data and model problems end the run before {@code onRunStarted}.
 *
 * <p>Reproducibility: the same project and seed give the same split, the same batch order and the same initial weights, so the same
 * step losses. The engine's random generator, which also draws the dropout masks, is global to the process: two runs that train at
 * the same time in one process share it, and their dropout masks then depend on timing.
 *
 * <p>A run is used once: a second {@code call()} returns a FAILED result at once and tells the listener nothing.
 */
public final class TrainingRun implements Callable<RunEnded> {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

  /** Seeding the engine and initialising the weights happen together, so that concurrent runs each get their seed's weights. */
  private static final Object SEED_LOCK = new Object();

  /**
   * DJL's PyTorch engine allows one gradient collector per process at a time; runs in parallel take turns batch by batch.
   */
  private static final Object GRADIENT_LOCK = new Object();

  /** Runs train on the CPU; a run's provenance records it through {@link #device()}. */
  private static final Device DEVICE = Device.cpu();

  private static final int THROUGHPUT_WINDOW = 20;
  private static final int MIN_EVALUATION_BATCH = 256;

  private final TrainingRequest request;
  private final TrainingListener listener;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final AtomicBoolean called = new AtomicBoolean();

  // Progress, touched only by the training thread.
  private long step;
  private int epochsCompleted;
  private double lastValidationAccuracy = Double.NaN;

  public TrainingRun(TrainingRequest request, TrainingListener listener) {
    this.request = Objects.requireNonNull(request, "request");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public RunEnded call() {
    if (!called.compareAndSet(false, true)) {
      return new RunEnded(
          request.runId(),
          RunStatus.FAILED,
          0,
          Double.NaN,
          "This run has already been started once: create a new TrainingRun to train again.",
          System.currentTimeMillis());
    }
    RunEnded end;
    try {
      end = train();
    } catch (Throwable e) { // the contract: nothing escapes call(), every ending is reported
      LOG.error("Run '{}' failed at step {}", request.runName(), step, e);
      end = ended(RunStatus.FAILED, failureMessage(e));
    }
    try {
      listener.onRunEnded(end);
    } catch (RuntimeException e) {
      LOG.warn("A training listener threw from onRunEnded; the run ended anyway", e);
    }
    return end;
  }

  /** The device runs train on, as DJL names it, such as {@code cpu()}. */
  public static String device() {
    return DEVICE.toString();
  }

  /**
   * How many threads the engine uses inside one operation (PyTorch's intra-op pool), or 0 when the engine does not say. Starts the
   * engine if it has not started.
   */
  public static int engineThreads() {
    return "PyTorch".equals(Engine.getInstance().getEngineName()) ? JniUtils.getNumThreads() : 0;
  }

  /** Asks the run to end after the current batch, with status STOPPED. Safe from any thread, and more than once. */
  public void stop() {
    stopRequested.set(true);
  }

  private boolean stopping() {
    return stopRequested.get() || Thread.currentThread().isInterrupted();
  }

  private RunEnded train() {
    Project project = request.project();
    TrainingSettings settings = project.training();
    List<String> settingProblems = settings.problems();
    if (!settingProblems.isEmpty()) {
      return ended(RunStatus.FAILED, "The training settings cannot be used: " + String.join("; ", settingProblems) + ".");
    }
    LoadedData data;
    try {
      data = DatasetLoader.load(project.dataset(), request.projectDir(), settings);
    } catch (DatasetException e) {
      return ended(RunStatus.FAILED, "The data could not be loaded: " + e.getMessage());
    }
    LOG.info("Run '{}': {}", request.runName(), data.source());
    CompiledModel compiled;
    try {
      compiled = BlockCompiler.compileForTraining(project.model());
    } catch (InvalidModelException e) {
      return ended(RunStatus.FAILED, e.getMessage());
    }
    ModelAnalysis fit = ModelAnalyzer.analyze(project.model(), data.train().signature());
    if (!fit.valid()) {
      return ended(
          RunStatus.FAILED,
          "The model does not fit the data (samples "
              + data.train().sampleShape()
              + ", "
              + data.train().classes()
              + " classes): "
              + InvalidModelException.describe(fit.problems()));
    }
    if (stopping()) {
      return ended(RunStatus.STOPPED, "Stopped by the user before training began.");
    }
    return fit(compiled, data, settings);
  }

  private RunEnded fit(CompiledModel compiled, LoadedData data, TrainingSettings settings) {
    Dataset train = data.train();
    int batchSize = Math.min(settings.batchSize(), train.size());
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss())
            .optOptimizer(optimizer(settings))
            .optDevices(new Device[] {DEVICE});
    boolean restoreGradMode = switchGradModeOff();
    try (Model model = Model.newInstance("layerlab", DEVICE)) {
      model.setBlock(compiled.block());
      try (Trainer trainer = model.newTrainer(config)) {
        synchronized (SEED_LOCK) {
          Engine.getInstance().setRandomSeed(engineSeed(settings.seed()));
          trainer.initialize(BlockCompiler.batchShape(train.sampleShape(), batchSize));
        }
        return trainEpochs(trainer, data, settings, batchSize);
      }
    } finally {
      if (restoreGradMode) {
        JniUtils.setGradMode(true);
      }
    }
  }

  private RunEnded trainEpochs(Trainer trainer, LoadedData data, TrainingSettings settings, int batchSize) {
    Dataset train = data.train();
    int batches = (train.size() + batchSize - 1) / batchSize;
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

    for (int epoch = 1; epoch <= epochs; epoch++) {
      shuffle(order, shuffling);
      double lossSum = 0;
      long correct = 0;
      for (int batch = 1; batch <= batches; batch++) {
        if (stopping()) {
          return stoppedAt(epoch);
        }
        long began = System.nanoTime();
        int from = (batch - 1) * batchSize;
        buffers.fill(order, from, Math.min(batchSize, train.size() - from));
        int count = buffers.count();
        double loss;
        int right;
        try (NDManager scope = trainer.getManager().newSubManager()) {
          NDList labels = buffers.labels(scope);
          NDList logits;
          NDArray lossArray;
          synchronized (GRADIENT_LOCK) {
            try (GradientCollector collector = trainer.newGradientCollector()) {
              logits = trainer.forward(buffers.features(scope), labels);
              lossArray = trainer.getLoss().evaluate(labels, logits);
              collector.backward(lossArray);
            }
          }
          loss = lossArray.getFloat();
          step++;
          if (!Double.isFinite(loss)) {
            String where = " at step " + step + " (epoch " + epoch + ", batch " + batch + ")";
            return diverged("the training loss became " + loss + where, settings);
          }
          trainer.step();
          right = buffers.countCorrect(logits.singletonOrThrow().toFloatArray());
        }
        lossSum += loss * count;
        correct += right;
        double samplesPerSecond = throughput.add(count, System.nanoTime() - began);
        listener.onStep(
            new StepMetrics(step, epoch, batch, batches, loss, (double) right / count, samplesPerSecond, System.currentTimeMillis()));
      }
      validation.run(trainer);
      if (!Double.isFinite(validation.loss)) {
        return diverged("the validation loss became " + validation.loss + " after epoch " + epoch + " (step " + step + ")", settings);
      }
      epochsCompleted = epoch;
      lastValidationAccuracy = validation.accuracy;
      listener.onEpoch(
          new EpochMetrics(
              epoch,
              step,
              lossSum / train.size(),
              (double) correct / train.size(),
              validation.loss,
              validation.accuracy,
              System.currentTimeMillis()));
    }
    return ended(
        RunStatus.FINISHED,
        String.format(
            Locale.ROOT,
            "Finished %d %s (%d steps): validation accuracy %s, validation loss %.4f.",
            epochs,
            epochs == 1 ? "epoch" : "epochs",
            step,
            percent(lastValidationAccuracy),
            validation.loss));
  }

  /** Validation loss and accuracy of a whole set, measured in batches in evaluation mode: no dropout, no gradients. */
  private static final class Evaluation {
    private final Dataset data;
    private final BatchBuffers buffers;
    private final int batchSize;
    private final int[] order;
    double loss;
    double accuracy;

    Evaluation(Dataset data, int batchSize) {
      this.data = data;
      this.batchSize = Math.min(batchSize, data.size());
      this.buffers = new BatchBuffers(data, this.batchSize);
      this.order = new int[data.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
    }

    void run(Trainer trainer) {
      double lossSum = 0;
      long correct = 0;
      for (int from = 0; from < data.size(); from += batchSize) {
        buffers.fill(order, from, Math.min(batchSize, data.size() - from));
        try (NDManager scope = trainer.getManager().newSubManager()) {
          NDList logits = trainer.evaluate(buffers.features(scope));
          lossSum += trainer.getLoss().evaluate(buffers.labels(scope), logits).getFloat() * buffers.count();
          correct += buffers.countCorrect(logits.singletonOrThrow().toFloatArray());
        }
      }
      loss = lossSum / data.size();
      accuracy = (double) correct / data.size();
    }
  }

  private static Optimizer optimizer(TrainingSettings settings) {
    Tracker rate = Tracker.fixed((float) settings.learningRate());
    if (settings.optimizer() == OptimizerKind.SGD) {
      Sgd.Builder sgd = Optimizer.sgd().setLearningRateTracker(rate);
      if (settings.momentum() > 0) {
        sgd.optMomentum((float) settings.momentum());
      }
      return sgd.build();
    }
    return Optimizer.adam().optLearningRateTracker(rate).build();
  }

  /**
   * Switches PyTorch's grad mode off on the training thread, returning whether it was on. PyTorch records the operations for
   * backpropagation on every thread whose grad mode is on, and a new thread starts with it on: DJL only switches it off on the thread
   * that loaded the engine, and a gradient collector only switches it back off if it was off before. With it off, the training thread
   * records while a batch's gradients are collected and at no other time, so validation builds no graph.
   */
  private static boolean switchGradModeOff() {
    if (!"PyTorch".equals(Engine.getInstance().getEngineName()) || !JniUtils.isGradMode()) {
      return false;
    }
    JniUtils.setGradMode(false);
    return true;
  }

  /** The engine takes an int seed: fold the long so that every bit of it counts. */
  static int engineSeed(long seed) {
    return (int) (seed ^ (seed >>> 32));
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

  private RunEnded stoppedAt(int epoch) {
    String message =
        epochsCompleted == 0
            ? "Stopped by the user in epoch " + epoch + " at step " + step + ", before the first epoch ended."
            : "Stopped by the user in epoch "
                + epoch
                + " at step "
                + step
                + "; validation accuracy after epoch "
                + epochsCompleted
                + ": "
                + percent(lastValidationAccuracy)
                + ".";
    return ended(RunStatus.STOPPED, message);
  }

  private RunEnded diverged(String what, TrainingSettings settings) {
    double rate = settings.learningRate();
    return ended(
        RunStatus.DIVERGED,
        "Training diverged: "
            + what
            + ". Lower the learning rate: it is "
            + number(rate)
            + " with "
            + (settings.optimizer() == OptimizerKind.SGD ? "SGD" : "Adam")
            + "; try "
            + number(rate / 10)
            + ".");
  }

  private RunEnded ended(RunStatus status, String message) {
    return new RunEnded(request.runId(), status, epochsCompleted, lastValidationAccuracy, message, System.currentTimeMillis());
  }

  private String failureMessage(Throwable e) {
    String where = step == 0 ? "" : " at step " + step;
    if (e instanceof OutOfMemoryError) {
      return "Training ran out of memory" + where + ": lower the batch size, use a smaller model, or give Layerlab more memory (-Xmx).";
    }
    if (e instanceof LinkageError || e.getClass().getName().equals("ai.djl.engine.EngineException")) {
      return "The PyTorch engine could not start ("
          + e
          + "): check that pytorch-engine, pytorch-jni and pytorch-native-cpu of matching versions are on the class path.";
    }
    return "Training failed" + where + ": " + e + ". This is likely a bug in Layerlab or DJL; the log holds the full error.";
  }

  private static String percent(double fraction) {
    return Double.isNaN(fraction) ? "unknown" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
