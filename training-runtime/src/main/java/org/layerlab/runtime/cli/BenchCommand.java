package org.layerlab.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.train.bench.BenchSpec;
import org.layerlab.runtime.train.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains the same CNN four ways and compares their speed and memory. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Train the same CNN on the same Fashion-MNIST images four ways (a bare DJL loop, DJL's EasyTrain, the Layerlab runtime, and"
          + " PyTorch when python3-torch is installed), each in its own process, and print samples per second, peak memory and"
          + " the ratios. Takes minutes; keep the machine otherwise idle."
    })
final class BenchCommand implements Callable<Integer> {

  private static final Path FULL = Path.of("/usr/share/datasets/fashion-mnist");
  private static final Path SUBSET = Path.of("sample-projects", "fashion-mnist-mlp", "data");

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "IDX folder (default: " + "/usr/share/datasets/fashion-mnist when installed, else the sample's 6,000-image subset).")
  Path data;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "6000", description = "Training images used (default: 6000).")
  int samples;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "2", description = "Epochs (default: 2).")
  int epochs;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "Batch size (default: 64).")
  int batch;

  @Option(names = "--threads", paramLabel = "N", description = "Engine threads for every way (default: the number of processors).")
  Integer threads;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "20", description = "Batches before the clock starts (default: 20).")
  int warmup;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Rounds; each way's fastest counts (default: 1).")
  int repeat;

  @Option(
      names = "--ways",
      paramLabel = "LIST",
      split = ",",
      description = "Which ways, of bare, easytrain, layerlab, pytorch (default: all).")
  List<String> ways;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path dir = data != null ? data : Files.isDirectory(FULL) ? FULL : SUBSET;
    if (!Files.exists(dir.resolve(DatasetLoader.TRAIN_IMAGES + ".gz")) && !Files.exists(dir.resolve(DatasetLoader.TRAIN_IMAGES))) {
      err.println("Error: no Fashion-MNIST training images in " + dir + ": give --data DIR, or run from the repository folder.");
      return 1;
    }
    List<String> chosen = ways == null ? Benchmark.WAYS : ways;
    List<String> unknown = new ArrayList<>(chosen);
    unknown.removeAll(Benchmark.WAYS);
    if (!unknown.isEmpty()) {
      err.println("Error: unknown ways " + unknown + ": use " + String.join(", ", Benchmark.WAYS));
      return 2;
    }
    BenchSpec bench;
    try {
      int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      bench = new BenchSpec(dir, samples, epochs, batch, t, 42, warmup);
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      return 2;
    }
    if (repeat < 1) {
      err.println("Error: --repeat must be 1 or more");
      return 2;
    }
    new Benchmark(bench, spec.commandLine().getOut()).run(chosen, repeat);
    return 0;
  }
}
