package org.layerlab.app;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.concurrent.FxTaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.settings.Theme;
import org.layerlab.app.training.TrainingViewModel;
import org.layerlab.app.training.monitor.ConfusionPane;
import org.layerlab.runtime.events.ValidationConfusion;
import org.layerlab.runtime.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures how long the JavaFX thread stalls while the run monitor shows a real training run with live charts, and (with
 * {@code -Dlayerlab.screenshots=true}) saves the monitor's screenshots. Not a test (its name does not end in Test): run it with
 *
 * <pre>mvn -B -o verify -pl app -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=MonitorStallBenchmark</pre>
 *
 * <p>In the real window (headless through Monocle, software rendering) at 1440 x 900 it measures, in order: the idle window; the
 * idle window while two threads spin (the CPU a run takes, without drawing); the spiral sample for 250 epochs with the monitor
 * switching tabs (curves, confusion matrix, decision boundary, histograms) every two seconds; the spiral for 30 epochs on each tab
 * alone; the Fashion-MNIST subset shipped in {@code sample-projects/fashion-mnist-mlp/data} for 30 epochs; and the spiral with one
 * engine thread. An {@link AnimationTimer} records every pulse and a probe posted to the FX thread every 5 ms records how late it
 * ran. Each line gives the longest gap between pulses and its 99th percentile, the probe's delays, the CPU share of the FX and
 * render threads, garbage collections and the load average. Figures depend on the machine's load: it asserts nothing.
 * {@code -Dlayerlab.stalls.detail=true} adds the worst gaps and a sampled profile of the FX thread (another with
 * {@code -Dlayerlab.stalls.thread=QuantumRenderer-0}).
 */
@ExtendWith(ApplicationExtension.class)
class MonitorStallBenchmark {

  private static final Path SAMPLES = StartupOptions.samplesDir();

  static {
    // Monocle's headless screen is 1280 x 800 unless told otherwise; a larger window would overflow its frame buffer.
    if (System.getProperty("headless.geometry") == null) {
      System.setProperty("headless.geometry", "1440x900-32");
    }
  }

  @TempDir Path home;
  private FxTaskExecutor executor;
  private Workspace workspace;
  private WorkbenchViewModel viewModel;
  private Scene scene;
  private Stage stage;
  /** The monitor tab kept on screen during a measurement, or -1 to switch tabs every two seconds. */
  private int fixedTab = -1;

  @org.testfx.framework.junit5.Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void close() {
    if (viewModel != null) {
      viewModel.shutdown();
    }
    if (executor != null) {
      executor.close();
    }
    if (workspace != null) {
      workspace.close();
    }
    Messages.setLocale(Locale.ENGLISH);
  }

  @Test
  void spiralThenFashionMnist(FxRobot robot) throws Exception {
    List<String> report = new ArrayList<>();
    open(robot, SAMPLES.resolve("spiral"));
    report.add(measureIdle(robot));
    report.add(measureBusy(robot));
    report.add(measure(robot, "spiral, 250 epochs", "250"));
    String[] tabNames = {"curves", "confusion", "boundary", "histograms"};
    for (int t = 0; t < tabNames.length; t++) {
      fixedTab = t;
      report.add(measure(robot, "spiral, 30 epochs, " + tabNames[t] + " only", "30"));
    }
    fixedTab = -1;
    if (Boolean.getBoolean("layerlab.screenshots")) {
      screenshots(robot, "spiral", "200", 3);
    }

    open(robot, fashionSubset());
    report.add(measure(robot, "Fashion-MNIST subset, 30 epochs", "30"));
    if (Boolean.getBoolean("layerlab.screenshots")) {
      screenshots(robot, "fashion", "15", 2);
    }
    // Last: the engine's thread count is global to the process, so the runs after this one would keep one thread too.
    open(robot, withOneEngineThread(SAMPLES.resolve("spiral")));
    report.add(measure(robot, "spiral, 60 epochs, 1 engine thread", "60"));
    System.out.println();
    System.out.println("FX-thread stalls while the run monitor draws a live run (1440 x 900, Monocle headless, software rendering):");
    report.forEach(System.out::println);
    System.out.println();
  }

  /** A copy of a sample whose runs use one engine thread, leaving the second core to the window. */
  private Path withOneEngineThread(Path sample) throws Exception {
    String json = Files.readString(sample.resolve("project.json"));
    json = json.replaceFirst("\"training\" : \\{", "\"training\" : { \"threads\" : 1,");
    Path dir = home.resolve(sample.getFileName() + "-one-thread");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("project.json"), json);
    return dir;
  }

  /** The Fashion-MNIST sample, on its shipped subset even where the full set is installed. */
  private Path fashionSubset() throws Exception {
    Path sample = SAMPLES.resolve("fashion-mnist-mlp");
    String json = Files.readString(sample.resolve("project.json"));
    json = json.replace("\"useFullWhenAvailable\" : true", "\"useFullWhenAvailable\" : false");
    json = json.replace("\"path\" : \"data\"", "\"path\" : \"" + sample.resolve("data").toAbsolutePath().toString().replace("\\", "/") + "\"");
    Path dir = home.resolve("fashion-subset");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("project.json"), json);
    return dir;
  }

  private void open(FxRobot robot, Path project) throws Exception {
    close();
    robot.interact(
        () -> {
          executor = new FxTaskExecutor();
          workspace = Workspace.open(home.resolve("ws-" + project.getFileName()));
          AppContext context =
              AppContext.create(StartupOptions.parse(List.of("--project", project.toString())), SAMPLES, workspace, executor);
          viewModel = new WorkbenchViewModel(context, null, SAMPLES, home, TestChooser.cancelling());
          viewModel.settings().languageProperty().set(Locale.ENGLISH);
          viewModel.settings().themeProperty().set(Theme.LIGHT);
          scene = LayerlabApp.show(stage, viewModel);
          // The whole headless screen set above; a window reaching past the screen's edge breaks Monocle's frame buffer.
          stage.setX(0);
          stage.setY(0);
          stage.setWidth(1440);
          stage.setHeight(900);
        });
    WaitForAsyncUtils.waitFor(60, SECONDS, () -> viewModel.main().training().canTrain());
    robot.interact(() -> robot.lookup("#mainView").queryAs(MainView.class).showPage("trainingTab"));
  }

  /** The floor: the same window doing nothing for ten seconds, so the figures of a run can be read against the machine's load. */
  private String measureIdle(FxRobot robot) throws Exception {
    return measure(robot, "idle window, no run", null);
  }

  /**
   * The same idle window while two threads of this process spin for ten seconds, as a run's training thread and the engine's worker
   * keep two cores busy: how much of a run's stall is the CPU the training takes rather than the monitor's drawing.
   */
  private String measureBusy(FxRobot robot) throws Exception {
    java.util.concurrent.atomic.AtomicBoolean spin = new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Thread> burners = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread t =
          new Thread(
              () -> {
                double x = 0;
                while (spin.get()) {
                  x += Math.sqrt(x + 1);
                }
                if (x == -1) {
                  System.out.println(x);
                }
              },
              "cpu-burner-" + i);
      t.setDaemon(true);
      t.start();
      burners.add(t);
    }
    try {
      return measure(robot, "idle window, 2 busy threads", null);
    } finally {
      spin.set(false);
      for (Thread t : burners) {
        t.join();
      }
    }
  }

  private String measure(FxRobot robot, String name, String epochs) throws Exception {
    TrainingViewModel training = viewModel.main().training();
    List<Long> pulses = new ArrayList<>();
    List<Integer> tabs = new ArrayList<>();
    List<Long> probeDelays = new ArrayList<>();
    TabPane monitorTabs = robot.lookup("#monitorTabs").queryAs(TabPane.class);
    AnimationTimer timer =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            pulses.add(System.nanoTime());
            tabs.add(monitorTabs.getSelectionModel().getSelectedIndex());
          }
        };
    robot.interact(
        () -> {
          timer.start();
          if (epochs != null) {
            viewModel.main().setup().epochsTextProperty().set(epochs);
            training.train();
          }
        });
    Thread probe =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                long posted = System.nanoTime();
                javafx.application.Platform.runLater(
                    () -> {
                      synchronized (probeDelays) {
                        probeDelays.add(System.nanoTime() - posted);
                      }
                    });
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "fx-probe");
    probe.setDaemon(true);
    probe.start();
    java.util.Map<String, Integer> fxStates = new java.util.concurrent.ConcurrentHashMap<>();
    // every sample with its time, so that the worst gap's samples can be printed whole
    List<Object[]> timedSamples = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread sampler = null;
    if (Boolean.getBoolean("layerlab.stalls.detail")) {
      Thread fx =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().equals(System.getProperty("layerlab.stalls.thread", "JavaFX Application Thread")))
              .findFirst()
              .orElseThrow();
      sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  StackTraceElement[] st = fx.getStackTrace();
                  StringBuilder where = new StringBuilder(fx.getState().toString());
                  int shown = 0;
                  for (StackTraceElement e : st) {
                    String c = e.getClassName();
                    if (!c.startsWith("java.") && !c.startsWith("jdk.") && shown++ < Integer.getInteger("layerlab.stalls.depth", 3)) {
                      where.append(" <- ").append(c.replaceAll(".*\\.", "")).append('.').append(e.getMethodName());
                    }
                  }
                  fxStates.merge(where.toString(), 1, Integer::sum);
                  StringBuilder deep = new StringBuilder(fx.getState().toString());
                  int deepShown = 0;
                  for (StackTraceElement e : st) {
                    String c = e.getClassName();
                    if (!c.startsWith("java.") && !c.startsWith("jdk.") && deepShown++ < 40) {
                      deep.append("\n        <- ").append(c).append('.').append(e.getMethodName()).append(':').append(e.getLineNumber());
                    }
                  }
                  timedSamples.add(new Object[] {System.nanoTime(), deep.toString()});
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "fx-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }
    long[] gc0 = gc();
    long fxCpu0 = cpuNanos("JavaFX Application Thread");
    long renderCpu0 = cpuNanos("QuantumRenderer");
    long started = System.nanoTime();
    int tab = fixedTab < 0 ? 0 : fixedTab;
    int firstTab = tab;
    robot.interact(() -> monitorTabs.getSelectionModel().select(firstTab));
    long idleUntil = epochs == null ? started + 10_000_000_000L : 0;
    while (WaitForAsyncUtils.asyncFx(training::isRunning).get() || System.nanoTime() < idleUntil) {
      Thread.sleep(2000);
      int t = fixedTab < 0 ? ++tab % 4 : fixedTab;
      robot.interact(() -> robot.lookup("#monitorTabs").queryAs(TabPane.class).getSelectionModel().select(t));
      if (System.nanoTime() - started > 600_000_000_000L) {
        robot.interact(training::stop);
      }
    }
    long wall = System.nanoTime() - started;
    long seconds = wall / 1_000_000_000L;
    double fxShare = (cpuNanos("JavaFX Application Thread") - fxCpu0) * 100.0 / wall;
    double renderShare = (cpuNanos("QuantumRenderer") - renderCpu0) * 100.0 / wall;
    long[] gc1 = gc();
    probe.interrupt();
    probe.join();
    if (sampler != null) {
      sampler.interrupt();
      sampler.join();
      fxStates.entrySet().stream()
          .sorted((a, b) -> b.getValue() - a.getValue())
          .limit(12)
          .forEach(e -> System.out.println("    " + name + " " + System.getProperty("layerlab.stalls.thread", "JavaFX Application Thread") + ": " + e.getValue() + " x " + e.getKey()));
    }
    robot.interact(timer::stop);
    long[] gaps = new long[Math.max(0, pulses.size() - 1)];
    for (int i = 1; i < pulses.size(); i++) {
      gaps[i - 1] = pulses.get(i) - pulses.get(i - 1);
    }
    long[] delays;
    synchronized (probeDelays) {
      delays = probeDelays.stream().mapToLong(Long::longValue).toArray();
    }
    if (Boolean.getBoolean("layerlab.stalls.detail")) {
      Integer[] order = new Integer[gaps.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(gaps[b], gaps[a]));
      for (int k = 0; k < Math.min(8, order.length); k++) {
        int i = order[k];
        System.out.printf(
            Locale.ROOT, "    %s: gap %.1f ms at %.1f s, tab %d before, %d after%n",
            name, gaps[i] / 1e6, (pulses.get(i) - pulses.get(0)) / 1e9, tabs.get(i), tabs.get(i + 1));
      }
      if (order.length > 0) {
        long from = pulses.get(order[0]);
        long to = pulses.get(order[0] + 1);
        synchronized (timedSamples) {
          java.util.Map<String, Integer> during = new java.util.LinkedHashMap<>();
          for (Object[] sample : timedSamples) {
            if ((long) sample[0] >= from && (long) sample[0] <= to) {
              during.merge((String) sample[1], 1, Integer::sum);
            }
          }
          during.forEach((stack, n) -> System.out.println("    worst gap of " + name + ", " + n + " x " + stack));
        }
      }
    }
    String status =
        epochs == null ? "-" : training.lastRunProperty().get() == null ? "?" : training.lastRunProperty().get().status().name();
    return String.format(
        Locale.ROOT,
        "  %-32s %3d s, %s, %d pulses (%.1f/s): longest gap %.1f ms, 99th percentile %.1f ms; probe delay max %.1f ms, p99 %.1f ms;"
            + " CPU of the FX thread %.0f%%, of the render thread %.0f%%; %d garbage collections, %d ms; load average %.1f",
        name,
        seconds,
        status,
        pulses.size(),
        pulses.size() / Math.max(1.0, seconds),
        max(gaps) / 1e6,
        percentile(gaps, 0.99) / 1e6,
        max(delays) / 1e6,
        percentile(delays, 0.99) / 1e6,
        fxShare,
        renderShare,
        gc1[0] - gc0[0],
        gc1[1] - gc0[1],
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Screenshots during a run (English, light) and after it (both languages, both themes), of each of the monitor's tabs. */
  private void screenshots(FxRobot robot, String name, String epochs, int epochsBeforeShot) throws Exception {
    TrainingViewModel training = viewModel.main().training();
    robot.interact(
        () -> {
          viewModel.main().setup().epochsTextProperty().set(epochs);
          training.train();
        });
    WaitForAsyncUtils.waitFor(
        120,
        SECONDS,
        () -> Optional.ofNullable(WaitForAsyncUtils.asyncFx(training::confusionProperty).get().get())
            .map(c -> c.epoch() >= epochsBeforeShot)
            .orElse(false));
    // Paused, so the pictures are of a run in progress however fast it trains.
    robot.interact(training::pause);
    WaitForAsyncUtils.waitFor(60, SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> training.pausedProperty().get()).get());
    shoot(robot, 0, "monitor-" + name + "-en-light-during-curves");
    if (name.equals("spiral")) {
      robot.interact(
          () -> {
            training.learningRateTextProperty().set("0.002");
            training.applyLearningRate();
            training.resume();
          });
      Thread.sleep(1500);
      robot.interact(training::pause);
      WaitForAsyncUtils.waitFor(60, SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> training.pausedProperty().get()).get());
      shoot(robot, 0, "monitor-" + name + "-en-light-during-lr-change");
    }
    // The run goes on through a switch of language and theme.
    robot.interact(
        () -> {
          viewModel.settings().languageProperty().set(Locale.SIMPLIFIED_CHINESE);
          viewModel.settings().themeProperty().set(Theme.DARK);
        });
    robot.interact(() -> robot.lookup("#mainView").queryAs(MainView.class).showPage("trainingTab"));
    robot.interact(
        () -> {
          int[] cell = mostConfused(training.confusionProperty().get());
          training.selectCell(cell[0], cell[1]);
        });
    shoot(robot, name.equals("spiral") ? 2 : 1, "monitor-" + name + "-zh-dark-during");
    robot.interact(training::resume);
    WaitForAsyncUtils.waitFor(300, SECONDS, () -> !WaitForAsyncUtils.asyncFx(training::isRunning).get());
    Thread.sleep(6000); // let the run-ended notification fade
    for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      for (Theme theme : Theme.values()) {
        robot.interact(
            () -> {
              viewModel.settings().languageProperty().set(language);
              viewModel.settings().themeProperty().set(theme);
            });
        robot.interact(() -> robot.lookup("#mainView").queryAs(MainView.class).showPage("trainingTab"));
        String prefix = "monitor-" + name + "-" + language.getLanguage() + "-" + theme.name().toLowerCase();
        shoot(robot, 0, prefix + "-curves");
        robot.interact(
            () -> {
              ValidationConfusion c = training.confusionProperty().get();
              int[] cell = mostConfused(c);
              training.selectCell(cell[0], cell[1]);
            });
        shoot(robot, 1, prefix + "-confusion");
        shoot(robot, 2, prefix + "-boundary");
        shoot(robot, 3, prefix + "-histograms");
      }
    }
    robot.interact(
        () -> {
          viewModel.settings().languageProperty().set(Locale.ENGLISH);
          viewModel.settings().themeProperty().set(Theme.LIGHT);
          viewModel.settings().classroomProperty().set(true);
        });
    robot.interact(() -> robot.lookup("#mainView").queryAs(MainView.class).showPage("trainingTab"));
    shoot(robot, 0, "monitor-" + name + "-en-classroom-curves");
    robot.interact(() -> viewModel.settings().classroomProperty().set(false));
  }

  /** The off-diagonal cell with the most samples: the confusion worth looking at. */
  private static int[] mostConfused(ValidationConfusion c) {
    int[] best = {0, 1};
    for (int t = 0; t < c.classNames().size(); t++) {
      for (int p = 0; p < c.classNames().size(); p++) {
        if (t != p && c.count(t, p) > c.count(best[0], best[1])) {
          best = new int[] {t, p};
        }
      }
    }
    return best;
  }

  private void shoot(FxRobot robot, int tab, String file) throws Exception {
    robot.interact(() -> robot.lookup("#monitorTabs").queryAs(TabPane.class).getSelectionModel().select(tab));
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(600); // real pulses, so the charts redraw (a snapshot does not run their post-layout pass)
    WaitForAsyncUtils.waitForFxEvents();
    AtomicReference<Path> saved = new AtomicReference<>();
    robot.interact(() -> saved.set(Screenshots.save(stage.getScene(), file)));
    System.out.println("saved " + saved.get());
  }

  /** Garbage collections so far and the milliseconds they took, over all collectors. */
  private static long[] gc() {
    long count = 0;
    long millis = 0;
    for (var bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, bean.getCollectionCount());
      millis += Math.max(0, bean.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  /** CPU time so far of the live threads whose name starts with {@code prefix}. */
  private static long cpuNanos(String prefix) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(prefix)) {
        sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
      }
    }
    return sum;
  }

  private static long max(long[] values) {
    return Arrays.stream(values).max().orElse(0);
  }

  private static long percentile(long[] values, double q) {
    if (values.length == 0) {
      return 0;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }
}
