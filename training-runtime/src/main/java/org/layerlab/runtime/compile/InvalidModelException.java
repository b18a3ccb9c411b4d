package org.layerlab.runtime.compile;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.layerlab.model.Localized;
import org.layerlab.model.analysis.Problem;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * A model that analysis found invalid, so it cannot be compiled. The message lists every problem, each with its fix.
 *
 * <p>{@link #getMessage()} is English; {@link #message(Locale)} says the same problems in the window's language.
 */
public class InvalidModelException extends Exception implements Localized {

  private final transient List<Problem> problems;
  private final transient Function<Locale, List<Problem>> inLanguage;

  /**
   * @param inLanguage the same problems in a given language (English for {@link Locale#ENGLISH})
   */
  public InvalidModelException(Function<Locale, List<Problem>> inLanguage) {
    this(inLanguage.apply(Locale.ENGLISH), inLanguage);
  }

  private InvalidModelException(List<Problem> english, Function<Locale, List<Problem>> inLanguage) {
    super(said(english, Locale.ENGLISH));
    this.problems = List.copyOf(english);
    this.inLanguage = inLanguage;
  }

  /** The analyzer's problems in English, layer problems first. */
  public List<Problem> problems() {
    return problems;
  }

  @Override
  public String message(Locale locale) {
    return said(inLanguage.apply(locale), locale);
  }

  private static String said(List<Problem> problems, Locale locale) {
    return RuntimeMessages.get(locale, "compile.cannotBuild", describe(problems, locale));
  }

  /** The problems as one English sentence list: {@code layer 'dense1': expects ...; layer 'input': ...}. */
  public static String describe(List<Problem> problems) {
    return describe(problems, Locale.ENGLISH);
  }

  /** The problems, said in {@code locale}'s language, as one sentence list. */
  public static String describe(List<Problem> problems, Locale locale) {
    String out = null;
    for (Problem p : problems) {
      String one = p.layerId() == null ? p.message() : RuntimeMessages.get(locale, "compile.layerProblem", p.layerId(), p.message());
      out = out == null ? one : RuntimeMessages.get(locale, "compile.problemList", out, one);
    }
    return out == null ? "" : out;
  }
}
