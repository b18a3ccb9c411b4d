package org.layerlab.app.runs;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.concurrent.Cancellable;
import org.layerlab.app.concurrent.FxTaskExecutor;
import org.layerlab.app.concurrent.TaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunOptions;
import org.layerlab.runtime.store.RunStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A workspace of 1,000 runs with metrics behind the real runs view: the view model loads, filters and sorts them, and the JavaFX
 * thread never touches the store and stays free while it is read. It asserts behaviour only; the times it prints are for reading
 * (see the runs view's report).
 */
@ExtendWith(ApplicationExtension.class)
class RunsThousandRunsTest {

  private static final int RUNS = 1000;
  private static final int EPOCHS = 10;
  private static final int STEPS = 100;
  private static final long T0 = 1_790_000_000_000L;

  @TempDir Path dir;
  private RunStore store;
  private FxTaskExecutor fx;
  private RunsViewModel viewModel;
  private final AtomicBoolean storeAskedOnFx = new AtomicBoolean();
  private final AtomicBoolean fxBusyWhileReading = new AtomicBoolean();
  private final AtomicInteger storeReads = new AtomicInteger();
  private final AtomicBoolean workOnFx = new AtomicBoolean();
  private final AtomicInteger backgroundWork = new AtomicInteger();
  private long fillMillis;
  /** The longest time the FX thread spent handing one result to the lists (and through them to the table). */
  private final AtomicLong longestFxCallback = new AtomicLong();
  private final PulseGaps stepGaps = new PulseGaps();
  private final List<String> stepGapMillis = new ArrayList<>();

  @Start
  void start(Stage stage) {
    Messages.setLocale(Locale.ENGLISH);
    store = RunStore.open(dir.resolve("runs.db"));
    long t = System.nanoTime();
    fill(store);
    fillMillis = (System.nanoTime() - t) / 1_000_000;
    fx = new FxTaskExecutor();
    // The store as the view model gets it: each time it is asked for, the FX thread must answer a probe while the worker waits,
    // which it can only do if the view model did not ask on the FX thread and the FX thread is not blocked.
    Supplier<RunStore> probed =
        () -> {
          storeReads.incrementAndGet();
          if (Platform.isFxApplicationThread()) {
            storeAskedOnFx.set(true);
            return store;
          }
          CountDownLatch answered = new CountDownLatch(1);
          Platform.runLater(answered::countDown);
          try {
            if (!answered.await(10, SECONDS)) {
              fxBusyWhileReading.set(true);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return store;
        };
    viewModel = new RunsViewModel(probed, new Watching(fx), new TestRunChooser());
    stage.setScene(new Scene(new RunsView(viewModel), 1200, 760));
    stage.show();
  }

  @AfterEach
  void close() {
    fx.close();
    store.close();
  }

  /** 1,000 runs of three projects, each with 10 epochs of four epoch series, a test accuracy and 100 steps of loss. */
  private static void fill(RunStore store) {
    String[] projects = {"Spiral", "Fashion MLP", "Fashion CNN"};
    for (int i = 0; i < RUNS; i++) {
      double lr = Math.pow(10, -1 - (i % 4));
      String config = "{\"training\":{\"learningRate\":" + lr + ",\"seed\":" + (i % 5) + ",\"batchSize\":" + (32 << (i % 3)) + "}}";
      List<String> labels = new ArrayList<>();
      if (i % 10 == 0) {
        labels.add("baseline");
      }
      if (i % 7 == 0) {
        labels.add("sweep");
      }
      long start = T0 + i * 60_000L;
      String id =
          store.createRun(
              String.format(Locale.ROOT, "run %04d", i), projects[i % 3], config, start,
              new RunOptions(i % 25 == 0 ? "g" + (i % 50) : null, labels, i % 13 == 0 ? "tried warm-up" : ""));
      List<MetricPoint> points = new ArrayList<>();
      double quality = 0.5 + 0.45 * ((i * 7919) % 1000) / 1000.0;
      for (int s = 1; s <= STEPS; s++) {
        points.add(new MetricPoint(MetricTags.STEP_LOSS, s, start + s * 100L, 2.0 / (1 + s) + (1 - quality)));
      }
      for (int e = 1; e <= EPOCHS; e++) {
        double acc = quality * (1 - Math.exp(-e / 2.0));
        long wall = start + e * 1000L;
        points.add(new MetricPoint(MetricTags.VALIDATION_ACCURACY, e, wall, acc));
        points.add(new MetricPoint(MetricTags.VALIDATION_LOSS, e, wall, 1 - acc));
        points.add(new MetricPoint(MetricTags.TRAIN_ACCURACY, e, wall, Math.min(1, acc + 0.02)));
        points.add(new MetricPoint(MetricTags.TRAIN_LOSS, e, wall, 0.9 - acc));
      }
      points.add(new MetricPoint("test/accuracy", EPOCHS, start + 20_000, quality - 0.01));
      store.appendMetrics(id, points);
      store.endRun(id, i % 17 == 0 ? RunStatus.STOPPED : RunStatus.FINISHED, start + 30_000, quality, "done");
    }
  }

  @Test
  void loadsFiltersAndSortsAThousandRunsOffTheFxThread(FxRobot robot) throws Exception {
    TableView<?> table = robot.lookup("#runsTable").queryTableView();
    AtomicLong lastChange = new AtomicLong();
    robot.interact(() -> viewModel.runs().addListener((ListChangeListener<RunRow>) c -> lastChange.set(System.nanoTime())));
    PulseGaps gaps = new PulseGaps();
    robot.interact(gaps::start);
    robot.interact(stepGaps::start);

    long load = timed(robot, () -> viewModel.refresh(), () -> viewModel.runs().size() == RUNS, lastChange);
    assertEquals(RUNS, onFx(() -> table.getItems().size()).call());
    assertTrue(storeReads.get() >= 1);
    assertFalse(storeAskedOnFx.get(), "the view model asked for the store on the FX thread");
    assertFalse(fxBusyWhileReading.get(), "the FX thread did not answer while the store was read");

    long filter =
        timed(
            robot,
            () -> viewModel.criteriaProperty().set(RunCriteria.ALL.withText("BASELINE")),
            () -> viewModel.runs().size() == RUNS / 10,
            lastChange);
    assertTrue(viewModel.runs().stream().allMatch(r -> r.tags().contains("baseline")));

    long combined =
        timed(
            robot,
            () -> viewModel.criteriaProperty().set(RunCriteria.ALL.withTag("sweep").withProject("Spiral").withStatus(RunStatus.FINISHED)),
            () -> viewModel.runs().stream().allMatch(r -> r.project().equals("Spiral") && r.tags().contains("sweep")) && !viewModel.runs().isEmpty(),
            lastChange);
    long expected =
        java.util.stream.IntStream.range(0, RUNS).filter(i -> i % 7 == 0 && i % 3 == 0 && i % 17 != 0).count();
    assertEquals(expected, viewModel.runs().size());

    robot.interact(() -> viewModel.criteriaProperty().set(RunCriteria.ALL));
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> viewModel.runs().size() == RUNS);
    MetricColumn best = MetricColumn.bestOf(MetricTags.VALIDATION_ACCURACY);
    long sortMetric =
        timed(robot, () -> viewModel.orderProperty().set(RunOrder.byMetric(best, true)), () -> isSortedDescending(best), lastChange);
    MetricColumn test = MetricColumn.finalOf("test/accuracy");
    long sortTest =
        timed(robot, () -> viewModel.orderProperty().set(RunOrder.byMetric(test, true)), () -> isSortedDescending(test), lastChange);
    long sortName =
        timed(
            robot,
            () -> viewModel.orderProperty().set(RunOrder.by(RunOrder.Column.NAME, false)),
            () -> viewModel.runs().get(0).name().equals("run 0000"),
            lastChange);
    robot.interact(gaps::stop);
    robot.interact(stepGaps::stop);

    assertTrue(backgroundWork.get() >= 6, "load, three filters and three sorts ran as background work");
    assertFalse(workOnFx.get(), "background work ran on the FX thread");
    System.out.printf(
        Locale.ROOT,
        "RUNS-BENCH %d runs, %d points: fill %d ms; load %.1f ms; text filter %.1f ms; tag+project+status filter %.1f ms;"
            + " sort by best val. accuracy %.1f ms; by test accuracy %.1f ms; by name %.1f ms; longest FX-thread time taking in one result %.1f ms; longest gap between FX pulses %.1f ms (per step %s ms)%n",
        RUNS, RUNS * (STEPS + 4 * EPOCHS + 1), fillMillis, load / 1e6, filter / 1e6, combined / 1e6, sortMetric / 1e6, sortTest / 1e6,
        sortName / 1e6, longestFxCallback.get() / 1e6, gaps.longest() / 1e6, stepGapMillis);
  }

  private boolean isSortedDescending(MetricColumn column) {
    List<RunRow> rows = List.copyOf(viewModel.runs());
    for (int i = 1; i < rows.size(); i++) {
      if (rows.get(i - 1).metric(column) < rows.get(i).metric(column)) {
        return false;
      }
    }
    return rows.size() == RUNS;
  }

  /** Nanoseconds from asking on the FX thread to the rows' last change, once {@code done} holds. */
  private long timed(FxRobot robot, Runnable action, Callable<Boolean> done, AtomicLong lastChange) throws Exception {
    long[] started = new long[1];
    robot.interact(stepGaps::reset);
    robot.interact(
        () -> {
          started[0] = System.nanoTime();
          action.run();
        });
    WaitForAsyncUtils.waitFor(30, SECONDS, onFx(done));
    stepGapMillis.add(String.format(Locale.ROOT, "%.0f", stepGaps.longest() / 1e6));
    return lastChange.get() - started[0];
  }

  private static <T> Callable<T> onFx(Callable<T> check) {
    return () -> WaitForAsyncUtils.asyncFx(check).get();
  }

  /** The executor the app uses, noting whether background work ever runs on the FX thread. */
  private final class Watching implements TaskExecutor {
    private final TaskExecutor delegate;

    Watching(TaskExecutor delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
      delegate.execute(
          () -> {
            backgroundWork.incrementAndGet();
            if (Platform.isFxApplicationThread()) {
              workOnFx.set(true);
            }
            return work.call();
          },
          result -> {
            long t = System.nanoTime();
            onSuccess.accept(result);
            longestFxCallback.accumulateAndGet(System.nanoTime() - t, Math::max);
          },
          onFailure);
    }

    @Override
    public void runOnUiThread(Runnable action) {
      delegate.runOnUiThread(action);
    }

    @Override
    public Cancellable repeatOnUiThread(Duration period, Runnable action) {
      return delegate.repeatOnUiThread(period, action);
    }
  }

  /** The longest time between two JavaFX pulses while it runs. */
  private static final class PulseGaps extends AnimationTimer {
    private long last;
    private long longest;

    @Override
    public void handle(long now) {
      if (last != 0) {
        longest = Math.max(longest, now - last);
      }
      last = now;
    }

    long longest() {
      return longest;
    }

    void reset() {
      last = 0;
      longest = 0;
    }
  }
}
