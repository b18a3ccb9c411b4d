package org.layerlab.app.i18n;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.layerlab.charts.ChartTexts;

/**
 * The texts of the user interface, from the bundle {@code org.layerlab.app.messages} in the chosen language.
 *
 * <p>Every text goes through {@link MessageFormat}, with or without arguments, so a single quote in the bundle is always written
 * twice ({@code ''}).
 *
 * <p>The language can change while the window is open ({@link #setLocale}); views then rebuild themselves and view models republish
 * their texts, so nothing else has to observe the language.
 */
public final class Messages {

  private static final String BUNDLE_NAME = "org.layerlab.app.messages";

  /** The languages the app ships texts for; the first is the fallback. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  private static volatile ResourceBundle bundle;
  private static volatile Locale locale;

  static {
    setLocale(Locale.getDefault());
  }

  private Messages() {}

  /**
   * Switches the texts to the supported language closest to {@code wanted} (Chinese for any {@code zh} locale, else English).
   *
   * <p>The base bundle is English; without the explicit choice, a Chinese computer would show English app texts next to Chinese layer
   * descriptions.
   */
  public static void setLocale(Locale wanted) {
    Locale chosen = supported(wanted);
    // ROOT fallback control: a German computer must get the English base bundle, not the bundle of the default locale.
    bundle = ResourceBundle.getBundle(BUNDLE_NAME, chosen, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    locale = chosen;
    // The chart components have their own texts (toolbars, legends, notes); one window speaks one language.
    ChartTexts.setLocale(chosen);
  }

  /** The supported language closest to {@code wanted}. */
  public static Locale supported(Locale wanted) {
    return wanted != null && "zh".equals(wanted.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  /** The bundle of {@code locale}, for tests that compare the languages. */
  public static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE_NAME, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The text under {@code key} with {@code args} filled in; the key itself in brackets when the bundle lacks it. */
  public static String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return "[" + key + "]";
    }
    return new MessageFormat(pattern, locale).format(args);
  }

  /** The text under {@code key} when the bundle has it, else {@code fallback}: for texts that only some items translate. */
  public static String getOrDefault(String key, String fallback) {
    return bundle.containsKey(key) ? get(key) : fallback;
  }

  /** The locale the texts are in; use it for text from other modules (layer descriptions) so that one window speaks one language. */
  public static Locale locale() {
    return locale;
  }

  /**
   * What went wrong, in the window's language: an error from another module that carries a {@link org.layerlab.model.Localized}
   * text (anywhere in its cause chain) is said in it; others give their own message.
   */
  public static String describe(Throwable error) {
    return org.layerlab.model.LocalText.describe(error, locale);
  }

  /** A whole number with grouping, such as 4,224. */
  public static String integer(long n) {
    return NumberFormat.getIntegerInstance(locale).format(n);
  }

  /** A share as a percentage with one decimal, such as 97.3%; a dash when it is NaN. */
  public static String percent(double fraction) {
    if (Double.isNaN(fraction)) {
      return get("common.none");
    }
    NumberFormat f = NumberFormat.getPercentInstance(locale);
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f.format(fraction);
  }
}
