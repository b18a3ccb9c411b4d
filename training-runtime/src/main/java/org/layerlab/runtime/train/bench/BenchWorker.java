package org.layerlab.runtime.train.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/**
 * Runs one Java way in this process and prints its result as one line {@code RESULT {json}}: the entry point of the processes that
 * {@link Benchmark} starts. Arguments: way (bare, easytrain, layerlab), data folder, samples, epochs, batch size, threads, seed,
 * warm-up batches.
 */
public final class BenchWorker {

  static final String RESULT = "RESULT ";

  private BenchWorker() {}

  public static void main(String[] args) throws Exception {
    BenchSpec spec =
        new BenchSpec(
            Path.of(args[1]),
            Integer.parseInt(args[2]),
            Integer.parseInt(args[3]),
            Integer.parseInt(args[4]),
            Integer.parseInt(args[5]),
            Long.parseLong(args[6]),
            Integer.parseInt(args[7]));
    BenchResult r =
        switch (args[0]) {
          case "bare" -> BareDjlWay.run(spec);
          case "easytrain" -> EasyTrainWay.run(spec);
          case "layerlab" -> LayerlabWay.run(spec);
          default -> throw new IllegalArgumentException("unknown way " + args[0]);
        };
    System.out.println(RESULT + new ObjectMapper().writeValueAsString(r));
    System.out.flush();
    System.exit(0); // engine threads must not keep the process alive
  }
}
