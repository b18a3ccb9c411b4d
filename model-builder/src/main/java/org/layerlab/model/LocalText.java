package org.layerlab.model;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A text kept as a key in a module's message bundle with its arguments, so that it can be said later in any language: the runtime
 * and the project files build these where they find a problem, the window words them in its language, the command line in English.
 *
 * <p>Arguments are filled in with {@link MessageFormat}; pass numbers already turned into text ({@code String.valueOf}) so they show
 * as the user typed them, never with a locale's grouping. An argument that is itself a {@code LocalText} is said in the same
 * language, so a problem can name a translated part (a dataset's kind, a layer's family).
 *
 * @param bundle the bundle's base name, such as {@code org.layerlab.model.messages}
 * @param key the key in that bundle
 * @param args the values for the pattern's placeholders
 */
public record LocalText(String bundle, String key, List<Object> args) implements Localized {

  public LocalText {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(key, "key");
    args = List.copyOf(args.stream().map(a -> a == null ? (Object) "null" : a).toList());
  }

  /** The text under {@code key} in {@code bundle}, with {@code args}. */
  public static LocalText of(String bundle, String key, Object... args) {
    return new LocalText(bundle, key, args == null ? List.of() : Arrays.asList(args));
  }

  @Override
  public String message(Locale locale) {
    Locale l = locale == null ? Locale.ENGLISH : locale;
    Object[] filled = args.stream().map(a -> a instanceof Localized t ? t.message(l) : a).toArray();
    return new MessageFormat(bundle(bundle, l).getString(key), l).format(filled);
  }

  /** The English text. */
  public String english() {
    return message(Locale.ENGLISH);
  }

  /** The English text, so that a {@code LocalText} concatenated into an English message reads right. */
  @Override
  public String toString() {
    return english();
  }

  /**
   * The bundle {@code base} in {@code locale}'s language, or the English (root) one for languages without their own file, also on
   * a computer whose default language has one ({@link ResourceBundle#getBundle} would otherwise fall back to the default locale).
   */
  public static ResourceBundle bundle(String base, Locale locale) {
    ResourceBundle b = ResourceBundle.getBundle(base, locale);
    if (!b.getLocale().getLanguage().equals(locale.getLanguage())) {
      b = ResourceBundle.getBundle(base, Locale.ROOT);
    }
    return b;
  }

  /**
   * The message of {@code error} in {@code locale}'s language: the first {@link Localized} in its cause chain speaks for it;
   * otherwise its own message, or the first non-blank one among its causes, or its class's simple name.
   */
  public static String describe(Throwable error, Locale locale) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Localized l) {
        return l.message(locale);
      }
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    return error == null ? "" : error.getClass().getSimpleName();
  }
}
