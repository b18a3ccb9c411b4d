package org.layerlab.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A refused value or edit whose message can be said in the user's language: {@link #getMessage()} is the English text (the command
 * line, the project files and the logs use it), {@link #message(Locale)} the same text in another language for the window.
 */
public class LocalizedArgumentException extends IllegalArgumentException implements Localized {

  private static final long serialVersionUID = 1L;

  private final transient LocalText text;

  public LocalizedArgumentException(LocalText text) {
    super(Objects.requireNonNull(text, "text").english());
    this.text = text;
  }

  /** A refusal under {@code key} of model-builder's bundle, with {@code args}. */
  public static LocalizedArgumentException of(String key, Object... args) {
    return new LocalizedArgumentException(ModelMessages.text(key, args));
  }

  /** The text, to be said in any language or passed on as part of another message. */
  public LocalText text() {
    return text;
  }

  @Override
  public String message(Locale locale) {
    return text == null ? getMessage() : text.message(locale);
  }
}
