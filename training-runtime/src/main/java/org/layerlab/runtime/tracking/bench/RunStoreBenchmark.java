package org.layerlab.runtime.tracking.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.MetricSeries;
import org.layerlab.runtime.store.MetricSummary;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunFilter;
import org.layerlab.runtime.store.RunOptions;
import org.layerlab.runtime.store.RunSort;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.tracking.Axis;
import org.layerlab.runtime.tracking.RunComparison;

/**
 * The run store at the scale the tracking issue sets: writes {@code runs} runs of {@code series} series of {@code points} points
 * (by default 1,000 x 10 x 10,000: 100 million points), then times listing all runs, loading one run's series and loading a
 * comparison of ten runs. Targets: listing under 200 ms, a comparison under 500 ms.
 *
 * <p>Each figure is the median of {@code repeats} timings; the first call after opening the store, when SQLite's page cache is
 * empty, is printed too. The operating system's file cache is not dropped: on a machine that has just
 * written the file it holds most of it, as it would for a user who has just trained.
 *
 * <p>Usage: {@code RunStoreBenchmark [--dir DIR] [--runs N] [--series N] [--points N] [--repeats N] [--keep]}. The store is written
 * to {@code DIR/bench-runs.db} (by default in a new temporary folder) and deleted afterwards unless {@code --keep}; an existing file
 * of the same shape is reused with {@code --reuse}.
 */
public final class RunStoreBenchmark {

  /** The series every benchmark run has, named so that "best" means lowest for losses and errors, highest for the rest. */
  static final List<String> SERIES =
      List.of(
          "step/loss",
          "step/accuracy",
          "step/samples_per_second",
          "step/learning_rate",
          "step/gradient_norm",
          "step/weight_norm",
          "eval/loss",
          "eval/accuracy",
          "eval/top5_accuracy",
          "eval/error_rate");

  /** What to run. */
  public record Options(Path dir, int runs, int series, int points, int repeats, boolean keep, boolean reuse) {

    public static Options defaults() {
      return new Options(null, 1000, 10, 10_000, 5, false, false);
    }

    static Options parse(String[] args) {
      Options o = defaults();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--dir":
            o = new Options(Path.of(args[++i]), o.runs, o.series, o.points, o.repeats, o.keep, o.reuse);
            break;
          case "--runs":
            o = new Options(o.dir, Integer.parseInt(args[++i]), o.series, o.points, o.repeats, o.keep, o.reuse);
            break;
          case "--series":
            o = new Options(o.dir, o.runs, Integer.parseInt(args[++i]), o.points, o.repeats, o.keep, o.reuse);
            break;
          case "--points":
            o = new Options(o.dir, o.runs, o.series, Integer.parseInt(args[++i]), o.repeats, o.keep, o.reuse);
            break;
          case "--repeats":
            o = new Options(o.dir, o.runs, o.series, o.points, Integer.parseInt(args[++i]), o.keep, o.reuse);
            break;
          case "--keep":
            o = new Options(o.dir, o.runs, o.series, o.points, o.repeats, true, o.reuse);
            break;
          case "--reuse":
            o = new Options(o.dir, o.runs, o.series, o.points, o.repeats, true, true);
            break;
          default:
            throw new IllegalArgumentException("unknown option " + a);
        }
      }
      return o;
    }
  }

  /**
   * The figures, in milliseconds.
   *
   * @param listMillis listing every run with its tags and series summaries, newest first
   * @param listSortedMillis the same, sorted by a series' best value
   * @param oneRunMillis loading every series of one run
   * @param compareOneSeriesMillis loading a comparison of ten runs on one series
   * @param compareAllSeriesMillis loading a comparison of ten runs on every series
   */
  public record Figures(
      long points,
      double writeSeconds,
      long fileBytes,
      double listMillis,
      double listSortedMillis,
      double oneRunMillis,
      double compareOneSeriesMillis,
      double compareAllSeriesMillis) {}

  private RunStoreBenchmark() {}

  public static void main(String[] args) throws IOException {
    run(Options.parse(args), new PrintWriter(System.out, true));
  }

  /** Runs the benchmark, printing progress and figures to {@code out}. */
  public static Figures run(Options o, PrintWriter out) throws IOException {
    if (o.series < 1 || o.series > SERIES.size()) {
      throw new IllegalArgumentException("--series must be from 1 to " + SERIES.size());
    }
    Path dir = o.dir != null ? Files.createDirectories(o.dir) : Files.createTempDirectory("layerlab-bench");
    Path db = dir.resolve("bench-runs.db");
    long points = (long) o.runs * o.series * o.points;
    out.printf(
        Locale.ROOT,
        "Run store benchmark: %,d runs x %d series x %,d points = %,d points in %s%n",
        o.runs,
        o.series,
        o.points,
        points,
        db);
    out.printf(
        Locale.ROOT,
        "Java %s, %d processors, max heap %d MB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    try {
      double writeSeconds = Double.NaN;
      if (!(o.reuse && Files.exists(db))) {
        deleteStore(db);
        writeSeconds = write(db, o, out);
      } else {
        out.println("Reusing the store written before.");
      }
      // The write leaves gigabytes of garbage behind; collect it now rather than in the middle of a timed read.
      System.gc();
      long bytes = Files.size(db);
      out.printf(Locale.ROOT, "File: %,d MB%n", bytes >> 20);
      return measure(db, o, out, points, writeSeconds, bytes);
    } finally {
      if (!o.keep) {
        deleteStore(db);
        if (o.dir == null) {
          Files.deleteIfExists(dir);
        }
      }
    }
  }

  private static double write(Path db, Options o, PrintWriter out) {
    long t0 = System.nanoTime();
    Random random = new Random(1);
    try (RunStore store = RunStore.open(db)) {
      for (int r = 0; r < o.runs; r++) {
        // Groups of five seeds; learning rate and width vary between groups, so comparisons have settings to diff.
        Project p = project(r);
        long start = 1_700_000_000_000L + r * 3_600_000L;
        String id =
            store.createRun(
                p.name() + " seed " + p.training().seed(),
                p.name(),
                ProjectFiles.toJson(p),
                start,
                new RunOptions("g" + (r / 5), r % 7 == 0 ? List.of("baseline") : List.of(), ""));
        store.recordStart(id, 100, null);
        List<MetricPoint> batch = new ArrayList<>(o.series * o.points);
        for (int s = 0; s < o.series; s++) {
          String tag = SERIES.get(s);
          double base = random.nextDouble();
          for (int step = 1; step <= o.points; step++) {
            double progress = (double) step / o.points;
            batch.add(new MetricPoint(tag, step, start + 50L * step, base + (1 - progress) + 0.01 * random.nextGaussian()));
          }
        }
        store.appendMetrics(id, batch);
        store.endRun(id, RunStatus.FINISHED, start + 50L * o.points, random.nextDouble(), "benchmark");
        if ((r + 1) % Math.max(1, o.runs / 10) == 0) {
          double s = (System.nanoTime() - t0) / 1e9;
          out.printf(Locale.ROOT, "  wrote %,d runs in %.1f s (%,.0f points/s)%n", r + 1, s, (r + 1.0) * o.series * o.points / s);
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "Write: %.1f s%n", seconds);
    return seconds;
  }

  private static Figures measure(Path db, Options o, PrintWriter out, long points, double writeSeconds, long bytes) {
    try (RunStore store = RunStore.open(db)) {
      List<String> ids = store.findRuns(RunFilter.ALL.withArchived(RunFilter.Archived.INCLUDE)).stream().map(RunEntry::id).toList();
      String one = ids.get(ids.size() / 2);
      List<String> ten = new ArrayList<>();
      for (int i = 0; i < Math.min(10, ids.size()); i++) {
        ten.add(ids.get(i * ids.size() / 10));
      }
      RunFilter all = RunFilter.ALL.withArchived(RunFilter.Archived.INCLUDE);
      RunFilter sorted = all.sortedBy(RunSort.bestFirst("eval/accuracy", MetricSummary.Kind.BEST));
      List<String> firstSeries = List.of(SERIES.get(0));

      out.println("Timings in ms: first call after opening the store, then the median (min-max) of " + o.repeats + " more");
      double list = time(out, "list all runs (tags, summaries)", o.repeats, () -> check(store.findRuns(all).size(), ids.size()));
      double listSorted =
          time(out, "list all runs sorted by best eval/accuracy", o.repeats, () -> check(store.findRuns(sorted).size(), ids.size()));
      time(out, "list all runs, RunStore.listRuns() (app)", o.repeats, () -> check(store.listRuns().size(), ids.size()));
      time(out, "load one series of one run", o.repeats, () -> store.series(one, SERIES.get(0)).size());
      double oneRun =
          time(
              out,
              "load every series of one run",
              o.repeats,
              () -> store.allSeries(one).values().stream().mapToInt(MetricSeries::size).sum());
      double compareOne =
          time(
              out,
              "comparison of 10 runs, 1 series each",
              o.repeats,
              () -> points(RunComparison.load(store, ten, firstSeries, null, Axis.STEP)));
      double compareAll =
          time(
              out,
              "comparison of 10 runs, every series",
              o.repeats,
              () -> points(RunComparison.load(store, ten, List.of(), null, Axis.STEP)));
      Figures f = new Figures(points, writeSeconds, bytes, list, listSorted, oneRun, compareOne, compareAll);
      out.printf(
          Locale.ROOT,
          "Targets: listing %.1f ms (target < 200: %s), comparison of 10 runs %.1f ms on one series, %.1f ms on all %d (target < 500: %s)%n",
          list,
          list < 200 ? "met" : "MISSED",
          compareOne,
          compareAll,
          o.series,
          compareOne < 500 ? (compareAll < 500 ? "met" : "met on one series, MISSED on all") : "MISSED");
      return f;
    }
  }

  private static int check(int got, int expected) {
    if (got != expected) {
      throw new IllegalStateException("listed " + got + " runs, expected " + expected);
    }
    return got;
  }

  private static double time(PrintWriter out, String what, int repeats, Supplier<Integer> work) {
    long t = System.nanoTime();
    int size = work.get();
    double first = (System.nanoTime() - t) / 1e6;
    double[] ms = new double[Math.max(1, repeats)];
    for (int i = 0; i < ms.length; i++) {
      t = System.nanoTime();
      work.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    double median = ms.length % 2 == 1 ? ms[ms.length / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
    out.printf(
        Locale.ROOT, "  %-44s first %8.1f   median %8.1f  (%.1f-%.1f)   [%,d]%n", what, first, median, ms[0], ms[ms.length - 1], size);
    return median;
  }

  /** Run {@code r} of the benchmark: groups of five seeds, with the learning rate and hidden width varying between groups. */
  static Project project(int r) {
    int group = r / 5;
    double rate = new double[] {0.1, 0.03, 0.01, 0.003, 0.001}[group % 5];
    int units = new int[] {32, 64, 128, 256}[(group / 5) % 4];
    ModelSpec model =
        ModelSpec.of(
            new LayerSpec("input", LayerType.INPUT, java.util.Map.of("shape", List.of(2))),
            new LayerSpec("hidden", LayerType.DENSE, java.util.Map.of("units", units)),
            new LayerSpec("out", LayerType.DENSE, java.util.Map.of("units", 3)));
    TrainingSettings t = TrainingSettings.defaults().withLearningRate(rate).withSeed(r % 5);
    return new Project("Benchmark " + (group % 20), "", model, new DatasetRef.Spiral(3, 300, 0.2, 1), t);
  }

  private static void deleteStore(Path db) throws IOException {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
    }
  }

  private static int points(RunComparison c) {
    return c.curves().values().stream().flatMap(List::stream).mapToInt(org.layerlab.runtime.tracking.Curve::size).sum();
  }
}
