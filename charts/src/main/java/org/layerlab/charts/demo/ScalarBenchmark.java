package org.layerlab.charts.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.layerlab.charts.scalar.ScalarChart;
import org.layerlab.charts.scalar.ScalarRun;

/**
 * A benchmark, not a test: a {@link ScalarChart} with 10 runs of 100,000 points each while a producer thread appends 1,000 new
 * points per second (one point to each run every 10 ms, as ten live runs would), smoothing on. It reports the frames drawn per
 * second and the longest stall of the FX thread, measured two ways: the longest gap between two pulses, and the longest delay of
 * a probe that a separate thread posts to the FX thread every 5 ms.
 *
 * <p>Run under Xvfb with software rendering, as the targets assume (at least 30 frames per second, no stall over 50 ms):
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1440x900x24" java -Dprism.order=sw -cp ... org.layerlab.charts.demo.ScalarBenchmark --seconds=20
 * </pre>
 *
 * Options: {@code --runs}, {@code --points}, {@code --rate} (points per second, all runs together), {@code --seconds}, {@code
 * --warmup}, {@code --width} and {@code --height} of the window (1440 x 900).
 */
public final class ScalarBenchmark {

  private ScalarBenchmark() {}

  public static void main(String[] args) {
    // Launched through a nested class: a main class that extends Application fails on the class path.
    Application.launch(Bench.class, args);
  }

  /** The benchmark's JavaFX application. */
  public static final class Bench extends Application {

  private static final long PROBE_PERIOD_NANOS = 5_000_000;

  private ScalarChart chart;
  private volatile boolean producing = true;
  private final AtomicLong appended = new AtomicLong();
  private final AtomicLong probeMaxDelay = new AtomicLong();
  private long[] pulseTimes = new long[1 << 16];
  private int pulseCount;
  private long[] pulseWork = new long[1 << 16];
  private long preLayoutAt;
  private boolean measuring;
  private long measureStart;
  private long framesAtStart;

  @Override
  public void start(Stage stage) {
    Map<String, String> named = getParameters().getNamed();
    int runs = Integer.parseInt(named.getOrDefault("runs", "10"));
    int points = Integer.parseInt(named.getOrDefault("points", "100000"));
    int rate = Integer.parseInt(named.getOrDefault("rate", "1000"));
    double seconds = Double.parseDouble(named.getOrDefault("seconds", "20"));
    double warmup = Double.parseDouble(named.getOrDefault("warmup", "3"));
    int windowWidth = Integer.parseInt(named.getOrDefault("width", "1440"));
    int windowHeight = Integer.parseInt(named.getOrDefault("height", "900"));

    chart = new ScalarChart("loss");
    ScalarRun[] live = new ScalarRun[runs];
    long t0 = System.currentTimeMillis() - points * 100L;
    long loadStart = System.nanoTime();
    for (int r = 0; r < runs; r++) {
      live[r] = chart.addRun("run " + (r + 1));
      fill(live[r], points, r, t0);
    }
    double loadMillis = (System.nanoTime() - loadStart) / 1e6;
    // The pre-layout listener goes in before the chart joins the scene and the post-layout one after, so that together they
    // enclose the chart's own pulse hooks, where it draws.
    Scene scene = new Scene(new javafx.scene.layout.Pane(), windowWidth, windowHeight);
    scene.addPreLayoutPulseListener(() -> preLayoutAt = System.nanoTime());
    scene.setRoot(chart);
    scene.addPostLayoutPulseListener(this::pulseDone);
    stage.setScene(scene);
    stage.setTitle("ScalarChart benchmark");
    stage.show();

    Thread producer = new Thread(() -> produce(live, points, rate, t0), "benchmark-producer");
    producer.setDaemon(true);
    producer.start();
    Thread probe = new Thread(this::probe, "benchmark-probe");
    probe.setDaemon(true);
    probe.start();

    PauseTransition warm = new PauseTransition(Duration.seconds(warmup));
    warm.setOnFinished(
        e -> {
          measuring = true;
          measureStart = System.nanoTime();
          framesAtStart = chart.renderedFrames();
          chart.resetLongestRender();
          pulseCount = 0;
          probeMaxDelay.set(0);
          long appendedAtStart = appended.get();
          PauseTransition run = new PauseTransition(Duration.seconds(seconds));
          run.setOnFinished(done -> report(runs, points, rate, loadMillis, appendedAtStart));
          run.play();
        });
    warm.play();
  }

  private static void fill(ScalarRun run, int points, int seed, long t0) {
    Random random = new Random(seed);
    double[] s = new double[points];
    double[] e = new double[points];
    long[] w = new long[points];
    double[] v = new double[points];
    for (int i = 0; i < points; i++) {
      s[i] = i;
      e[i] = i / 5_000.0;
      w[i] = t0 + i * 100L;
      v[i] = value(i, seed, random);
    }
    run.appendAll(s, e, w, v);
  }

  private static double value(int step, int seed, Random random) {
    double v = 0.1 + 2 * Math.exp(-step / (20_000.0 + 3_000 * seed)) + 0.1 * random.nextGaussian();
    return random.nextInt(20_000) == 0 ? v + 5 : v; // the odd spike
  }

  private void produce(ScalarRun[] runs, int first, int rate, long t0) {
    Random random = new Random(99);
    long periodNanos = 1_000_000_000L * runs.length / rate; // one point to every run per period
    long next = System.nanoTime();
    int step = first;
    while (producing) {
      for (int r = 0; r < runs.length; r++) {
        runs[r].append(step, step / 5_000.0, t0 + step * 100L, value(step, r, random));
      }
      appended.addAndGet(runs.length);
      step++;
      next += periodNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private void probe() {
    while (producing) {
      long posted = System.nanoTime();
      Platform.runLater(
          () -> {
            long delay = System.nanoTime() - posted;
            probeMaxDelay.accumulateAndGet(delay, Math::max);
          });
      try {
        Thread.sleep(PROBE_PERIOD_NANOS / 1_000_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void pulseDone() {
    if (!measuring) {
      return;
    }
    long now = System.nanoTime();
    if (pulseCount == pulseTimes.length) {
      pulseTimes = Arrays.copyOf(pulseTimes, pulseCount * 2);
      pulseWork = Arrays.copyOf(pulseWork, pulseCount * 2);
    }
    pulseTimes[pulseCount] = now;
    pulseWork[pulseCount] = now - preLayoutAt;
    pulseCount++;
  }

  private void report(int runs, int points, int rate, double loadMillis, long appendedAtStart) {
    measuring = false;
    producing = false;
    double elapsed = (System.nanoTime() - measureStart) / 1e9;
    long frames = chart.renderedFrames() - framesAtStart;
    long maxGap = 0;
    for (int i = 1; i < pulseCount; i++) {
      maxGap = Math.max(maxGap, pulseTimes[i] - pulseTimes[i - 1]);
    }
    long[] work = Arrays.copyOf(pulseWork, pulseCount);
    Arrays.sort(work);
    double medianWork = work.length == 0 ? Double.NaN : work[work.length / 2] / 1e6;
    double p99Work = work.length == 0 ? Double.NaN : work[(int) (work.length * 0.99)] / 1e6;
    double maxWork = work.length == 0 ? Double.NaN : work[work.length - 1] / 1e6;
    long pointsNow = points * (long) runs + appended.get();
    System.out.printf(
        Locale.ROOT,
        "ScalarBenchmark: %d runs x %,d points loaded in %.0f ms, +%d points/s (%,d appended while measuring)%n"
            + "  measured %.1f s: %d frames drawn = %.1f frames/s; %d pulses%n"
            + "  longest FX stall: %.1f ms between pulses, %.1f ms probe delay%n"
            + "  pulse work (pre-layout to post-layout): median %.1f ms, p99 %.1f ms, max %.1f ms; %,d points at the end%n",
        runs,
        points,
        loadMillis,
        rate,
        appended.get() - appendedAtStart,
        elapsed,
        frames,
        frames / elapsed,
        pulseCount,
        maxGap / 1e6,
        probeMaxDelay.get() / 1e6,
        medianWork,
        p99Work,
        maxWork,
        pointsNow);
    System.out.printf(Locale.ROOT, "  longest frame drawing in the chart while measuring: %.1f ms%n", chart.longestRenderNanos() / 1e6);
    Platform.exit();
  }
}
}
