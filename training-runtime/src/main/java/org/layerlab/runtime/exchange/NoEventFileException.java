package org.layerlab.runtime.exchange;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * A folder to import from that holds no TensorBoard event file: a {@link NoSuchFileException} for callers that catch those, whose
 * reason can be said in the window's language.
 */
final class NoEventFileException extends NoSuchFileException implements Localized {

  private static final long serialVersionUID = 1L;

  private final transient LocalText text;

  /** @param below whether folders below {@code folder} were searched too */
  NoEventFileException(Path folder, boolean below) {
    this(folder, RuntimeMessages.text(below ? "exchange.tensorboard.noEventFileBelow" : "exchange.tensorboard.noEventFile"));
  }

  private NoEventFileException(Path folder, LocalText reason) {
    super(folder.toString(), null, reason.english());
    this.text = RuntimeMessages.text("exchange.inFile", folder.toString(), reason);
  }

  /** The folder and why nothing was found there, as {@link NoSuchFileException#getMessage()} words it in English. */
  @Override
  public String message(Locale locale) {
    return text == null ? getMessage() : text.message(locale);
  }
}
