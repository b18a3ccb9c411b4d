package org.layerlab.runtime.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.checkpoint.Checkpoint;
import org.layerlab.runtime.checkpoint.CheckpointFolder;
import org.layerlab.runtime.checkpoint.CheckpointInfo;
import org.layerlab.runtime.checkpoint.CheckpointKind;
import org.layerlab.runtime.checkpoint.Tensor;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.ImageAugmenter;
import org.layerlab.runtime.data.LoadedData;
import org.layerlab.runtime.events.CheckpointSaved;
import org.layerlab.runtime.events.ClassReport;
import org.layerlab.runtime.events.ClassificationScores;
import org.layerlab.runtime.events.EarlyStopped;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.EpochScores;
import org.layerlab.runtime.events.LearningRateChanged;
import org.layerlab.runtime.events.ParameterHistogram;
import org.layerlab.runtime.events.ParameterHistograms;
import org.layerlab.runtime.events.RegressionReport;
import org.layerlab.runtime.events.RegressionScores;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunPaused;
import org.layerlab.runtime.events.RunRestored;
import org.layerlab.runtime.events.RunResumed;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepDetails;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TestReport;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.metrics.ClassificationTally;
import org.layerlab.runtime.metrics.ConfusionMatrix;
import org.layerlab.runtime.metrics.Histograms;
import org.layerlab.runtime.metrics.MetricWatch;
import org.layerlab.runtime.metrics.RegressionErrors;
import org.layerlab.runtime.metrics.WorstSamples;
import org.layerlab.runtime.optim.Gradients;
import org.layerlab.runtime.optim.LayerlabOptimizer;
import org.layerlab.runtime.optim.LearningRateSchedule;
import org.layerlab.runtime.optim.ParameterRates;
import org.layerlab.runtime.optim.SampleLoss;
import org.layerlab.runtime.optim.ScheduleTracker;
import org.layerlab.runtime.text.RuntimeMessages;

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
  private final Checkpoint resumeFrom;
  private final Transfer.Outcome transfer;
  private final CheckpointFolder checkpoints;

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
      RunControl control,
      Checkpoint resumeFrom,
      Transfer.Outcome transfer) {
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
    this.resumeFrom = resumeFrom;
    this.transfer = transfer;
    this.checkpoints = request.checkpointDir() == null ? null : CheckpointFolder.of(request.checkpointDir());
    if (resumeFrom != null) {
      endings.step = resumeFrom.info().step();
      endings.epochsCompleted = resumeFrom.info().epoch();
      endings.lastValidationAccuracy = resumeFrom.info().validationAccuracy();
      endings.lastValidationLoss = resumeFrom.info().validationLoss();
    }
    this.train = data.train();
    this.batches = (train.size() + batchSize - 1) / batchSize;
    this.schedule = control.rates.over(TrainingSetup.schedule(settings, batches));
    this.trainable = parameters.trainable();
    Map<String, Float> factors = transfer == null ? Map.of() : transfer.rateFactors();
    this.optimizer = TrainingSetup.optimizer(settings, new ParameterRates(new ScheduleTracker(schedule), factors), (int) endings.step);
  }

  RunEnded run() {
    int epochs = settings.epochs();
    listener.onRunStarted(
        new RunStarted(
            request.runId(),
            request.runName(),
            epochs,
            batches,
            train.size(),
            data.validation().size(),
            System.currentTimeMillis(),
            trainer.getDevices()[0].toString()));
    if (transfer != null && transfer.event() != null) {
      listener.onWeightsTransferred(transfer.event());
    }
    BatchBuffers buffers = new BatchBuffers(train, batchSize);
    int[] order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random shuffling = new Random(settings.seed());
    ThroughputMeter throughput = new ThroughputMeter(THROUGHPUT_WINDOW);
    if (checkpoints != null) {
      try {
        checkpoints.writeProject(ProjectFiles.toJson(request.project()));
        checkpoints.writeClassNames(train.classNames());
        if (data.scaling().isPresent()) {
          checkpoints.writeScaling(data.scaling().get().toJson()); // predict must scale raw samples as the data was
        }
      } catch (IOException e) {
        return checkpointFailed(e);
      }
    }
    Evaluator validation = new Evaluator(data.validation(), Math.max(batchSize, MIN_EVALUATION_BATCH));
    double clipNorm = settings.optimizerOptions().gradientClipNorm();
    int histogramEvery = settings.reporting().histogramEvery();
    TrainingSettings.EarlyStopping stopRule = settings.earlyStopping();
    TrainingSettings.Metric watched = stopRule == null ? TrainingSettings.Metric.VALIDATION_LOSS : stopRule.metric();
    MetricWatch watch = new MetricWatch(watched.higherIsBetter(), stopRule == null ? 0 : stopRule.minDelta());
    double rate = schedule.rate(endings.step);
    BoundaryGrid boundary = BoundaryGrid.forData(train);
    int firstEpoch = 1;
    if (resumeFrom != null) {
      CheckpointInfo info = resumeFrom.info();
      Checkpointing.restoreAll(parameters, resumeFrom.parameters());
      Checkpointing.restoreOptimizer(parameters, optimizer, resumeFrom.optimizerState());
      schedule.restore(info.scheduleState());
      watch.restore(info.bestValue(), info.bestEpoch(), info.epochsWithoutImprovement());
      for (int e = 1; e <= info.epoch(); e++) {
        shuffle(order, shuffling); // the orders of the epochs already trained, so the next epoch gets its own
      }
      firstEpoch = info.epoch() + 1;
      listener.onRunRestored(new RunRestored(info.epoch(), info.step(), resumeFrom.folder().toString(), System.currentTimeMillis()));
      if (firstEpoch > epochs) {
        return endings.ended(
            RunStatus.FINISHED,
            "The checkpoint already holds all "
                + epochs
                + " epochs: nothing was left to train. Raise the number of epochs to train on from it.");
      }
    }

    for (int epoch = firstEpoch; epoch <= epochs; epoch++) {
      shuffle(order, shuffling);
      // Dropout masks come from the engine's generator: seeding it per epoch makes an epoch's masks the same whether the run got
      // there in one go or was resumed from a checkpoint.
      synchronized (TrainingRun.SEED_LOCK) {
        Engine.getInstance().setRandomSeed(TrainingRun.engineSeed(settings.seed() * 1_000_003L + epoch));
      }
      Figures trainFigures = Figures.of(train);
      // Seeded per epoch, like the dropout masks, so a resumed run augments its next epoch as an uninterrupted one would.
      Optional<ImageAugmenter> augmenter = data.trainingAugmenter(settings.seed() * 1_000_003L + epoch);
      for (int batch = 1; batch <= batches; batch++) {
        nextEpoch = epoch;
        nextBatch = batch;
        if (control.awaitTurn(this) == RunControl.Turn.STOP) {
          return endings.stoppedAt(epoch);
        }
        double[] rateChange = control.rates.applyPending(endings.step);
        if (rateChange != null) {
          listener.onLearningRateChanged(
              new LearningRateChanged(endings.step + 1, epoch, rateChange[0], rateChange[1], System.currentTimeMillis()));
        }
        long began = System.nanoTime();
        int from = (batch - 1) * batchSize;
        buffers.fill(order, from, Math.min(batchSize, train.size() - from));
        augmenter.ifPresent(buffers::augment);
        int count = buffers.count();
        double batchLoss;
        double batchAccuracy;
        double gradientNorm;
        boolean clipped;
        ParameterHistograms histograms = null;
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
            return endings.diverged(
                RuntimeMessages.text(
                    "run.diverged.trainingLoss",
                    String.valueOf(batchLoss),
                    String.valueOf(endings.step),
                    String.valueOf(epoch),
                    String.valueOf(batch)));
          }
          rate = schedule.rate(endings.step - 1);
          List<NDArray> gradients = new ArrayList<>(trainable.size());
          try {
            for (ModelParameters.Named p : trainable) {
              gradients.add(p.array().getGradient());
            }
            gradientNorm = Gradients.globalNorm(gradients);
            if (histogramEvery > 0 && endings.step % histogramEvery == 0) {
              histograms = histograms(epoch, gradients);
            }
            clipped = clipNorm > 0 && Gradients.clipByGlobalNorm(gradients, gradientNorm, clipNorm);
            for (int i = 0; i < trainable.size(); i++) {
              ModelParameters.Named p = trainable.get(i);
              optimizer.update(p.id(), p.array(), gradients.get(i));
            }
          } finally {
            gradients.forEach(NDArray::close);
          }
          batchAccuracy = trainFigures.add(logits.singletonOrThrow().toFloatArray(), buffers);
        }
        trainFigures.addLoss(batchLoss * count);
        double samplesPerSecond = throughput.add(count, System.nanoTime() - began);
        long now = System.currentTimeMillis();
        listener.onStep(new StepMetrics(endings.step, epoch, batch, batches, batchLoss, batchAccuracy, samplesPerSecond, now));
        listener.onStepDetails(new StepDetails(endings.step, epoch, batch, rate, gradientNorm, clipped, now));
        if (histograms != null) {
          listener.onHistograms(histograms);
        }
      }
      // A classification's validation pass also collects the confusion matrix with the samples of each cell, for the monitor.
      ConfusionCollector confusion = data.validation().isRegression() ? null : new ConfusionCollector(data.validation().classes());
      Figures validationFigures = validation.run(trainer, loss, confusion);
      if (!Double.isFinite(validationFigures.loss())) {
        return endings.diverged(
            RuntimeMessages.text(
                "run.diverged.validationLoss", String.valueOf(validationFigures.loss()), String.valueOf(epoch), String.valueOf(endings.step)));
      }
      endings.epochEnded(epoch, validationFigures);
      schedule.epochEnded(epoch, value(settings.schedule().monitor(), trainFigures, validationFigures));
      long now = System.currentTimeMillis();
      listener.onEpoch(
          new EpochMetrics(
              epoch,
              endings.step,
              trainFigures.loss(),
              trainFigures.accuracy(),
              validationFigures.loss(),
              validationFigures.accuracy(),
              now));
      trainFigures.sendEpoch(listener, epoch, endings.step, validationFigures, rate, now);
      if (confusion != null) {
        listener.onValidationConfusion(confusion.event(epoch, endings.step, data.validation().classNames(), now));
      }
      if (boundary != null) {
        listener.onDecisionBoundary(boundary.evaluate(trainer, epoch, endings.step));
      }
      double watchedValue = value(watched, trainFigures, validationFigures);
      boolean best = watch.offer(epoch, watchedValue);
      if (checkpoints != null) {
        try {
          saveCheckpoints(epoch, watched, watchedValue, watch, best);
        } catch (IOException e) {
          return checkpointFailed(e);
        }
      }
      if (stopRule != null && watch.epochsWithoutImprovement() >= stopRule.patience() && epoch < epochs) {
        listener.onEarlyStopped(
            new EarlyStopped(epoch, watched.jsonName(), watch.bestEpoch(), watch.best(), stopRule.patience(), System.currentTimeMillis()));
        reportTest();
        return endings.stoppedEarly(watched, stopRule, watch);
      }
    }
    reportTest();
    return endings.finished(epochs);
  }

  /** Histograms of every parameter's weights, and of the trainable ones' gradients ({@code gradients}, in trainable order). */
  private ParameterHistograms histograms(int epoch, List<NDArray> gradients) {
    List<ParameterHistogram> out = new ArrayList<>();
    for (ModelParameters.Named p : parameters.all()) {
      out.add(Histograms.of(p.layerId(), p.name(), ParameterHistogram.WEIGHTS, p.array().toFloatArray(), Histograms.BINS));
      int i = trainable.indexOf(p);
      if (i >= 0) {
        out.add(Histograms.of(p.layerId(), p.name(), ParameterHistogram.GRADIENTS, gradients.get(i).toFloatArray(), Histograms.BINS));
      }
    }
    return new ParameterHistograms(endings.step, epoch, out, System.currentTimeMillis());
  }

  /** Measures the final weights on the test split (the validation set when there is none) and reports it. */
  private void reportTest() {
    Dataset set = data.test().orElse(data.validation());
    String name = data.test().isPresent() ? "test" : "validation";
    if (set.isRegression()) {
      reportRegressionTest(set, name);
      return;
    }
    WorstSamples worst = new WorstSamples(settings.reporting().worstSamples(), set.classes());
    Evaluator evaluator = new Evaluator(set, Math.max(batchSize, MIN_EVALUATION_BATCH));
    ClassificationTally tally =
        ((Figures.Classification) evaluator.run(trainer, loss, (from, count, logits, batch, losses) -> worst.offer(from, count, logits, batch.labelArray(), losses))).tally;
    ConfusionMatrix m = tally.confusion();
    List<ClassReport> perClass = new ArrayList<>();
    for (int c = 0; c < set.classes(); c++) {
      perClass.add(new ClassReport(c, set.classNames().get(c), m.support(c), m.precision(c), m.recall(c), m.f1(c)));
    }
    ClassificationScores scores = tally.scores();
    endings.testSet = name;
    endings.testAccuracy = scores.accuracy();
    endings.testSamples = scores.samples();
    listener.onTestReport(
        new TestReport(name, scores, set.classNames(), m.counts(), perClass, worst.worstFirst(), System.currentTimeMillis()));
  }

  /** The regression counterpart of the test report: errors, their spread, and the samples predicted worst. */
  private void reportRegressionTest(Dataset set, String name) {
    RegressionErrors errors = new RegressionErrors(set.targetCount(), settings.reporting().worstSamples());
    Evaluator evaluator = new Evaluator(set, Math.max(batchSize, MIN_EVALUATION_BATCH));
    Figures.Regression figures =
        (Figures.Regression) evaluator.run(trainer, loss, (from, count, outputs, batch, losses) -> errors.offer(from, count, outputs, batch.targetArray()));
    RegressionScores scores = figures.scores();
    endings.testReported(name, scores);
    listener.onRegressionReport(
        new RegressionReport(
            name,
            scores,
            set.targetNames(),
            errors.meanError(),
            errors.quantile(0.5),
            errors.quantile(0.9),
            errors.quantile(1),
            errors.worstFirst(),
            System.currentTimeMillis()));
  }

  private void saveCheckpoints(int epoch, TrainingSettings.Metric watched, double value, MetricWatch watch, boolean best)
      throws IOException {
    CheckpointInfo info =
        new CheckpointInfo(
            request.runId(),
            epoch,
            endings.step,
            watched.jsonName(),
            value,
            watch.best(),
            watch.bestEpoch(),
            watch.epochsWithoutImprovement(),
            schedule.state(),
            endings.lastValidationLoss,
            endings.lastValidationAccuracy,
            System.currentTimeMillis());
    Map<String, Tensor> weights = Checkpointing.parameters(parameters);
    Path last = checkpoints.write(CheckpointKind.LAST, weights, Checkpointing.optimizerState(parameters, optimizer), info);
    listener.onCheckpointSaved(
        new CheckpointSaved(epoch, endings.step, "last", last.toString(), watched.jsonName(), value, System.currentTimeMillis()));
    if (best) {
      Path path = checkpoints.write(CheckpointKind.BEST, weights, Map.of(), info);
      listener.onCheckpointSaved(
          new CheckpointSaved(epoch, endings.step, "best", path.toString(), watched.jsonName(), value, System.currentTimeMillis()));
    }
  }

  private RunEnded checkpointFailed(IOException e) {
    return endings.ended(
        RunStatus.FAILED,
        "The checkpoint could not be written to "
            + checkpoints.dir()
            + " ("
            + e.getMessage()
            + "): free some disk space or let the run keep its checkpoints elsewhere.");
  }

  @Override
  public void paused() {
    listener.onRunPaused(new RunPaused(endings.step, nextEpoch, nextBatch, System.currentTimeMillis()));
  }

  @Override
  public void resumed(boolean singleStep) {
    listener.onRunResumed(new RunResumed(endings.step, singleStep, System.currentTimeMillis()));
  }

  /** The value of {@code metric} after an epoch. */
  static double value(TrainingSettings.Metric metric, Figures train, Figures validation) {
    return metric == TrainingSettings.Metric.TRAIN_LOSS ? train.loss() : validation.value(metric);
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
