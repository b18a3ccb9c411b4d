package org.layerlab.runtime.text;

import java.util.List;
import java.util.Locale;
import org.layerlab.model.LocalText;

/**
 * The texts training-runtime gives the window (the data's problems, how a run ended, the names of generated classes) in English or
 * Simplified Chinese, from {@code org/layerlab/runtime/messages.properties} and {@code messages_zh.properties}.
 *
 * <p>The runtime builds a {@link LocalText} where it finds a problem; exceptions keep its English as their message (the command
 * line, the logs and the run store use that), and the window asks the same text in its own language. Every text is a {@link
 * java.text.MessageFormat} pattern: pass numbers already turned into text so they read the same in both languages; {@code ''} is a
 * single quote.
 */
public final class RuntimeMessages {

  /** The bundle's base name. */
  public static final String BUNDLE = "org.layerlab.runtime.messages";

  /** The languages the runtime's texts are written in (the bundle's files), English first: the fallback. */
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  private RuntimeMessages() {}

  /** The text under {@code key} with {@code args}, kept to be said later in any language. */
  public static LocalText text(String key, Object... args) {
    return LocalText.of(BUNDLE, key, args);
  }

  /** The text under {@code key} with {@code args} in {@code locale}'s language (English for languages without a bundle). */
  public static String get(Locale locale, String key, Object... args) {
    return text(key, args).message(locale);
  }

  /** The English text under {@code key} with {@code args}. */
  public static String english(String key, Object... args) {
    return text(key, args).english();
  }
}
