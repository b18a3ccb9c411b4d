package org.layerlab.runtime.text;

import java.util.Locale;
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;

/**
 * A state the runtime cannot go on from (no GPU, a checkpoint that does not fit), with a message for the user: English as {@link
 * #getMessage()} for the command line and the logs, in any language through {@link #message(Locale)} for a window.
 */
public class LocalizedStateException extends IllegalStateException implements Localized {

  private final transient LocalText text;

  public LocalizedStateException(LocalText text) {
    super(text.english());
    this.text = text;
  }

  public LocalizedStateException(LocalText text, Throwable cause) {
    super(text.english(), cause);
    this.text = text;
  }

  /** The message as a text of the runtime's bundle. */
  public LocalText text() {
    return text;
  }

  @Override
  public String message(Locale locale) {
    return text.message(locale);
  }
}
