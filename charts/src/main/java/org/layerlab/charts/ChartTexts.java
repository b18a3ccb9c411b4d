package org.layerlab.charts;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts the chart components show of their own (toolbar buttons, axis titles, summaries, notes), from the bundle
 * {@code org.layerlab.charts.texts} in the chosen language: English ({@code texts.properties}) or Simplified Chinese
 * ({@code texts_zh.properties}).
 *
 * <p>Every text goes through {@link MessageFormat}, with or without arguments, so a single quote in the bundle is written twice
 * ({@code ''}).
 *
 * <p>Components read their fixed texts (button labels, axis titles) when they are built, and texts they compute later (summaries,
 * notes, status lines) when they compute them. A caller that switches the language with {@link #setLocale} therefore rebuilds its
 * chart components, as the app rebuilds its views.
 */
public final class ChartTexts {

  private static final String BUNDLE_NAME = "org.layerlab.charts.texts";

  /** The languages the charts ship texts for; the first is the fallback. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  /** The language and its bundle, swapped as one so a reader on another thread never sees one without the other. */
  private record Language(Locale locale, ResourceBundle bundle) {}

  private static volatile Language language;

  static {
    setLocale(Locale.getDefault());
  }

  private ChartTexts() {}

  /**
   * Switches the texts to the supported language closest to {@code wanted}: Chinese for any {@code zh} locale, English for
   * everything else, including null. The JVM's default locale plays no part in the lookup, so a German computer gets English.
   */
  public static void setLocale(Locale wanted) {
    Locale chosen = supported(wanted);
    language = new Language(chosen, bundle(chosen));
  }

  /** The supported language closest to {@code wanted}. */
  public static Locale supported(Locale wanted) {
    return wanted != null && "zh".equals(wanted.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  /** The locale the texts are in now. */
  public static Locale locale() {
    return language.locale();
  }

  /** The bundle of {@code locale} without falling back to the default locale's; for tests that compare the languages. */
  public static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE_NAME, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The text under {@code key} in the current language with {@code args} filled in; the key in brackets when it is missing. */
  public static String get(String key, Object... args) {
    Language now = language;
    String pattern;
    try {
      pattern = now.bundle().getString(key);
    } catch (MissingResourceException e) {
      return "[" + key + "]";
    }
    return new MessageFormat(pattern, now.locale()).format(args);
  }
}
