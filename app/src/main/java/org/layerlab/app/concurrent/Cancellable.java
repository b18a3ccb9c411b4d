package org.layerlab.app.concurrent;

/** Something scheduled that can be called off, such as a repeating progress refresh. */
@FunctionalInterface
public interface Cancellable {

  /** Stops it; calling this more than once does nothing more. */
  void cancel();
}
