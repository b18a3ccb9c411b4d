package org.layerlab.runtime.data;

import java.nio.file.Path;
import java.util.Locale;
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;

/**
 * Data that cannot be loaded. The message names the file (when there is one), what is wrong and how to fix it.
 *
 * <p>{@link #getMessage()} is English (the command line, the logs and the run store use it); {@link #message(Locale)} says the same in
 * the window's language.
 */
public class DatasetException extends Exception implements Localized {

  private final transient Path file;
  private final transient LocalText problem;

  public DatasetException(Path file, LocalText problem) {
    super(file == null ? problem.english() : file + ": " + problem.english());
    this.file = file;
    this.problem = problem;
  }

  public DatasetException(Path file, LocalText problem, Throwable cause) {
    super(file == null ? problem.english() : file + ": " + problem.english(), cause);
    this.file = file;
    this.problem = problem;
  }

  /** The file the problem is in, or {@code null} when it concerns no single file. */
  public Path file() {
    return file;
  }

  /** What is wrong and how to fix it, without the file. */
  public LocalText problem() {
    return problem;
  }

  @Override
  public String message(Locale locale) {
    String said = problem.message(locale);
    return file == null ? said : file + ": " + said;
  }
}
