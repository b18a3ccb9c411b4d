package org.layerlab.runtime.train.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the four ways, each in a new process, {@code repeat} times in turn, keeps each way's fastest run, and prints the table and the
 * ratios. The Java ways run {@link BenchWorker} on this process's own class path; the PyTorch way runs {@code bench_torch.py} with a
 * Python that can import torch, and is skipped with a message when there is none.
 */
public final class Benchmark {

  /** The ways, in the order they run. */
  public static final List<String> WAYS = List.of("bare", "easytrain", "layerlab", "pytorch");

  private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final long TIMEOUT_MINUTES = 60;

  private final BenchSpec spec;
  private final PrintWriter out;

  public Benchmark(BenchSpec spec, PrintWriter out) {
    this.spec = spec;
    this.out = out;
  }

  /** Runs the given ways and prints the comparison; returns the best result of each way that ran. */
  public Map<String, BenchResult> run(List<String> ways, int repeat) throws IOException, InterruptedException {
    Optional<String> python = ways.contains("pytorch") ? findPython() : Optional.empty();
    out.printf(
        Locale.ROOT,
        "Benchmark: %s on %,d Fashion-MNIST images from %s, %d epoch(s), batch %d, Adam %s, %d thread(s); clock starts after %d"
            + " batches.%n",
        BenchModel.DESCRIPTION,
        spec.samples(),
        spec.dataDir(),
        spec.epochs(),
        spec.batchSize(),
        BenchSpec.LEARNING_RATE,
        spec.threads(),
        spec.warmupBatches());
    if (ways.contains("pytorch") && python.isEmpty()) {
      out.println(
          "PyTorch: skipped, no Python here imports torch. On Debian: sudo apt-get install python3-torch (then run the benchmark again).");
    }
    Map<String, BenchResult> best = new LinkedHashMap<>();
    for (int round = 1; round <= repeat; round++) {
      for (String way : ways) {
        if (way.equals("pytorch") && python.isEmpty()) {
          continue;
        }
        out.printf("  round %d: %s ...%n", round, way);
        out.flush();
        BenchResult r = way.equals("pytorch") ? runPython(python.get()) : runJava(way);
        out.printf(
            Locale.ROOT,
            "    %,.0f samples/s, %,.0f per CPU second, peak %s, last-epoch loss %.4f%n",
            r.samplesPerSecond(),
            r.samplesPerCpuSecond(),
            megabytes(r.peakMemoryBytes()),
            r.lastLoss());
        BenchResult kept = best.get(way);
        if (kept == null || r.samplesPerSecond() > kept.samplesPerSecond()) {
          best.put(way, r);
        }
      }
    }
    print(best);
    return best;
  }

  private void print(Map<String, BenchResult> best) {
    out.println();
    out.printf("%-15s %12s %14s %12s %11s  %s%n", "way", "samples/s", "per CPU second", "peak memory", "last loss", "engine");
    for (BenchResult r : best.values()) {
      out.printf(
          Locale.ROOT,
          "%-15s %,12.0f %,14.0f %12s %11.4f  %s%n",
          r.way(),
          r.samplesPerSecond(),
          r.samplesPerCpuSecond(),
          megabytes(r.peakMemoryBytes()),
          r.lastLoss(),
          r.engine());
    }
    BenchResult layerlab = best.get("layerlab");
    if (layerlab == null) {
      return;
    }
    List<String> ratios = new ArrayList<>();
    double fastestOther = 0;
    String fastestName = "";
    for (BenchResult r : best.values()) {
      if (r != layerlab) {
        ratios.add(String.format(Locale.ROOT, "%.2fx %s", layerlab.samplesPerSecond() / r.samplesPerSecond(), r.way()));
        if (r.samplesPerSecond() > fastestOther) {
          fastestOther = r.samplesPerSecond();
          fastestName = r.way();
        }
      }
    }
    out.println("Layerlab's speed as a multiple of each other way's: " + String.join(", ", ratios));
    List<String> cpuRatios = new ArrayList<>();
    for (BenchResult r : best.values()) {
      if (r != layerlab && r.samplesPerCpuSecond() > 0) {
        cpuRatios.add(String.format(Locale.ROOT, "%.2fx %s", layerlab.samplesPerCpuSecond() / r.samplesPerCpuSecond(), r.way()));
      }
    }
    out.println("The same per CPU second (less disturbed by other programs): " + String.join(", ", cpuRatios));
    if (fastestOther > 0) {
      double ratio = layerlab.samplesPerSecond() / fastestOther;
      out.printf(
          Locale.ROOT,
          "Target, Layerlab at least as fast as the fastest other way (%s): %s (%.1f%%).%n",
          fastestName,
          ratio >= 1 ? "met" : "missed",
          (ratio - 1) * 100);
    }
  }

  private BenchResult runJava(String way) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Dai.djl.offline=true");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BenchWorker.class.getName());
    command.add(way);
    command.addAll(arguments());
    return JSON.readValue(runForResult(command, way), BenchResult.class);
  }

  private BenchResult runPython(String python) throws IOException, InterruptedException {
    Path script = Files.createTempFile("layerlab-bench-torch", ".py");
    try {
      try (InputStream in = Benchmark.class.getResourceAsStream("bench_torch.py")) {
        Files.write(script, in.readAllBytes());
      }
      List<String> command = new ArrayList<>(List.of(python, script.toString()));
      command.addAll(arguments());
      return JSON.readValue(runForResult(command, "pytorch"), BenchResult.class);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private List<String> arguments() {
    return List.of(
        spec.dataDir().toAbsolutePath().toString(),
        Integer.toString(spec.samples()),
        Integer.toString(spec.epochs()),
        Integer.toString(spec.batchSize()),
        Integer.toString(spec.threads()),
        Long.toString(spec.seed()),
        Integer.toString(spec.warmupBatches()));
  }

  /** Runs a command and returns the JSON of its {@code RESULT} line; its other output is dropped unless it fails. */
  private static String runForResult(List<String> command, String way) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder log = new StringBuilder();
    String result = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith(BenchWorker.RESULT)) {
          result = line.substring(BenchWorker.RESULT.length());
        } else {
          log.append(line).append('\n');
        }
      }
    }
    if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("the " + way + " way ran longer than " + TIMEOUT_MINUTES + " minutes");
    }
    if (result == null) {
      throw new IOException("the " + way + " way ended (exit " + p.exitValue() + ") without a result:\n" + log);
    }
    return result;
  }

  /** A Python that imports torch: Debian's {@code /usr/bin/python3} first, then {@code python3} on the path. */
  static Optional<String> findPython() {
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      try {
        Process p = new ProcessBuilder(candidate, "-c", "import torch").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return Optional.of(candidate);
        }
      } catch (IOException e) {
        // not there: try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String megabytes(long bytes) {
    return bytes < 0 ? "-" : String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
  }
}
