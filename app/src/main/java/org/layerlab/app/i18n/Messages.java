package org.layerlab.app.i18n;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of the user interface, from the bundle {@code org.layerlab.app.messages} for the default locale.
 *
 * <p>Every text goes through {@link MessageFormat}, with or without arguments, so a single quote in the bundle is always written
 * twice ({@code ''}).
 */
public final class Messages {

  private static final String BUNDLE_NAME = "org.layerlab.app.messages";
  private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(BUNDLE_NAME);

  /**
   * The language the texts are really in. The base bundle is English; without this, a Chinese computer would show English app texts
   * next to Chinese layer descriptions.
   */
  private static final Locale LOCALE = BUNDLE.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : BUNDLE.getLocale();

  private Messages() {}

  /** The text under {@code key} with {@code args} filled in; the key itself in brackets when the bundle lacks it. */
  public static String get(String key, Object... args) {
    String pattern;
    try {
      pattern = BUNDLE.getString(key);
    } catch (MissingResourceException e) {
      return "[" + key + "]";
    }
    return new MessageFormat(pattern, LOCALE).format(args);
  }

  /** The locale the texts are in; use it for text from other modules (layer descriptions) so that one window speaks one language. */
  public static Locale locale() {
    return LOCALE;
  }

  /** A whole number with grouping, such as 4,224. */
  public static String integer(long n) {
    return NumberFormat.getIntegerInstance(LOCALE).format(n);
  }

  /** A share as a percentage with one decimal, such as 97.3%; a dash when it is NaN. */
  public static String percent(double fraction) {
    if (Double.isNaN(fraction)) {
      return get("common.none");
    }
    NumberFormat f = NumberFormat.getPercentInstance(LOCALE);
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f.format(fraction);
  }
}
