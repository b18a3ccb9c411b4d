package org.layerlab.runtime.data;

import java.nio.file.Path;

/** Data that cannot be loaded. The message names the file (when there is one), what is wrong and how to fix it. */
public class DatasetException extends Exception {

  private final transient Path file;

  public DatasetException(Path file, String problem) {
    super(file == null ? problem : file + ": " + problem);
    this.file = file;
  }

  public DatasetException(Path file, String problem, Throwable cause) {
    super(file == null ? problem : file + ": " + problem, cause);
    this.file = file;
  }

  /** The file the problem is in, or {@code null} when it concerns no single file. */
  public Path file() {
    return file;
  }
}
