package org.layerlab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the command line asks of the window: which project to open.
 *
 * @param projectPath the {@code --project} argument, or empty for the spiral sample
 */
public record StartupOptions(Optional<Path> projectPath) {

  /** The system property naming the folder of the sample projects. */
  public static final String SAMPLES_PROPERTY = "layerlab.samples";

  /** Whether the arguments name a command for the command line ({@code train}, {@code runs}, ...) rather than options of the window. */
  public static boolean isCommand(String... args) {
    if (args.length == 0) {
      return false;
    }
    // --help and --version belong to the command line, which lists the commands and how to open the window
    return !args[0].startsWith("-") || List.of("-h", "--help", "-V", "--version").contains(args[0]);
  }

  /**
   * Reads {@code --project PATH} or {@code --project=PATH}; other arguments are ignored.
   *
   * @throws IllegalArgumentException when {@code --project} has no value
   */
  public static StartupOptions parse(List<String> args) {
    Path project = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--project")) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("--project needs a project folder or project.json after it");
        }
        project = Path.of(args.get(++i));
      } else if (a.startsWith("--project=")) {
        project = Path.of(a.substring("--project=".length()));
      }
    }
    return new StartupOptions(Optional.ofNullable(project));
  }

  /** The folder of the sample projects: the {@value #SAMPLES_PROPERTY} property, else {@code sample-projects} in the working folder. */
  public static Path samplesDir() {
    String dir = System.getProperty(SAMPLES_PROPERTY);
    return Path.of(dir == null || dir.isBlank() ? "sample-projects" : dir);
  }

  /** The project to open: the one asked for, else the spiral sample. */
  public Path projectOrSpiral(Path samplesDir) {
    return projectPath.orElse(samplesDir.resolve("spiral"));
  }
}
