package org.layerlab.model.export;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;
import org.layerlab.model.analysis.Problem;

/**
 * A model that cannot be written as code yet, with the problems to fix first.
 *
 * <p>{@link #getMessage()} and {@link #problems()} are English; {@link #message(Locale)}, {@link #headline(Locale)} and {@link
 * #problems(Locale)} say the same in the window's language.
 */
public class ExportException extends Exception implements Localized {

  private static final long serialVersionUID = 1L;

  private final transient Localized headline;
  private final transient List<Problem> problems;
  private final transient Function<Locale, List<Problem>> problemsIn;

  /** A refusal said in English only, with English problems. */
  public ExportException(String message, List<Problem> problems) {
    this(locale -> message, problems, locale -> problems);
  }

  /**
   * A refusal whose headline and problems can be said in any language.
   *
   * @param problems the problems in English
   * @param problemsIn the same problems in a given language, in the same order
   */
  public ExportException(LocalText headline, List<Problem> problems, Function<Locale, List<Problem>> problemsIn) {
    this((Localized) headline, problems, problemsIn);
  }

  private ExportException(Localized headline, List<Problem> problems, Function<Locale, List<Problem>> problemsIn) {
    super(text(headline.message(Locale.ENGLISH), problems));
    this.headline = headline;
    this.problems = List.copyOf(problems);
    this.problemsIn = Objects.requireNonNull(problemsIn, "problemsIn");
  }

  /** The problems, in English. */
  public List<Problem> problems() {
    return problems;
  }

  /** The problems in {@code locale}'s language (English when there is no bundle for it). */
  public List<Problem> problems(Locale locale) {
    return locale == null || problemsIn == null ? problems : List.copyOf(problemsIn.apply(locale));
  }

  /** What stops the export, without the problems, in {@code locale}'s language. */
  public String headline(Locale locale) {
    return headline == null ? getMessage() : headline.message(locale);
  }

  @Override
  public String message(Locale locale) {
    return headline == null ? getMessage() : text(headline(locale), problems(locale));
  }

  private static String text(String headline, List<Problem> problems) {
    return headline + (problems.isEmpty() ? "" : ": " + problems);
  }
}
