package org.layerlab.runtime.exchange;

import java.io.IOException;
import java.nio.file.Path;

/** An event file that is damaged, truncated or not an event file; the message names the file and the byte offset. */
public class TensorBoardFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;

  public TensorBoardFormatException(Path file, long offset, String problem) {
    super(file + ": at byte " + offset + ": " + problem);
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
