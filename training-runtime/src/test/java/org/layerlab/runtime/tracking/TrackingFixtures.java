package org.layerlab.runtime.tracking;

import java.util.ArrayList;
import java.util.List;
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
import org.layerlab.runtime.store.RunOptions;
import org.layerlab.runtime.store.RunStore;

/** Runs the tracking tests compare, recorded through the store's own API. */
final class TrackingFixtures {

  static final long START = 1_700_000_000_000L;

  private TrackingFixtures() {}

  /** Input(2) - Dense(units) - Dense(3) on a spiral, with the learning rate and seed given. */
  static Project project(int units, double learningRate, long seed) {
    ModelSpec model =
        ModelSpec.of(
            new LayerSpec("input", LayerType.INPUT, java.util.Map.of("shape", List.of(2))),
            new LayerSpec("hidden", LayerType.DENSE, java.util.Map.of("units", units)),
            new LayerSpec("out", LayerType.DENSE, java.util.Map.of("units", 3)));
    TrainingSettings t = TrainingSettings.defaults().withLearningRate(learningRate).withSeed(seed).withEpochs(3);
    return new Project("Spiral demo", "", model, new DatasetRef.Spiral(3, 100, 0.1, 1), t);
  }

  /**
   * Records a finished run of 3 epochs of 10 batches: step losses falling from 2 to {@code finalLoss}, validation accuracy rising to
   * {@code finalAccuracy}. Points are 100 ms apart.
   */
  static String run(RunStore store, Project p, String group, double finalLoss, double finalAccuracy) {
    String id = store.createRun(p.name() + " seed " + p.training().seed(), p.name(), ProjectFiles.toJson(p), START, new RunOptions(group, List.of(), ""));
    store.recordStart(id, 10, null);
    List<MetricPoint> points = new ArrayList<>();
    for (int step = 1; step <= 30; step++) {
      points.add(new MetricPoint(MetricTags.STEP_LOSS, step, START + 100L * step, 2 + (finalLoss - 2) * step / 30.0));
    }
    for (int epoch = 1; epoch <= 3; epoch++) {
      points.add(new MetricPoint(MetricTags.VALIDATION_ACCURACY, epoch, START + 1000L * epoch, finalAccuracy - 0.1 * (3 - epoch)));
      points.add(new MetricPoint(MetricTags.VALIDATION_LOSS, epoch, START + 1000L * epoch, finalLoss + 0.1 * (3 - epoch)));
    }
    store.appendMetrics(id, points);
    store.endRun(id, RunStatus.FINISHED, START + 3500, finalAccuracy, "done");
    return id;
  }
}
