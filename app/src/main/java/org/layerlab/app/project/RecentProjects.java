package org.layerlab.app.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The projects opened or saved last, newest first, one path a line in {@code recent-projects.txt} in the workspace folder. Its methods
 * read and write that file: call them from a worker, not the UI thread.
 */
public final class RecentProjects {

  public static final String FILE_NAME = "recent-projects.txt";
  static final int MAX = 8;

  private final Path file;

  public RecentProjects(Path workspaceHome) {
    this.file = workspaceHome.resolve(FILE_NAME);
  }

  /** The recent project files that still exist, newest first. */
  public synchronized List<Path> list() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank())
          .map(Path::of)
          .filter(Files::exists)
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Puts {@code project} first, dropping an older entry for it and the oldest beyond {@value #MAX}. */
  public synchronized List<Path> add(Path project) {
    Path abs = project.toAbsolutePath().normalize();
    List<Path> paths = new ArrayList<>(list());
    paths.remove(abs);
    paths.add(0, abs);
    List<Path> kept = paths.subList(0, Math.min(MAX, paths.size()));
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, kept.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not record the recent projects in " + file, e);
    }
    return List.copyOf(kept);
  }
}
