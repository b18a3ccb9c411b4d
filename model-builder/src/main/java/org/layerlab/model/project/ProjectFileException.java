package org.layerlab.model.project;

import java.nio.file.Path;

/** A project file that cannot be read: the message names the file, the place in it, what is wrong and how to fix it. */
public class ProjectFileException extends Exception {

  private final Path file;
  private final String location;

  public ProjectFileException(Path file, String location, String problem) {
    super(file + (location == null || location.isEmpty() ? "" : ": " + location) + ": " + problem);
    this.file = file;
    this.location = location == null || location.isEmpty() ? null : location;
  }

  public ProjectFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
    this.location = null;
  }

  public Path file() {
    return file;
  }

  /** Where in the file, as a JSON path such as {@code model.layers[2].settings.units}; null for the file as a whole. */
  public String location() {
    return location;
  }
}
