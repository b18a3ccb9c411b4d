package org.layerlab.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark commands run end to end at a tiny size; their figures are measured with the real sizes, not here. */
class BenchCommandsTest {

  @TempDir Path dir;

  private String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertEquals(0, exit, out + "\n" + err);
    return out.toString();
  }

  @Test
  void benchStoreWritesTimesAndCleansUp() {
    String out = cli("bench-store", "--runs", "12", "--points", "50", "--repeats", "1", "--dir", dir.toString());
    assertTrue(out.contains("12 runs x 10 series x 50 points = 6,000 points"), out);
    assertTrue(out.contains("comparison of 10 runs, every series"), out);
    assertTrue(out.contains("[5,000]"), "ten runs of ten series of 50 points: " + out);
    assertTrue(out.contains("Targets: listing"), out);
    assertFalse(Files.exists(dir.resolve("bench-runs.db")), "the store is deleted unless --keep");
  }

  @Test
  void benchLoggingComparesBothArms() {
    String out = cli("bench-logging", "--project", Path.of("..", "sample-projects", "spiral").toString(), "--epochs", "1", "--repeats", "1");
    assertTrue(out.contains("with recorder"), out);
    assertTrue(out.contains("lower with the recorder"), out);
    assertTrue(out.contains("Logging CPU a step, median"), out);
    assertTrue(out.contains("fastest step without the recorder"), out);
  }
}
