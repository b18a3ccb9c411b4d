package org.layerlab.runtime.events;

import java.util.Locale;
import org.layerlab.model.Localized;

/**
 * A run has ended.
 *
 * @param finalValidationAccuracy validation accuracy after the last completed epoch, NaN when no epoch completed
 * @param message what happened, in English words a user can act on ("stopped by the user after epoch 3", the error and its fix,
 *     ...); the command line, the logs and the run store use it
 * @param text the same in any language, for a window; {@code null} when the runtime only knows the English (an error from a part
 *     that does not say its messages in other languages)
 */
public record RunEnded(
    String runId,
    RunStatus status,
    int epochsCompleted,
    double finalValidationAccuracy,
    String message,
    long endedAtMillis,
    Localized text) {

  /** An ending whose message is English only. */
  public RunEnded(String runId, RunStatus status, int epochsCompleted, double finalValidationAccuracy, String message, long endedAtMillis) {
    this(runId, status, epochsCompleted, finalValidationAccuracy, message, endedAtMillis, null);
  }

  /** What happened in {@code locale}'s language when the runtime can say it there, else the English {@link #message()}. */
  public String message(Locale locale) {
    return text == null ? message : text.message(locale);
  }
}
