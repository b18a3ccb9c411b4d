package org.layerlab.runtime.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;

class SeriesAlignmentTest {

  @TempDir Path dir;

  @Test
  void stepEpochAndWallTimeAxesPlaceThePointsAsDocumented() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String id = TrackingFixtures.run(store, TrackingFixtures.project(16, 0.01, 1), null, 0.5, 0.9);
      RunEntry run = store.entry(id).orElseThrow();

      Curve steps = SeriesAlignment.curve(run, store.series(id, MetricTags.STEP_LOSS), Axis.STEP);
      assertEquals(30, steps.size());
      assertEquals(1, steps.x()[0]);
      assertEquals(30, steps.x()[29]);

      Curve epochs = SeriesAlignment.curve(run, store.series(id, MetricTags.STEP_LOSS), Axis.EPOCH);
      assertEquals(0.1, epochs.x()[0], 1e-12, "step 1 of 10 batches per epoch");
      assertEquals(1.5, epochs.x()[14], 1e-12);
      assertEquals(3.0, epochs.x()[29], 1e-12);
      Curve epochTag = SeriesAlignment.curve(run, store.series(id, MetricTags.VALIDATION_ACCURACY), Axis.EPOCH);
      assertArrayEquals(new double[] {1, 2, 3}, epochTag.x(), "an epoch series is already in epochs");

      Curve time = SeriesAlignment.curve(run, store.series(id, MetricTags.STEP_LOSS), Axis.WALL_TIME);
      assertEquals(0.1, time.x()[0], 1e-12, "seconds since the run started");
      assertEquals(3.0, time.x()[29], 1e-12);
      assertEquals(steps.y()[7], time.y()[7]);
    }
  }

  @Test
  void anImportedRunHasNoEpochAxisForItsStepSeriesAndSaysWhy() {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      String id =
          store.importRun(
              new RunSummary(null, "tb", "logs", RunStatus.FINISHED, 0, 10L, Double.NaN, "", "{}"),
              "TensorBoard at /x",
              List.of(new MetricPoint("step/loss", 5, 5, 0.25)));
      Curve c = SeriesAlignment.curve(store.entry(id).orElseThrow(), store.series(id, "step/loss"), Axis.EPOCH);
      assertEquals(0, c.size());
      assertTrue(c.note().contains("batches per epoch"), c.note());
      assertEquals(1, SeriesAlignment.curve(store.entry(id).orElseThrow(), store.series(id, "step/loss"), Axis.STEP).size());
    }
  }

  @Test
  void valueAtReadsTheLastPointAtOrBefore() {
    Curve c = new Curve("r", "t", Axis.STEP, new double[] {1, 3, 3, 7}, new double[] {10, 30, 31, 70}, "");
    assertTrue(Double.isNaN(c.valueAt(0.5)));
    assertEquals(10, c.valueAt(1));
    assertEquals(10, c.valueAt(2.9));
    assertEquals(31, c.valueAt(3), "the last of equal x");
    assertEquals(31, c.valueAt(6));
    assertEquals(70, c.valueAt(100));
  }

  @Test
  void aTableSamplesEveryCurveAtTheSameEvenlySpacedPositions() {
    Curve a = new Curve("a", "t", Axis.STEP, new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5}, "");
    Curve b = new Curve("b", "t", Axis.STEP, new double[] {3, 9}, new double[] {30, 90}, "");
    SeriesAlignment.Table t = SeriesAlignment.sample(List.of(a, b), 5);
    assertArrayEquals(new double[] {1, 3, 5, 7, 9}, t.x());
    assertArrayEquals(new double[] {1, 3, 5, 5, 5}, t.y()[0]);
    assertTrue(Double.isNaN(t.y()[1][0]), "b has no value before its first point");
    assertArrayEquals(new double[] {30, 30, 30, 90}, java.util.Arrays.copyOfRange(t.y()[1], 1, 5));
    assertEquals(0, SeriesAlignment.sample(List.of(new Curve("e", "t", Axis.STEP, new double[0], new double[0], "")), 5).x().length);
  }
}
