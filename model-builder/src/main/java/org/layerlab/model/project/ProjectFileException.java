package org.layerlab.model.project;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.layerlab.model.Localized;

/**
 * A project file that cannot be read: the message names the file, the place in it, what is wrong and how to fix it.
 *
 * <p>{@link #getMessage()} is English, for the command line; {@link #message(Locale)} says the same in the window's language (the
 * file and the JSON path stay as they are, the problem is translated).
 */
public class ProjectFileException extends Exception implements Localized {

  private static final long serialVersionUID = 1L;

  private final Path file;
  private final String location;
  private final transient Localized where;
  private final transient Localized problem;

  /** A problem given in English only, such as a message of another library. */
  public ProjectFileException(Path file, String location, String problem) {
    this(file, location, english(problem));
  }

  /** A problem at {@code location} (a JSON path, or empty for the file as a whole), said in any language. */
  public ProjectFileException(Path file, String location, Localized problem) {
    this(file, location, null, problem);
  }

  /**
   * A problem at {@code location}, which {@code where} says in other languages (a line number: "line 4"); a null {@code where}
   * shows the location as it is.
   */
  public ProjectFileException(Path file, String location, Localized where, Localized problem) {
    super(text(file, location, where, problem, Locale.ENGLISH));
    this.file = file;
    this.location = location == null || location.isEmpty() ? null : location;
    this.where = where;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public ProjectFileException(Path file, String problem, Throwable cause) {
    this(file, english(problem), cause);
  }

  /** The file as a whole cannot be read, because of {@code cause}. */
  public ProjectFileException(Path file, Localized problem, Throwable cause) {
    super(text(file, null, null, problem, Locale.ENGLISH), cause);
    this.file = file;
    this.location = null;
    this.where = null;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public Path file() {
    return file;
  }

  /** Where in the file, as a JSON path such as {@code model.layers[2].settings.units}; null for the file as a whole. */
  public String location() {
    return location;
  }

  /** The file, the place in it and the problem, in {@code locale}'s language (English when there is no bundle for it). */
  @Override
  public String message(Locale locale) {
    return problem == null ? getMessage() : text(file, location, where, problem, locale);
  }

  private static String text(Path file, String location, Localized where, Localized problem, Locale locale) {
    String at = location == null || location.isEmpty() ? "" : ": " + (where == null ? location : where.message(locale));
    return file + at + ": " + problem.message(locale);
  }

  private static Localized english(String problem) {
    return locale -> problem;
  }
}
