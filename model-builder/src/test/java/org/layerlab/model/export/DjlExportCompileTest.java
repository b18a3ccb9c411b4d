package org.layerlab.model.export;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.ModelSpec;

/**
 * Compiles the DJL export of every model of {@link ExportModels} against the DJL API jar in the local Maven repository, which the
 * training runtime puts there. This module does not depend on DJL; the test skips when the jar is not there. Running the blocks
 * and comparing DJL's parameter counts is the training runtime's part.
 */
class DjlExportCompileTest {

  private static final Path REPOSITORY = Path.of(System.getProperty("user.home"), ".m2", "repository");

  /** The newest DJL API jar, preferring the version the build uses. */
  private static Optional<Path> djlApi() throws IOException {
    Path dir = REPOSITORY.resolve("ai/djl/api");
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    Path preferred = dir.resolve("0.36.0/api-0.36.0.jar");
    if (Files.isRegularFile(preferred)) {
      return Optional.of(preferred);
    }
    try (Stream<Path> files = Files.walk(dir, 2)) {
      return files.filter(p -> p.getFileName().toString().matches("api-[0-9.]+\\.jar")).sorted().reduce((a, b) -> b);
    }
  }

  @Test
  void djlExportsCompileAgainstTheDjlApi(@TempDir Path dir) throws Exception {
    Optional<Path> api = djlApi();
    assumeTrue(api.isPresent(), "SKIPPED: no ai/djl/api jar in " + REPOSITORY + " (build training-runtime once to fetch it)");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assumeTrue(javac != null, "SKIPPED: tests run on a JRE without a compiler");
    List<String> sources = new ArrayList<>();
    for (Map.Entry<String, ModelSpec> e : ExportModels.all().entrySet()) {
      DjlExporterFiles file = new DjlExporterFiles(dir, e.getKey());
      Files.writeString(file.path(), ExportTarget.DJL.exporter().export(e.getValue(), e.getKey()), StandardCharsets.UTF_8);
      sources.add(file.path().toString());
    }
    List<String> args = new ArrayList<>(List.of("-proc:none", "-Xlint:none", "-classpath", api.get().toString(), "-d", dir.resolve("classes").toString()));
    args.addAll(sources);
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();

    int status = javac.run(null, null, errors, args.toArray(String[]::new));

    assertTrue(status == 0, () -> "javac failed:\n" + errors.toString(StandardCharsets.UTF_8));
  }

  /** Where the source of a model goes: a file named after its public class. */
  private record DjlExporterFiles(Path dir, String name) {
    Path path() {
      return dir.resolve(ExportTarget.DJL.exporter().fileName(name));
    }
  }
}
