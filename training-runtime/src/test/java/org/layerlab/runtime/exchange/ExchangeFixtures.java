package org.layerlab.runtime.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunStore;

/** Runs the exchange tests fill a store with, through the store's own API. */
final class ExchangeFixtures {

  /** A start time with milliseconds, so that a lost fraction of a second shows. */
  static final long START = 1_700_000_000_123L;

  /** A tag outside {@link MetricTags}, with characters beyond ASCII, and a negative step (a ten-byte varint). */
  static final String CUSTOM_TAG = "custom/准确率 (%)";

  private ExchangeFixtures() {}

  /** Input(2) - Dense(16) - Dense(3): 2 * 16 + 16 + 16 * 3 + 3 = 99 parameters. */
  static Project project() {
    ModelSpec model =
        ModelSpec.of(
            new LayerSpec("input", LayerType.INPUT, Map.of("shape", List.of(2))),
            new LayerSpec("hidden", LayerType.DENSE, Map.of("units", 16)),
            new LayerSpec("out", LayerType.DENSE, Map.of("units", 3)));
    TrainingSettings training =
        TrainingSettings.defaults().withLearningRate(0.003).withBatchSize(16).withEpochs(3).withSeed(7).withValidationFraction(0.25);
    return new Project("Spiral demo", "", model, new DatasetRef.Spiral(3, 100, 0.1, 1), training);
  }

  /** Records a finished run with step tags over 40 steps (one loss NaN), three epochs and a custom tag; returns its id. */
  static String recordRun(RunStore store, String name, long start) {
    String id = store.createRun(name, "Spiral demo", ProjectFiles.toJson(project()), start);
    store.appendMetrics(id, points(start));
    store.endRun(id, RunStatus.FINISHED, start + 60_000, 0.8125, "done");
    return id;
  }

  static List<MetricPoint> points(long start) {
    List<MetricPoint> points = new ArrayList<>();
    for (int step = 1; step <= 40; step++) {
      long wall = start + 137L * step + step % 7;
      double loss = step == 13 ? Double.NaN : 2.0 / (1 + step) + 1e-3 * step;
      points.add(new MetricPoint(MetricTags.STEP_LOSS, step, wall, loss));
      points.add(new MetricPoint(MetricTags.STEP_ACCURACY, step, wall, Math.min(1, step / 41.0)));
      points.add(new MetricPoint(MetricTags.STEP_SAMPLES_PER_SECOND, step, wall, 15_000.25 + step));
    }
    for (int epoch = 1; epoch <= 3; epoch++) {
      long wall = start + 20_000L * epoch;
      points.add(new MetricPoint(MetricTags.TRAIN_LOSS, epoch, wall, 1.0 / epoch));
      points.add(new MetricPoint(MetricTags.VALIDATION_ACCURACY, epoch, wall, 0.5 + 0.1 * epoch + 0.0125));
    }
    points.add(new MetricPoint(CUSTOM_TAG, -1, start + 5, -3.5e-7));
    points.add(new MetricPoint(CUSTOM_TAG, 0, start + 6, 0.0));
    return points;
  }
}
