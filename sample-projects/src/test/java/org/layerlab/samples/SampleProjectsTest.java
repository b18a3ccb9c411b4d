package org.layerlab.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.EpochRegressionScores;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;

/** Every sample project opens, validates and trains on the data it ships. */
class SampleProjectsTest {

  /** The module folder is the working directory under Maven: the samples sit beside this pom. */
  private static final Path SAMPLES = Path.of("").toAbsolutePath();

  static Stream<Path> sampleFolders() throws IOException {
    try (Stream<Path> s = Files.list(SAMPLES)) {
      List<Path> found = s.filter(p -> Files.isRegularFile(p.resolve(ProjectFiles.FILE_NAME))).sorted().toList();
      return found.stream();
    }
  }

  @Test
  void bothWalkingSkeletonSamplesAreThere() throws IOException {
    List<String> names = sampleFolders().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.containsAll(List.of("spiral", "fashion-mnist-mlp", "sine-regression")), names.toString());
  }

  @ParameterizedTest
  @MethodSource("sampleFolders")
  void sampleLoadsValidatesAndSurvivesARoundTrip(Path folder) throws Exception {
    Project p = ProjectFiles.read(folder);
    assertTrue(ModelAnalyzer.analyze(p.model()).valid(), () -> ModelAnalyzer.analyze(p.model()).problems().toString());
    assertEquals(p, ProjectFiles.parse(ProjectFiles.toJson(p), folder), "writing and reading gives the same project");
  }

  @ParameterizedTest
  @MethodSource("sampleFolders")
  void sampleTrainsOnItsShippedDataAndLearns(Path folder) throws Exception {
    Project p = ProjectFiles.read(folder);
    if (p.dataset() instanceof DatasetRef.Idx idx) {
      // Train on the shipped subset even where the full dataset is installed, and only one epoch: the point is that it learns.
      p = p.withDataset(idx.withUseFullWhenAvailable(false)).withTraining(p.training().withEpochs(1));
    }
    List<EpochMetrics> epochs = new ArrayList<>();
    List<EpochRegressionScores> regression = new ArrayList<>();
    TrainingListener collect =
        new TrainingListener() {
          @Override
          public void onEpoch(EpochMetrics m) {
            epochs.add(m);
          }

          @Override
          public void onEpochRegressionScores(EpochRegressionScores s) {
            regression.add(s);
          }
        };
    RunEnded end = new TrainingRun(new TrainingRequest(p, folder, "sample test", null), collect).call();
    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    assertEquals(p.training().epochs(), epochs.size());
    if (p.dataset() instanceof DatasetRef.Synthetic s && s.kind().task() == DatasetRef.Task.REGRESSION) {
      // A constant prediction has R² 0; the regression sample promises a close fit of its noisy curve.
      double r2 = regression.get(regression.size() - 1).validation().rSquared();
      assertTrue(r2 > 0.9, folder.getFileName() + " reached only R² " + r2);
      return;
    }
    // Chance is 1 / classes; a sample that learns is far above it after its epochs.
    int classes =
        p.dataset() instanceof DatasetRef.Spiral s ? s.classes() : ((DatasetRef.Idx) p.dataset()).classNames().size();
    double chance = 1.0 / classes;
    assertTrue(
        end.finalValidationAccuracy() > Math.min(0.95, 4 * chance),
        folder.getFileName() + " reached only " + end.finalValidationAccuracy());
    if (p.dataset() instanceof DatasetRef.Spiral) {
      assertTrue(end.finalValidationAccuracy() >= 0.95, "the spiral sample promises 0.95: " + end.finalValidationAccuracy());
    }
  }
}
