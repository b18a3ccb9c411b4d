package org.layerlab.app.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.concurrent.SameThreadTaskExecutor;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunStore;

class RunsViewModelTest {

  private static final long T0 = LocalDateTime.of(2026, 11, 29, 14, 3, 12).toInstant(ZoneOffset.UTC).toEpochMilli();

  @TempDir Path dir;
  private RunStore store;
  private SameThreadTaskExecutor executor;
  private RunsViewModel vm;

  @BeforeEach
  void setUp() {
    store = RunStore.open(dir.resolve("runs.db"));
    executor = new SameThreadTaskExecutor();
    vm = new RunsViewModel(() -> store, executor, ZoneOffset.UTC);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private String finishedRun(String name, long startedAt, double[] accuracy, double[] loss) {
    String id = store.createRun(name, "Spiral", "{}", startedAt);
    for (int e = 0; e < accuracy.length; e++) {
      store.appendMetrics(
          id,
          List.of(
              new MetricPoint(MetricTags.VALIDATION_ACCURACY, e + 1, startedAt, accuracy[e]),
              new MetricPoint(MetricTags.VALIDATION_LOSS, e + 1, startedAt, loss[e])));
    }
    store.endRun(id, RunStatus.FINISHED, startedAt + 65_000, accuracy[accuracy.length - 1], "Finished " + accuracy.length + " epochs.");
    return id;
  }

  @Test
  void refreshLoadsRowsNewestFirstThroughTheExecutor() {
    finishedRun("first", T0, new double[] {0.5, 0.9731}, new double[] {1.0, 0.3});
    String running = store.createRun("second", "Spiral", "{}", T0 + 100_000);

    vm.refresh();

    assertEquals(1, executor.executed());
    List<RunRow> rows = vm.runs();
    assertEquals(2, rows.size());
    assertEquals(running, rows.get(0).id());
    assertEquals("Running", rows.get(0).statusText());
    assertEquals("—", rows.get(0).accuracy());

    RunRow first = rows.get(1);
    assertEquals("first", first.name());
    assertEquals(RunStatus.FINISHED, first.status());
    assertEquals("Finished", first.statusText());
    assertEquals("2026-11-29 14:03", first.started());
    assertEquals("1 min 05 s", first.duration());
    assertEquals("97.3%", first.accuracy());
    assertEquals("Finished 2 epochs.", first.message());
    assertEquals("2 runs", vm.statusTextProperty().get());
  }

  @Test
  void anEmptyStoreSaysSo() {
    vm.refresh();
    assertTrue(vm.runs().isEmpty());
    assertEquals("No runs yet", vm.statusTextProperty().get());
  }

  @Test
  void aStoreThatFailsShowsWhy() {
    RunsViewModel broken =
        new RunsViewModel(
            () -> {
              throw new IllegalStateException("the disk is gone");
            },
            executor);
    broken.refresh();
    assertEquals("Could not read the runs: the disk is gone", broken.statusTextProperty().get());
  }

  @Test
  void comparingOverlaysValidationCurvesOneColourPerRun() {
    String a = finishedRun("a", T0, new double[] {0.5, 0.8, 0.9}, new double[] {1.0, 0.5, 0.3});
    String b = finishedRun("b", T0 + 1000, new double[] {0.4, 0.6}, new double[] {1.2, 0.9});
    vm.refresh();

    vm.compare(List.of(b, a));

    List<RunCurves> curves = vm.comparison();
    assertEquals(2, curves.size());
    assertEquals("b", curves.get(0).name());
    assertEquals(0, curves.get(0).colorIndex());
    assertEquals(1, curves.get(1).colorIndex());
    assertArrayEquals(new double[] {1, 2, 3}, curves.get(1).validationAccuracy().x());
    assertArrayEquals(new double[] {50, 80, 90}, curves.get(1).validationAccuracy().y(), 1e-9);
    assertArrayEquals(new double[] {1.0, 0.5, 0.3}, curves.get(1).validationLoss().y(), 1e-12);
    assertEquals("Validation curves of 2 runs, one colour each.", vm.compareTextProperty().get());

    vm.compare(List.of());
    assertTrue(vm.comparison().isEmpty());
  }

  @Test
  void runsWithoutEpochsHaveNothingToDraw() {
    String id = store.createRun("young", "Spiral", "{}", T0);
    vm.refresh();
    vm.compare(List.of(id));
    assertEquals(1, vm.comparison().size());
    assertEquals("The selected runs have no completed epoch to draw.", vm.compareTextProperty().get());
  }

  @Test
  void durationsReadLikeSpeech() {
    assertEquals("42 s", RunsViewModel.duration(Duration.ofSeconds(42)));
    assertEquals("3 min 05 s", RunsViewModel.duration(Duration.ofSeconds(185)));
    assertEquals("1 h 02 min", RunsViewModel.duration(Duration.ofMinutes(62)));
  }
}
