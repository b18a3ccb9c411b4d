package org.layerlab.runtime.exchange;

import java.nio.file.Path;
import org.layerlab.model.LocalText;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * An event file that is damaged, truncated or not an event file; the message names the file and the byte offset, in English as
 * {@link #getMessage()} and in the window's language as {@link #message(java.util.Locale)}.
 */
public class TensorBoardFormatException extends RunExchangeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;

  /** A fault at {@code offset} in {@code file}: {@code problem} says what is wrong there. */
  public TensorBoardFormatException(Path file, long offset, LocalText problem) {
    super(RuntimeMessages.text("exchange.tensorboard.atByte", String.valueOf(file), String.valueOf(offset), problem));
    this.file = file;
    this.offset = offset;
  }

  public Path file() {
    return file;
  }

  /** Where in the file the fault is: the start of the damaged or cut record, or of the malformed field in it. */
  public long offset() {
    return offset;
  }
}
