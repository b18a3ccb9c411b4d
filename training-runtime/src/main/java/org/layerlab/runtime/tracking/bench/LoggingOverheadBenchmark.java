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
import org.layerlab.runtime.tracking.Provenance;
import org.layerlab.runtime.train.TrainingRequest;
import org.layerlab.runtime.train.TrainingRun;

/**
 * What recording a run costs its training: trains a project (by default the Fashion-MNIST MLP sample on its shipped subset) with and
 * without a {@link RunRecorder}, alternating, and compares them. Target: recording costs under 1% of training throughput.
 *
 * <p>Two measures. <b>Throughput</b> of the training loops (samples over the time from each epoch's start to the end of its last step,
 * listeners included, validation not), with and without the recorder: the plain answer, but on a machine that other processes share
 * it swings by far more than 1% from run to run. <b>CPU per step</b>: the processor time the recorder uses, on the training thread
 * (inside its methods) and on its writer thread (the transactions, and the provenance, which hashes the dataset's files), divided by
 * the steps. CPU time does not grow when other processes take the processor, so it is the figure to trust on a busy machine. Divided
 * by the fastest step time measured without the recorder, it bounds the overhead from above: it counts every cycle of the writer as
 * taken from training, although on a free core it is not.
 *
 * <p>Runs alternate (without, with, then with, without, ...) after one untimed warm-up run, so drift of the machine's speed falls on
 * both arms; the load average is printed before and after. Usage: {@code LoggingOverheadBenchmark [--project DIR] [--epochs N]
 * [--repeats N] [--dir DIR] [--full]}.
 */
public final class LoggingOverheadBenchmark {

  /** What to run. */
  public record Options(Path project, int epochs, int repeats, Path dir, boolean full) {

    public static Options defaults() {
      String samples = System.getProperty("layerlab.samples", "sample-projects");
      return new Options(Path.of(samples, "fashion-mnist-mlp"), 20, 5, null, false);
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
   * @param recorderCpuMicrosPerStep the median CPU time of the recorder per step, both threads, in microseconds
   * @param fastestStepMicros the fastest training step measured without the recorder (loop time over steps), in microseconds
   * @param boundPercent recorder CPU per step over the fastest step: an upper bound of the overhead on a machine with a free core
   */
  public record Figures(
      double withoutSamplesPerSecond,
      double withSamplesPerSecond,
      double overheadPercent,
      double recorderCpuMicrosPerStep,
      double fastestStepMicros,
      double boundPercent) {}

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

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
      // One untimed run of each arm first, so that both paths are compiled by the JIT before anything is measured.
      Measure warm = train(p.withTraining(p.training().withEpochs(1)), projectDir, null);
      train(p.withTraining(p.training().withEpochs(1)), projectDir, store);
      out.printf(Locale.ROOT, "  warm-up: %d training samples per epoch, %d batches%n", warm.trainSamples, warm.batches);
      for (int i = 0; i < o.repeats; i++) {
        boolean recordFirst = i % 2 == 1;
        for (int k = 0; k < 2; k++) {
          boolean record = (k == 0) == recordFirst;
          Measure m = train(p, projectDir, record ? store : null);
          (record ? with : without).add(m);
          out.printf(
              Locale.ROOT,
              "  %-14s training %,8.0f samples/s (%,6.0f us a step), end to end %,8.0f samples/s%s%n",
              record ? "with recorder" : "without",
              m.loopThroughput(),
              m.stepMicros(),
              m.endToEndThroughput(),
              record
                  ? String.format(
                      Locale.ROOT,
                      "; CPU a step: %.2f us training thread, %.2f us writer; provenance %.1f ms",
                      m.trainingCpuMicros(),
                      m.writerCpuMicros(),
                      m.provenanceCpuNanos / 1e6)
                  : String.format(Locale.ROOT, "; CPU a step in a no-op listener: %.2f us", m.trainingCpuMicros()));
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
    // The same instrumentation wraps a no-op listener in the runs without the recorder: its cost is subtracted.
    double instrument = median(without.stream().mapToDouble(Measure::trainingCpuMicros).toArray());
    double trainingCpu = Math.max(0, median(with.stream().mapToDouble(Measure::trainingCpuMicros).toArray()) - instrument);
    double writerCpu = median(with.stream().mapToDouble(Measure::writerCpuMicros).toArray());
    double provenanceMs = median(with.stream().mapToDouble(m -> m.provenanceCpuNanos / 1e6).toArray());
    double fastest = without.stream().mapToDouble(Measure::stepMicros).min().orElse(Double.NaN);
    double bound = (trainingCpu + writerCpu) / fastest * 100;
    double overhead = (1 - b / a) * 100;
    out.println("  load average after: " + loadAverage());
    out.printf(
        Locale.ROOT,
        "Training throughput, median of %d: without %,.0f samples/s (%s), with %,.0f samples/s (%s): %.2f%% lower with the recorder%n",
        o.repeats,
        a,
        range(without),
        b,
        range(with),
        overhead);
    out.printf(
        Locale.ROOT, "End to end (validation included): without %,.0f, with %,.0f samples/s: %.2f%% lower%n", e2eA, e2eB, (1 - e2eB / e2eA) * 100);
    out.printf(
        Locale.ROOT,
        "Logging CPU a step, median: %.2f us on the training thread (%.2f us of instrumentation taken off) + %.2f us on the writer ="
            + " %.2f us; fastest step without the recorder %.0f us: at most %.2f%% (target < 1%%: %s)%n",
        trainingCpu,
        instrument,
        writerCpu,
        trainingCpu + writerCpu,
        fastest,
        bound,
        bound < 1 ? "met" : "MISSED");
    out.printf(
        Locale.ROOT,
        "Once a run, on the writer thread: provenance (dataset fingerprint, versions) %.1f ms CPU, not counted above%n",
        provenanceMs);
    return new Figures(a, b, overhead, trainingCpu + writerCpu, fastest, bound);
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
    // Both arms carry the same instrumentation: the recorder, or a listener that does nothing.
    TrainingListener recorder = new Timed(null, new TrainingListener() {}, m);
    String runId = null;
    if (store != null) {
      java.util.function.Supplier<String> provenance = Provenance.supplier(p, projectDir);
      RunRecorder r =
          RunRecorder.begin(
              store,
              p,
              "logging overhead",
              RunOptions.NONE,
              () -> {
                long t = THREADS.getCurrentThreadCpuTime();
                try {
                  return provenance.get();
                } finally {
                  m.provenanceCpuNanos = THREADS.getCurrentThreadCpuTime() - t;
                }
              });
      runId = r.runId();
      recorder = new Timed(r, r, m);
    }
    // The head meter hears every event before the recorder, the tail meter after it: each loop's time runs from the head's epoch
    // start to the tail's last step, so the recorder's work in between, its epoch-end flush included, counts.
    TrainingListener all = TrainingListener.all(m.head(), recorder, m.tail());
    RunEnded end = new TrainingRun(new TrainingRequest(p, projectDir, "logging overhead", runId), all).call();
    if (recorder instanceof Timed t && t.recorder != null) {
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
    long recorderCpuNanos;
    long writerCpuNanos;
    volatile long provenanceCpuNanos;

    double loopThroughput() {
      return (double) trainSamples * epochs / (loopNanos / 1e9);
    }

    double endToEndThroughput() {
      return (double) trainSamples * epochs / ((endNanos - startNanos) / 1e9);
    }

    double steps() {
      return (double) batches * epochs;
    }

    double stepMicros() {
      return loopNanos / 1e3 / steps();
    }

    double trainingCpuMicros() {
      return recorderCpuNanos / 1e3 / steps();
    }

    /** The writer's CPU a step for the metrics, without the provenance gathered once at the start. */
    double writerCpuMicros() {
      return (writerCpuNanos - provenanceCpuNanos) / 1e3 / steps();
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

    Timed(RunRecorder recorder, TrainingListener inner, Measure m) {
      this.recorder = recorder;
      this.inner = inner;
      this.m = m;
    }

    @Override
    public void onRunStarted(RunStarted e) {
      long t = THREADS.getCurrentThreadCpuTime();
      inner.onRunStarted(e);
      m.recorderCpuNanos += THREADS.getCurrentThreadCpuTime() - t;
    }

    @Override
    public void onStep(StepMetrics s) {
      long t = THREADS.getCurrentThreadCpuTime();
      inner.onStep(s);
      m.recorderCpuNanos += THREADS.getCurrentThreadCpuTime() - t;
    }

    @Override
    public void onEpoch(EpochMetrics e) {
      long t = THREADS.getCurrentThreadCpuTime();
      inner.onEpoch(e);
      m.recorderCpuNanos += THREADS.getCurrentThreadCpuTime() - t;
    }

    @Override
    public void onRunEnded(RunEnded e) {
      inner.onRunEnded(e);
    }
  }
}
