package org.layerlab.model.layer;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Looks up the catalog's English and Chinese texts. */
final class Texts {

  private Texts() {}

  /** The text under {@code key} in {@code bundleName} for {@code locale}, English for other languages, "" when there is none. */
  static String get(String bundleName, Locale locale, String key) {
    ResourceBundle bundle = ResourceBundle.getBundle(bundleName, locale);
    if (!bundle.getLocale().getLanguage().equals(locale.getLanguage())) {
      // getBundle falls back to the default locale's bundle, so English asked for on a Chinese computer would come back Chinese
      bundle = ResourceBundle.getBundle(bundleName, Locale.ROOT);
    }
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return "";
    }
  }
}
