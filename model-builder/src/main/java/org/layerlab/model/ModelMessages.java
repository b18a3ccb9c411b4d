package org.layerlab.model;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The texts model-builder gives its callers (the analyzer's problems, the training settings' range checks) in English or Simplified
 * Chinese, from {@code org/layerlab/model/messages.properties} and {@code messages_zh.properties}.
 *
 * <p>Every text is a {@link MessageFormat} pattern. Callers pass numbers already turned into text ({@code String.valueOf}) so that a
 * message shows a number the way the user typed it (65536, 1.0E-4), never with a locale's grouping; {@code ''} is a single quote.
 * A language without its own bundle reads English, also on a computer whose default language is Chinese.
 */
public final class ModelMessages {

  /** The bundle's base name. */
  public static final String BUNDLE = "org.layerlab.model.messages";

  private final Locale locale;
  private final ResourceBundle bundle;

  private ModelMessages(Locale locale) {
    this.locale = locale;
    this.bundle = LocalText.bundle(BUNDLE, locale);
  }

  /** The texts in {@code locale}'s language; English for {@code null} and for languages without a bundle. */
  public static ModelMessages of(Locale locale) {
    return new ModelMessages(locale == null ? Locale.ENGLISH : locale);
  }

  /** The English texts, which the command line, the runtime and the project files use. */
  public static ModelMessages english() {
    return of(Locale.ENGLISH);
  }

  public Locale locale() {
    return locale;
  }

  /**
   * The text under {@code key} with {@code args} filled in.
   *
   * @throws java.util.MissingResourceException when the bundle has no such key (a programming error the bundle test catches)
   */
  public String get(String key, Object... args) {
    String pattern = bundle.getString(Objects.requireNonNull(key, "key"));
    return new MessageFormat(pattern, locale).format(args);
  }

  /** The text under {@code key} with {@code args}, kept to be said later in any language (for exceptions and problems). */
  public static LocalText text(String key, Object... args) {
    return LocalText.of(BUNDLE, key, args);
  }
}
