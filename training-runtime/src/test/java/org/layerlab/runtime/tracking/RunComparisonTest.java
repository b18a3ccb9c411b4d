package org.layerlab.runtime.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.store.RunStore;

class RunComparisonTest {

  @TempDir Path dir;

  @Test
  void loadsCurvesTheDiffAndTheHyperparameterTableOfTheRunsInTheOrderAsked() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String a = TrackingFixtures.run(store, TrackingFixtures.project(16, 0.01, 1), null, 0.5, 0.90);
      String b = TrackingFixtures.run(store, TrackingFixtures.project(16, 0.001, 1), null, 0.7, 0.80);
      String c = TrackingFixtures.run(store, TrackingFixtures.project(64, 0.01, 1), null, 0.4, 0.95);

      RunComparison cmp = RunComparison.load(store, List.of(c, a, b), List.of(), Axis.EPOCH);
      assertEquals(List.of(c, a, b), cmp.runs().stream().map(r -> r.id()).toList());
      assertEquals(
          List.of("model.layers[hidden].settings.units", "training.learningRate"),
          cmp.configDiff().rows().stream().map(ConfigDiff.Row::path).toList());
      assertEquals(List.of(MetricTags.VALIDATION_LOSS, MetricTags.VALIDATION_ACCURACY, MetricTags.STEP_LOSS).stream().sorted().toList(),
          List.copyOf(cmp.curves().keySet()), "every series of the runs when none is named");
      assertEquals(3, cmp.curves().get(MetricTags.STEP_LOSS).size());
      assertEquals(3.0, cmp.curves().get(MetricTags.STEP_LOSS).get(0).x()[29], 1e-12);

      HyperparameterTable t = cmp.hyperparameters();
      assertEquals(List.of("model.layers[hidden].settings.units", "training.learningRate"), t.parameters());
      assertEquals(List.of(MetricTags.VALIDATION_ACCURACY, MetricTags.VALIDATION_LOSS), t.metrics());
      HyperparameterTable.Row rowB = t.rows().get(2);
      assertEquals(List.of("16", "0.001"), rowB.parameters());
      assertEquals(0.80, rowB.finals()[0], 1e-12);
      assertEquals(0.80, rowB.bests()[0], 1e-12);
      assertEquals(0.7, rowB.bests()[1], 1e-12, "the lowest validation loss");

      RunComparison named = RunComparison.load(store, List.of(a, b), List.of(MetricTags.STEP_LOSS), Axis.STEP);
      assertEquals(List.of(MetricTags.STEP_LOSS), List.copyOf(named.curves().keySet()));
      assertEquals(List.of(MetricTags.STEP_LOSS), named.hyperparameters().metrics());
      assertThrows(IllegalArgumentException.class, () -> RunComparison.load(store, List.of("nope"), List.of(), Axis.STEP));
    }
  }
}
