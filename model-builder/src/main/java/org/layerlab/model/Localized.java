package org.layerlab.model;

import java.util.Locale;

/**
 * Something, usually an exception, whose message can be said in the user's language. {@link Throwable#getMessage()} stays English
 * (the command line, the logs and the run records use it); a window asks {@link #message(Locale)} in its own language.
 */
public interface Localized {

  /** The message in {@code locale}'s language, English for languages without a bundle. */
  String message(Locale locale);
}
