package org.layerlab.runtime.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.Problem;
import org.layerlab.model.project.Project;
import org.layerlab.runtime.data.Dataset;
import org.layerlab.runtime.data.DatasetException;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.data.LoadedData;
import org.layerlab.runtime.preview.Progress;

/**
 * Runs every check on a project, the way a run would see it: loads its data with its options and splits, then checks the shapes,
 * the class balance, the overlap of the splits and, when the shapes fit, whether the model can overfit one batch. Findings come in
 * topic order (data, shapes, overfit, balance, overlap).
 */
public final class PreTrainingCheck {

  private PreTrainingCheck() {}

  /**
   * Checks {@code project}.
   *
   * @param projectDir the folder its relative dataset paths start from
   * @param progress reports the stages {@code load}, {@code shapes}, {@code balance}, {@code overlap} and {@code overfit};
   *     cancelling it ends the check at the next stage or step
   * @throws java.util.concurrent.CancellationException when cancelled
   */
  public static List<Finding> run(Project project, Path projectDir, Progress progress) {
    return run(project, projectDir, progress, java.util.Locale.ENGLISH);
  }

  /**
   * The check, with the model's shape problems worded in {@code locale} (English or Simplified Chinese), as a window in that
   * language shows them; the findings' own texts are keys the window words itself.
   */
  public static List<Finding> run(Project project, Path projectDir, Progress progress, java.util.Locale locale) {
    List<Finding> out = new ArrayList<>();
    progress.report(0, "load");
    LoadedData data;
    try {
      data = DatasetLoader.load(project.dataset(), projectDir, project.training());
    } catch (DatasetException e) {
      // the argument is what the window shows, in its language; the message stays English
      out.add(new Finding(Topic.DATA, Severity.ERROR, "data.unreadable", List.of(e.message(locale)), e.getMessage()));
      return out;
    } catch (IllegalArgumentException e) {
      out.add(new Finding(Topic.DATA, Severity.ERROR, "data.unreadable", List.of(e.getMessage()), e.getMessage()));
      return out;
    }
    progress.checkCancelled();
    Dataset train = data.train();

    progress.report(0.2, "shapes");
    DataSignature signature = train.signature();
    ModelAnalysis analysis = ModelAnalyzer.analyze(project.model(), signature, locale);
    boolean shapesFit = analysis.valid();
    if (shapesFit) {
      String output = analysis.outputShape().map(Object::toString).orElse("?");
      out.add(
          new Finding(
              Topic.SHAPES,
              Severity.OK,
              "shapes.ok",
              List.of(signature.sampleShape().toString(), output, signature.classes()),
              "The model takes samples "
                  + signature.sampleShape()
                  + " and outputs "
                  + output
                  + ", which fits "
                  + signature.classes()
                  + (train.isRegression() ? " targets." : " classes.")));
    } else {
      for (Problem p : analysis.problems()) {
        out.add(
            new Finding(
                Topic.SHAPES,
                Severity.ERROR,
                "shapes.problem",
                List.of(p.layerId() == null ? "" : p.layerId(), p.message()),
                p.toString()));
      }
    }
    progress.checkCancelled();

    progress.report(0.25, "balance");
    out.add(
        train.isRegression()
            ? new Finding(Topic.BALANCE, Severity.SKIPPED, "balance.regression", List.of(), "A regression has no classes to balance.")
            : ClassBalance.check(train.classCounts(), train.classNames()));

    progress.report(0.3, "overlap");
    out.add(overlap(train, data.validation(), "validation"));
    progress.checkCancelled();
    Optional<Dataset> test = data.test();
    if (test.isPresent()) {
      out.add(overlap(train, test.get(), "test"));
      progress.checkCancelled();
    }

    progress.report(0.4, "overfit");
    if (!shapesFit) {
      out.add(
          new Finding(
              Topic.OVERFIT,
              Severity.SKIPPED,
              "overfit.blocked",
              List.of(),
              "Overfitting one batch was not tried: fix the shapes first."));
    } else if (train.isRegression()) {
      out.add(
          new Finding(
              Topic.OVERFIT,
              Severity.SKIPPED,
              "overfit.regression",
              List.of(),
              "Overfitting one batch was not tried: Layerlab trains classifiers only so far."));
    } else {
      out.add(OverfitOneBatch.finding(OverfitOneBatch.train(project, projectDir, train, progress, 0.4, 1.0), locale));
    }
    progress.report(1, "done");
    out.sort(Comparator.comparing(Finding::topic));
    return out;
  }

  /** The finding of samples of {@code other} (the split named {@code split}) that are also in {@code train}. */
  static Finding overlap(Dataset train, Dataset other, String split) {
    int shared = OverlapDetector.count(train, other);
    if (shared == 0) {
      return new Finding(
          Topic.OVERLAP,
          Severity.OK,
          "overlap.none." + split,
          List.of(other.size()),
          "None of the " + other.size() + " " + split + " samples is also a training sample.");
    }
    return new Finding(
        Topic.OVERLAP,
        Severity.WARNING,
        "overlap.found." + split,
        List.of(shared, other.size()),
        shared
            + " of the "
            + other.size()
            + " "
            + split
            + " samples are identical to training samples, so the "
            + split
            + " score will look better than the model is: remove the duplicates from the data.");
  }
}
