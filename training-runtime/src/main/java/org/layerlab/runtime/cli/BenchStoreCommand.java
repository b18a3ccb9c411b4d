package org.layerlab.runtime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.layerlab.runtime.tracking.bench.RunStoreBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code layerlab bench-store}: the run store at scale. */
@Command(
    name = "bench-store",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the run store: write RUNS runs of SERIES series of POINTS points (100 million points by default: several minutes and",
      "about 4 GB), then time listing all runs, loading one run's series and loading a comparison of 10 runs."
    })
final class BenchStoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the store (default: a new temporary folder).")
  Path dir;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "1000", description = "Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--series", paramLabel = "N", defaultValue = "10", description = "Series per run, 1 to 10. Default: ${DEFAULT-VALUE}.")
  int series;

  @Option(names = "--points", paramLabel = "N", defaultValue = "10000", description = "Points per series. Default: ${DEFAULT-VALUE}.")
  int points;

  @Option(names = "--repeats", paramLabel = "N", defaultValue = "5", description = "Timed repeats of each read. Default: ${DEFAULT-VALUE}.")
  int repeats;

  @Option(names = "--keep", description = "Keep the store afterwards.")
  boolean keep;

  @Option(names = "--reuse", description = "Time the reads on the store a previous --keep left in DIR, without writing it again.")
  boolean reuse;

  @Override
  public Integer call() throws IOException {
    RunStoreBenchmark.run(
        new RunStoreBenchmark.Options(dir, runs, series, points, repeats, keep || reuse, reuse), spec.commandLine().getOut());
    return 0;
  }
}
