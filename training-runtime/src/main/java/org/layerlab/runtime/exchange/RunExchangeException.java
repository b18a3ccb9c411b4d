package org.layerlab.runtime.exchange;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;

/**
 * A file to import that cannot be read as runs (not JSON, not a Layerlab export, a damaged event file); the message names the file,
 * what is wrong and how to fix it.
 *
 * <p>{@link #getMessage()} is English (the command line and the logs use it); {@link #message(Locale)} says the same in the
 * window's language.
 */
public class RunExchangeException extends IOException implements Localized {

  private static final long serialVersionUID = 1L;

  private final transient LocalText text;

  public RunExchangeException(LocalText text) {
    this(text, null);
  }

  public RunExchangeException(LocalText text, Throwable cause) {
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
