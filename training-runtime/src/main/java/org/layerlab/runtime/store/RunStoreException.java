package org.layerlab.runtime.store;

import java.util.Locale;
import java.util.Objects;
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;

/**
 * The run store could not be read or written; the message names the database file and what to do.
 *
 * <p>{@link #getMessage()} is English (the command line and the logs use it); {@link #message(Locale)} says the same in the
 * window's language. A database driver's own words in it stay as the driver gave them.
 */
public class RunStoreException extends RuntimeException implements Localized {

  private static final long serialVersionUID = 1L;

  private final transient LocalText text;

  public RunStoreException(LocalText text, Throwable cause) {
    super(Objects.requireNonNull(text, "text").english(), cause);
    this.text = text;
  }

  /** The message as a text of the runtime's bundle. */
  public LocalText text() {
    return text;
  }

  @Override
  public String message(Locale locale) {
    return text == null ? getMessage() : text.message(locale);
  }
}
