package org.layerlab.runtime.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.LoadedData;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.preview.Progress;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;

/**
 * Trains the model on one batch, over and over, to see whether it can learn that batch by heart. Any model that can learn at all
 * drives the loss of a single batch close to zero within a few dozen steps; one that cannot has a bug: a learning rate of zero,
 * frozen layers, an output that does not depend on the input, labels that do not match the samples. This is the first of Andrej
 * Karpathy's "recipe for training neural networks" checks ("overfit one batch").
 *
 * <p>The batch is drawn with the project's seed from the training split; training runs through the same {@link TrainingRun} a real
 * run uses, with the project's model, optimizer, learning rate and loss, but a constant learning rate, no early stopping, no
 * transfer and no augmentation, for {@link #STEPS} steps. The loss before the first update is compared with the loss on the same
 * batch after the last (measured without dropout).
 *
 * @see <a href="https://karpathy.github.io/2019/04/25/recipe/">A Recipe for Training Neural Networks</a>
 */
public final class OverfitOneBatch {

  /** How many updates the model gets on its one batch. */
  public static final int STEPS = 50;

  /** The largest batch used; a smaller one is learnt by heart faster. */
  public static final int MAX_BATCH = 32;

  /** The share by which the loss must fall for a pass: to a tenth of where it started. */
  public static final double PASS_REDUCTION = 0.9;

  /** The share below which the model is taken not to learn at all. */
  public static final double FAIL_REDUCTION = 0.5;

  private OverfitOneBatch() {}

  /**
   * What happened.
   *
   * @param initialLoss the loss of the batch before the first update
   * @param finalLoss the loss of the same batch after the last update, without dropout
   * @param finalAccuracy the share of the batch the model then classifies right
   */
  public record Outcome(double initialLoss, double finalLoss, double finalAccuracy, int steps, int batchSize, RunEnded ended) {

    /** How much of the starting loss is gone: 1 when it reached zero, 0 when it did not move, negative when it rose. */
    public double reduction() {
      return 1 - finalLoss / initialLoss;
    }
  }

  /**
   * Trains the project's model on one batch of {@code train}.
   *
   * @param progress reports from {@code from} to {@code to}; cancelling it stops training
   * @throws CancellationException when cancelled
   */
  public static Outcome train(Project project, Path projectDir, Dataset train, Progress progress, double from, double to) {
    TrainingSettings base = project.training();
    int batch = Math.max(1, Math.min(Math.min(MAX_BATCH, base.batchSize()), train.size()));
    int[] order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(base.seed());
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] chosen = new int[batch];
    System.arraycopy(order, 0, chosen, 0, batch);
    Dataset one = train.subset(chosen, train.name() + " one batch");
    TrainingSettings settings =
        base.withEpochs(STEPS)
            .withBatchSize(batch)
            .withSchedule(TrainingSettings.Schedule.CONSTANT)
            .withEarlyStopping(null)
            .withTransfer(null)
            .withReporting(TrainingSettings.Reporting.DEFAULT);
    LoadedData data = new LoadedData(one, one, Optional.empty(), "one batch of " + batch + " training samples");
    TrainingRequest request =
        new TrainingRequest(project.withTraining(settings), projectDir, "overfit one batch", null).withData(data);
    double[] first = {Double.NaN};
    EpochMetrics[] last = {null};
    TrainingRun[] run = {null};
    run[0] =
        new TrainingRun(
            request,
            new TrainingListener() {
              @Override
              public void onStep(StepMetrics m) {
                if (Double.isNaN(first[0])) {
                  first[0] = m.loss();
                }
                progress.report(from + (to - from) * m.step() / STEPS, "overfit");
                if (progress.isCancelled()) {
                  run[0].stop();
                }
              }

              @Override
              public void onEpoch(EpochMetrics m) {
                last[0] = m;
              }
            });
    RunEnded ended = run[0].call();
    if (progress.isCancelled()) {
      throw new CancellationException("cancelled by the user");
    }
    double finalLoss = last[0] == null ? Double.NaN : last[0].validationLoss();
    double finalAccuracy = last[0] == null ? Double.NaN : last[0].validationAccuracy();
    return new Outcome(first[0], finalLoss, finalAccuracy, last[0] == null ? 0 : (int) last[0].step(), batch, ended);
  }

  /** The finding for an outcome. */
  public static Finding finding(Outcome o) {
    return finding(o, java.util.Locale.ENGLISH);
  }

  /** The finding for an outcome, with a failed run's reason (an argument the window shows) in {@code locale}'s language. */
  public static Finding finding(Outcome o, java.util.Locale locale) {
    String f0 = fmt(o.initialLoss());
    String f1 = fmt(o.finalLoss());
    if (o.ended().status() == RunStatus.DIVERGED) {
      return new Finding(
          Topic.OVERFIT,
          Severity.ERROR,
          "overfit.diverged",
          List.of(o.batchSize()),
          "Training on one batch of "
              + o.batchSize()
              + " samples diverged ("
              + o.ended().message()
              + "): lower the learning rate.");
    }
    if (o.ended().status() != RunStatus.FINISHED || Double.isNaN(o.initialLoss()) || Double.isNaN(o.finalLoss())) {
      return new Finding(
          Topic.OVERFIT,
          Severity.ERROR,
          "overfit.failed",
          List.of(o.ended().message(locale)),
          "The model could not be trained on one batch: " + o.ended().message());
    }
    int percent = (int) Math.round(100 * o.reduction());
    List<Object> args = List.of(o.steps(), o.batchSize(), f0, f1, percent);
    String facts = o.steps() + " steps on one batch of " + o.batchSize() + " samples took the loss from " + f0 + " to " + f1;
    if (o.reduction() >= PASS_REDUCTION) {
      return new Finding(Topic.OVERFIT, Severity.OK, "overfit.ok", args, facts + ": the model can learn.");
    }
    if (o.reduction() >= FAIL_REDUCTION) {
      return new Finding(
          Topic.OVERFIT,
          Severity.WARNING,
          "overfit.slow",
          args,
          facts
              + " ("
              + percent
              + "% lower), not near zero: the model learns slowly. Raise the learning rate, or make the model bigger.");
    }
    return new Finding(
        Topic.OVERFIT,
        Severity.ERROR,
        "overfit.stuck",
        args,
        facts
            + " ("
            + percent
            + "% lower): a model that cannot learn one batch by heart has a bug. Check that the learning rate is above 0, that"
            + " the layers are not all frozen, and that the output layer has one unit per class.");
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
