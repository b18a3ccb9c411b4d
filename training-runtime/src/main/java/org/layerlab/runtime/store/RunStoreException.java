package org.layerlab.runtime.store;

/** The run store could not be read or written; the message names the database file and what to do. */
public class RunStoreException extends RuntimeException {
  public RunStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
