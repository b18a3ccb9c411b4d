package org.layerlab.runtime.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.layerlab.runtime.tracking.bench.LoggingOverheadBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code layerlab bench-logging}: what recording costs a training run. */
@Command(
    name = "bench-logging",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark what recording a run costs: train a project with and without the run recorder, alternating, and compare their",
      "training throughput. Default: the Fashion-MNIST MLP sample on its shipped subset."
    })
final class BenchLoggingCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--project", paramLabel = "DIR", description = "The project to train (default: the fashion-mnist-mlp sample).")
  Path project;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "Epochs per run. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--repeats", paramLabel = "N", defaultValue = "5", description = "Runs in each arm. Default: ${DEFAULT-VALUE}.")
  int repeats;

  @Option(names = "--full", description = "Train on the full dataset when installed, not the project's own files.")
  boolean full;

  @Override
  public Integer call() throws Exception {
    LoggingOverheadBenchmark.Options d = LoggingOverheadBenchmark.Options.defaults();
    LoggingOverheadBenchmark.run(
        new LoggingOverheadBenchmark.Options(project != null ? project : d.project(), epochs, repeats, null, full), spec.commandLine().getOut());
    return 0;
  }
}
