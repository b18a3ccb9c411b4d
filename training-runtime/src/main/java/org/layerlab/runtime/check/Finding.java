package org.layerlab.runtime.check;

import java.util.List;
import java.util.Objects;

/**
 * One result of the check.
 *
 * @param topic what it is about
 * @param severity ok, warning, error, or skipped
 * @param key what was found, as a short key such as {@code "overfit.failed"} that a user interface turns into its own words with
 *     {@code args}
 * @param args the figures of the finding, in the order the key's text uses them (numbers and short texts)
 * @param message the finding and what to do, in English, for logs and the command line
 */
public record Finding(Topic topic, Severity severity, String key, List<Object> args, String message) {

  public Finding {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(key, "key");
    args = List.copyOf(args);
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return severity + " " + topic + ": " + message;
  }
}
