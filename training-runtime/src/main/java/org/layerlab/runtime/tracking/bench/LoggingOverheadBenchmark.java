package org.layerlab.runtime.tracking.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFileException;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.store.RunOptions;
import org.layerlab.runtime.store.RunRecorder;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.tracking.RunTracking;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;

/**
 * What recording a run costs its training: trains a project (by default the Fashion-MNIST MLP sample on its shipped subset) with and
 * without a {@link RunRecorder}, alternating, and compares their training throughput. Target: recording costs under 1%.
 *
 * <p>Three figures per run. <b>Training throughput</b>: training samples divided by the time of the training loops, from each epoch's
 * start to the end of its last step, listeners included: the recorder's step buffering, its flushes (at least once a second and at
 * every epoch end) and its provenance at the start all fall inside; validation, identical in both arms, does not. <b>End to end</b>:
 * from the run's start to its end, validation included. <b>Recorder time</b>: the time spent inside the recorder's methods, as a share
 * of the training loops: the direct cost, without the noise that comparing two runs carries. It is split into the logging during
 * training (every step and epoch) and the start; the recorder writes on a thread of its own, whose CPU time (the transactions, and
 * the provenance, which hashes the dataset's files) is reported beside it. The total, training thread plus writer, is what recording
 * costs the machine; the training thread's share is what it costs training directly when a processor is free for the writer.
 *
 * <p>Other processes on the machine make throughput swing from run to run; the load average is printed before and after so that a
 * reader can judge the figures, and the recorder's own time is the figure to trust on a busy machine.
 *
 * <p>Runs alternate (without, with, then with, without, ...) after one untimed warm-up run, so drift of the machine's speed falls on
 * both arms. Usage: {@code LoggingOverheadBenchmark [--project DIR] [--epochs N] [--repeats N] [--dir DIR] [--full]}.
 */
public final class LoggingOverheadBenchmark {

  /** What to run. */
  public record Options(Path project, int epochs, int repeats, Path dir, boolean full) {

    public static Options defaults() {
      String samples = System.getProperty("layerlab.samples", "sample-projects");
      return new Options(Path.of(samples, "fashion-mnist-mlp"), 5, 7, null, false);
    }

    static Options parse(String[] args) {
      Options o = defaults();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--project":
            o = new Options(Path.of(args[++i]), o.epochs, o.repeats, o.dir, o.full);
            break;
          case "--epochs":
            o = new Options(o.project, Integer.parseInt(args[++i]), o.repeats, o.dir, o.full);
            break;
          case "--repeats":
            o = new Options(o.project, o.epochs, Integer.parseInt(args[++i]), o.dir, o.full);
            break;
          case "--dir":
            o = new Options(o.project, o.epochs, o.repeats, Path.of(args[++i]), o.full);
            break;
          case "--full":
            o = new Options(o.project, o.epochs, o.repeats, o.dir, true);
            break;
          default:
            throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return o;
    }
  }

  /**
   * The medians over the repeats.
   *
   * @param overheadPercent how much lower the median training throughput was with the recorder, in percent (negative: higher)
   * @param trainingThreadPercent the median share of the training loops spent inside the recorder's methods, in percent
   * @param writerCpuPercent the median CPU time of the recorder's writer thread, as a share of the training loops, in percent
   */
  public record Figures(
      double withoutSamplesPerSecond, double withSamplesPerSecond, double overheadPercent, double trainingThreadPercent, double writerCpuPercent) {}

  private LoggingOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    run(Options.parse(args), new PrintWriter(System.out, true));
  }

  public static Figures run(Options o, PrintWriter out) throws IOException, ProjectFileException {
    Project p = ProjectFiles.read(o.project);
    if (!o.full && p.dataset() instanceof DatasetRef.Idx idx) {
      p = p.withDataset(idx.withUseFullWhenAvailable(false));
    }
    p = p.withTraining(p.training().withEpochs(o.epochs));
    Path projectDir = ProjectFiles.resolve(o.project).toAbsolutePath().getParent();
    Path dir = o.dir != null ? Files.createDirectories(o.dir) : Files.createTempDirectory("layerlab-bench");
    Path db = dir.resolve("bench-logging.db");
    out.printf(
        Locale.ROOT,
        "Logging overhead: %s, %d epochs a run, %d runs with and %d without the recorder, alternating; store %s%n",
        p.name(),
        o.epochs,
        o.repeats,
        o.repeats,
        db);
    out.println("  load average before: " + loadAverage());
    List<Measure> without = new ArrayList<>();
    List<Measure> with = new ArrayList<>();
    try (RunStore store = RunStore.open(db)) {
      Measure warm = train(p.withTraining(p.training().withEpochs(1)), projectDir, null);
      out.printf(Locale.ROOT, "  warm-up: %d training samples per epoch, %d batches%n", warm.trainSamples, warm.batches);
      for (int i = 0; i < o.repeats; i++) {
        boolean recordFirst = i % 2 == 1;
        for (int k = 0; k < 2; k++) {
          boolean record = (k == 0) == recordFirst;
          Measure m = train(p, projectDir, record ? store : null);
          (record ? with : without).add(m);
          out.printf(
              Locale.ROOT,
              "  %-14s training %,8.0f samples/s, end to end %,8.0f samples/s; recorder: training thread %.3f%%, writer CPU %.3f%%%n",
              record ? "with recorder" : "without",
              m.loopThroughput(),
              m.endToEndThroughput(),
              m.recorderShare() * 100,
              m.writerShare() * 100);
        }
      }
    } finally {
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(dir.resolve("bench-logging.db" + suffix));
      }
      if (o.dir == null) {
        Files.deleteIfExists(dir);
      }
    }
    double a = median(without.stream().mapToDouble(Measure::loopThroughput).toArray());
    double b = median(with.stream().mapToDouble(Measure::loopThroughput).toArray());
    double e2eA = median(without.stream().mapToDouble(Measure::endToEndThroughput).toArray());
    double e2eB = median(with.stream().mapToDouble(Measure::endToEndThroughput).toArray());
    double share = median(with.stream().mapToDouble(Measure::recorderShare).toArray()) * 100;
    double writer = median(with.stream().mapToDouble(Measure::writerShare).toArray()) * 100;
    double total = median(with.stream().mapToDouble(m -> m.recorderShare() + m.writerShare()).toArray()) * 100;
    out.println("  load average after: " + loadAverage());
    double overhead = (1 - b / a) * 100;
    out.printf(
        Locale.ROOT,
        "Training throughput, median of %d: without %,.0f samples/s (%s), with %,.0f samples/s (%s): %.2f%% lower with the recorder%n",
        o.repeats,
        a,
        range(without),
        b,
        range(with),
        overhead);
    out.printf(Locale.ROOT, "End to end (validation included): without %,.0f, with %,.0f samples/s: %.2f%% lower%n", e2eA, e2eB, (1 - e2eB / e2eA) * 100);
    out.printf(
        Locale.ROOT,
        "Recorder cost as a share of the training loops, median: training thread %.3f%%, writer thread CPU %.3f%%, together %.3f%%"
            + " (target < 1%%: %s)%n",
        share,
        writer,
        total,
        total < 1 ? "met" : share < 1 ? "met on the training thread, MISSED counting the writer" : "MISSED");
    return new Figures(a, b, overhead, share, writer);
  }

  /** The 1, 5 and 15 minute load averages, or "unknown" off Linux. */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " processors";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String range(List<Measure> ms) {
    double lo = ms.stream().mapToDouble(Measure::loopThroughput).min().orElse(Double.NaN);
    double hi = ms.stream().mapToDouble(Measure::loopThroughput).max().orElse(Double.NaN);
    return String.format(Locale.ROOT, "%,.0f-%,.0f", lo, hi);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Trains once; records into {@code store} when it is given. */
  private static Measure train(Project p, Path projectDir, RunStore store) {
    Measure m = new Measure();
    TrainingListener recorder = new TrainingListener() {};
    String runId = null;
    if (store != null) {
      RunRecorder r = RunTracking.begin(store, p, projectDir, "logging overhead", RunOptions.NONE);
      runId = r.runId();
      recorder = new Timed(r, m);
    }
    // The head meter hears every event before the recorder, the tail meter after it: each loop's time runs from the head's epoch
    // start to the tail's last step, so the recorder's work in between, its epoch-end flush included, counts.
    TrainingListener all = TrainingListener.all(m.head(), recorder, m.tail());
    RunEnded end = new TrainingRun(new TrainingRequest(p, projectDir, "logging overhead", runId), all).call();
    if (recorder instanceof Timed t) {
      m.writerCpuNanos = t.recorder.writeCpuNanos();
    }
    if (end.status() != RunStatus.FINISHED) {
      throw new IllegalStateException("the benchmark's run ended " + end.status() + ": " + end.message());
    }
    return m;
  }

  /** Timestamps of one run. */
  private static final class Measure {
    int trainSamples;
    int batches;
    int epochs;
    long startNanos;
    long endNanos;
    long loopNanos;
    long epochStartNanos;
    long lastStepEndNanos;
    long recorderNanos;
    long writerCpuNanos;

    double loopThroughput() {
      return (double) trainSamples * epochs / (loopNanos / 1e9);
    }

    double endToEndThroughput() {
      return (double) trainSamples * epochs / ((endNanos - startNanos) / 1e9);
    }

    double recorderShare() {
      return (double) recorderNanos / loopNanos;
    }

    double writerShare() {
      return (double) writerCpuNanos / loopNanos;
    }

    TrainingListener head() {
      return new TrainingListener() {
        @Override
        public void onRunStarted(RunStarted e) {
          startNanos = System.nanoTime();
          epochStartNanos = startNanos;
          trainSamples = e.trainSamples();
          batches = e.batchesPerEpoch();
        }

        @Override
        public void onEpoch(EpochMetrics e) {
          epochStartNanos = System.nanoTime();
        }
      };
    }

    TrainingListener tail() {
      return new TrainingListener() {
        @Override
        public void onStep(StepMetrics s) {
          if (s.batch() == s.batchesPerEpoch()) {
            lastStepEndNanos = System.nanoTime();
            loopNanos += lastStepEndNanos - epochStartNanos;
            epochs++;
          }
        }

        @Override
        public void onRunEnded(RunEnded e) {
          endNanos = System.nanoTime();
        }
      };
    }
  }

  /** Forwards to the recorder and adds the time each call took to the measure. */
  private static final class Timed implements TrainingListener {
    private final RunRecorder recorder;
    private final TrainingListener inner;
    private final Measure m;

    Timed(RunRecorder recorder, Measure m) {
      this.recorder = recorder;
      this.inner = recorder;
      this.m = m;
    }

    @Override
    public void onRunStarted(RunStarted e) {
      long t = System.nanoTime();
      inner.onRunStarted(e);
      m.recorderNanos += System.nanoTime() - t;
    }

    @Override
    public void onStep(StepMetrics s) {
      long t = System.nanoTime();
      inner.onStep(s);
      m.recorderNanos += System.nanoTime() - t;
    }

    @Override
    public void onEpoch(EpochMetrics e) {
      long t = System.nanoTime();
      inner.onEpoch(e);
      m.recorderNanos += System.nanoTime() - t;
    }

    @Override
    public void onRunEnded(RunEnded e) {
      inner.onRunEnded(e);
    }
  }
}
