package org.layerlab.samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.data.LoadedData;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TestReport;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.events.WeightsTransferred;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;

/**
 * The Fashion-MNIST transfer-learning sample (see {@code fashion-mnist-transfer/README.md}): pretrain a CNN on classes 0-4, fine-tune
 * it on a few hundred images of classes 5-9, and compare with the same CNN trained on those images from scratch.
 */
public final class TransferLearningSample {

  /**
   * How much to train.
   *
   * @param fineTunePerClass training images per class for fine-tuning (and for the run from scratch)
   * @param full train on the full Fashion-MNIST when it is installed, with the project files' epochs
   */
  public record Limits(int pretrainPerClass, int pretrainEpochs, int fineTunePerClass, int fineTuneEpochs, boolean full) {
    /** The build's limits: a few seconds. */
    public static final Limits SMALL = new Limits(200, 2, 30, 6, false);
    /** The sample as its project files describe it. */
    public static final Limits FULL = new Limits(Integer.MAX_VALUE, 3, 60, 10, true);
  }

  /**
   * Test accuracies: the pretrained model on classes 0-4, the fine-tuned model and the model from scratch on classes 5-9.
   *
   * @param transfer what the fine-tuning run took over
   */
  public record Result(
      double pretrainAccuracy,
      double transferAccuracy,
      double scratchAccuracy,
      WeightsTransferred transfer,
      List<Double> transferCurve,
      List<Double> scratchCurve) {}

  private TransferLearningSample() {}

  /** Runs the sample with the project files in {@code sampleDir}, keeping checkpoints in {@code workDir}. */
  public static Result runExample(Path sampleDir, Path workDir, Limits limits) throws Exception {
    Project pretrain = ProjectFiles.read(sampleDir.resolve("pretrain.project.json"));
    Project fineTune = ProjectFiles.read(sampleDir.resolve("finetune.project.json"));
    DatasetRef.Idx ref = ((DatasetRef.Idx) pretrain.dataset()).withUseFullWhenAvailable(limits.full());
    LoadedData all = DatasetLoader.load(ref, sampleDir, pretrain.training());

    LoadedData first = classes(all, 0, limits.pretrainPerClass(), Integer.MAX_VALUE);
    Path pretrained = workDir.resolve("pretrain");
    Outcome a =
        train(pretrain.withTraining(pretrain.training().withEpochs(limits.pretrainEpochs())), sampleDir, first, pretrained);

    LoadedData second = classes(all, 5, limits.fineTunePerClass(), Math.max(20, limits.fineTunePerClass() / 2));
    Project tuned =
        fineTune.withTraining(
            fineTune.training()
                .withEpochs(limits.fineTuneEpochs())
                .withTransfer(fineTune.training().transfer().withFrom(pretrained.toAbsolutePath().toString())));
    Outcome b = train(tuned, sampleDir, second, workDir.resolve("finetune"));
    Outcome c = train(tuned.withTraining(tuned.training().withTransfer(null)), sampleDir, second, workDir.resolve("scratch"));
    return new Result(a.accuracy, b.accuracy, c.accuracy, b.transfer, b.curve, c.curve);
  }

  /** Prints the comparison. */
  public static String describe(Result r) {
    return String.format(
        Locale.ROOT,
        "pretrained on classes 0-4:               test accuracy %.3f%n"
            + "classes 5-9, fine-tuned from pretrained: test accuracy %.3f (loaded %s, fresh %s, frozen %s)%n"
            + "classes 5-9, from scratch:               test accuracy %.3f%n"
            + "validation accuracy by epoch, fine-tuned:   %s%n"
            + "validation accuracy by epoch, from scratch: %s%n",
        r.pretrainAccuracy(),
        r.transferAccuracy(),
        r.transfer().loadedLayers(),
        r.transfer().freshLayers(),
        r.transfer().frozenLayers(),
        r.scratchAccuracy(),
        rounded(r.transferCurve()),
        rounded(r.scratchCurve()));
  }

  private static List<String> rounded(List<Double> curve) {
    return curve.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList();
  }

  /** @param curve validation accuracy after each epoch */
  private record Outcome(double accuracy, WeightsTransferred transfer, List<Double> curve) {}

  private static Outcome train(Project p, Path dir, LoadedData data, Path checkpoints) {
    List<TestReport> reports = new ArrayList<>();
    List<WeightsTransferred> transfers = new ArrayList<>();
    List<Double> curve = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onEpoch(EpochMetrics m) {
            curve.add(m.validationAccuracy());
          }

          @Override
          public void onTestReport(TestReport r) {
            reports.add(r);
          }

          @Override
          public void onWeightsTransferred(WeightsTransferred e) {
            transfers.add(e);
          }
        };
    TrainingRequest request = new TrainingRequest(p, dir, p.name(), null).withCheckpoints(checkpoints).withData(data);
    RunEnded end = new TrainingRun(request, listener).call();
    if (end.status() != RunStatus.FINISHED) {
      throw new IllegalStateException(p.name() + " ended " + end.status() + ": " + end.message());
    }
    return new Outcome(reports.get(0).scores().accuracy(), transfers.isEmpty() ? null : transfers.get(0), List.copyOf(curve));
  }

  /**
   * Classes {@code from} to {@code from + 4} of {@code all}, relabelled 0-4: at most {@code trainPerClass} training and
   * {@code validationPerClass} validation images per class, in file order, and the whole test split of those classes.
   */
  static LoadedData classes(LoadedData all, int from, int trainPerClass, int validationPerClass) {
    Dataset test = all.test().orElseThrow(() -> new IllegalStateException("the sample needs the dataset's test files"));
    return new LoadedData(
        pick(all.train(), from, trainPerClass, "train"),
        pick(all.validation(), from, validationPerClass, "validation"),
        Optional.of(pick(test, from, Integer.MAX_VALUE, "test")),
        all.source() + ", classes " + from + "-" + (from + 4));
  }

  private static Dataset pick(Dataset d, int from, int perClass, String part) {
    List<Integer> chosen = new ArrayList<>();
    int[] taken = new int[5];
    for (int i = 0; i < d.size(); i++) {
      int c = d.label(i) - from;
      if (c >= 0 && c < 5 && taken[c] < perClass) {
        taken[c]++;
        chosen.add(i);
      }
    }
    int[] order = chosen.stream().mapToInt(Integer::intValue).toArray();
    float[] features = new float[order.length * d.sampleSize()];
    int[] labels = new int[order.length];
    d.gather(order, 0, order.length, features, labels);
    for (int i = 0; i < labels.length; i++) {
      labels[i] -= from;
    }
    return new Dataset(d.name() + " " + part, features, labels, d.sampleShape(), 5, d.classNames().subList(from, from + 5));
  }
}
