package org.layerlab.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark itself is not a test (it takes minutes); this checks that its command refuses what it cannot run. */
class BenchCommandTest {

  private static final String SUBSET = Path.of("..", "sample-projects", "fashion-mnist-mlp", "data").toString();

  private static int run(StringWriter err, String... args) {
    return Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
  }

  @Test
  void unknownWaysAndImpossibleSizesAreRefusedBeforeAnythingRuns(@TempDir Path empty) {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "bench", "--data", SUBSET, "--ways", "bare,tensorflow"));
    assertTrue(err.toString().contains("unknown ways [tensorflow]"), err.toString());

    err = new StringWriter();
    assertEquals(2, run(err, "bench", "--data", SUBSET, "--samples", "10", "--batch", "64"));
    assertTrue(err.toString().contains("samples >= batch size"), err.toString());

    err = new StringWriter();
    assertEquals(1, run(err, "bench", "--data", empty.toString()));
    assertTrue(err.toString().contains("no Fashion-MNIST training images in"), err.toString());
  }
}
