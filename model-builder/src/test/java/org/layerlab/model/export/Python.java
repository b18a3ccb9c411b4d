package org.layerlab.model.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Finds and runs a Python interpreter for the export tests. */
final class Python {

  private Python() {}

  /** What a finished process printed. */
  record Result(int exitCode, String output) {}

  /**
   * The interpreters to try: {@code $LAYERLAB_PYTHON}, Debian's {@code /usr/bin/python3} (where {@code python3-torch} installs
   * torch, which a pyenv or virtualenv {@code python3} earlier on the PATH does not see), then {@code python3} on the PATH.
   */
  static List<String> candidates() {
    Set<String> c = new LinkedHashSet<>();
    String env = System.getenv("LAYERLAB_PYTHON");
    if (env != null && !env.isBlank()) {
      c.add(env);
    }
    c.add("/usr/bin/python3");
    c.add("python3");
    return new ArrayList<>(c);
  }

  /** The first interpreter that can import {@code module}. */
  static Optional<String> withModule(String module) {
    for (String python : candidates()) {
      try {
        if (run(List.of(python, "-c", "import " + module), 120).exitCode() == 0) {
          return Optional.of(python);
        }
      } catch (IOException e) {
        // not installed at that path: try the next one
      }
    }
    return Optional.empty();
  }

  static Result run(List<String> command, int timeoutSeconds) throws IOException {
    Path log = Files.createTempFile("layerlab-python", ".log");
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return new Result(-1, "timed out after " + timeoutSeconds + " s: " + Files.readString(log, StandardCharsets.UTF_8));
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
