package org.layerlab.runtime.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.store.MetricSeries;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunFilter;
import org.layerlab.runtime.store.RunStore;

/** Trains the spiral sample with several seeds as a group, for real. */
class SeedGroupTest {

  private static final Path SPIRAL = Path.of("..", "sample-projects", "spiral");

  @TempDir Path dir;

  @Test
  void eachSeedTrainsOneRecordedRunOfTheSameGroupWithItsProvenance() throws Exception {
    Project p = ProjectFiles.read(SPIRAL);
    p = p.withTraining(p.training().withEpochs(3));
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      List<String> started = new ArrayList<>();
      TrainingListener names =
          new TrainingListener() {
            @Override
            public void onRunStarted(RunStarted e) {
              started.add(e.runName());
            }
          };
      SeedGroup.Result r = SeedGroup.run(store, p, SPIRAL, SeedGroup.seeds(7, 3), names);
      assertTrue(r.allFinished(), r.ends().toString());
      assertEquals(List.of(7L, 8L, 9L), r.seeds());
      assertEquals(List.of("Spiral seed 7", "Spiral seed 8", "Spiral seed 9"), started);

      List<RunEntry> runs = store.findRuns(RunFilter.ALL.withGroupId(r.groupId()));
      assertEquals(3, runs.size());
      assertEquals(List.of(7L, 8L, 9L), runs.stream().map(RunEntry::seed).sorted().toList());
      assertEquals(3, runs.stream().map(RunEntry::configHash).distinct().count(), "the seed is part of the configuration");
      for (RunEntry e : runs) {
        assertEquals(RunStatus.FINISHED, e.summary().status());
        Provenance prov = Provenance.parse(store.provenance(e.id()).orElseThrow());
        assertEquals(e.seed(), prov.seed());
        assertEquals(e.configHash(), prov.configHash());
        assertTrue(e.batchesPerEpoch() > 0);
      }
      assertEquals(1, ConfigDiff.of(java.util.Map.of("a", runs.get(0).summary().configJson(), "b", runs.get(1).summary().configJson())).rows().size(),
          "runs of a group differ in their seed only");

      List<MetricSeries> accuracy = runs.stream().map(e -> store.series(e.id(), MetricTags.VALIDATION_ACCURACY)).toList();
      GroupCurve g = GroupCurve.of(MetricTags.VALIDATION_ACCURACY, accuracy);
      assertEquals(3, g.size());
      assertEquals(3, g.n()[2]);
      List<Double> finals = runs.stream().map(e -> e.summary().finalValidationAccuracy()).toList();
      assertEquals(finals.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), g.mean()[2], 1e-12);
      assertNotEquals(0.0, g.sd()[0], "different seeds, different results");
    }
  }

  @Test
  void stopEndsTheCurrentRunAndSkipsTheRest() throws Exception {
    Project p = ProjectFiles.read(SPIRAL);
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      SeedGroup[] group = new SeedGroup[1];
      group[0] =
          new SeedGroup(store, p, SPIRAL, List.of(1L, 2L, 3L))
              .optGroupId("mine")
              .optListener(
                  new TrainingListener() {
                    @Override
                    public void onStep(org.layerlab.runtime.events.StepMetrics m) {
                      if (m.step() == 5) {
                        group[0].stop();
                      }
                    }
                  });
      SeedGroup.Result r = group[0].call();
      assertEquals(1, r.runIds().size());
      assertEquals(RunStatus.STOPPED, r.ends().get(0).status());
      assertEquals("mine", store.entry(r.runIds().get(0)).orElseThrow().groupId());
    }
  }

  @Test
  void seedsMustBeDistinct() {
    assertThrows(IllegalArgumentException.class, () -> SeedGroup.seeds(1, 0));
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      assertThrows(
          IllegalArgumentException.class, () -> new SeedGroup(store, TrackingFixtures.project(4, 0.1, 1), dir, List.of(1L, 1L)));
    }
  }
}
