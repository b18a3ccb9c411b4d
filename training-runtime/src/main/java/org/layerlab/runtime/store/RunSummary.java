package org.layerlab.runtime.store;

import java.time.Duration;
import java.util.Locale;
import java.util.MissingResourceException;
import org.layerlab.model.Localized;
import org.layerlab.runtime.events.RunStatus;

/**
 * A run as the store lists it.
 *
 * @param endedAtMillis {@code null} while the run is running
 * @param finalValidationAccuracy NaN when no epoch completed
 * @param message what ended the run, in a user's words, in English (the command line and the exports use it); empty while running
 * @param configJson the project file as trained, so the run can be rebuilt
 * @param ending the same as {@code message} in any language; {@code null} when only the English is known (a run recorded before
 *     schema 5, an imported run, an ending the runtime words in English only)
 */
public record RunSummary(
    String id,
    String name,
    String projectName,
    RunStatus status,
    long startedAtMillis,
    Long endedAtMillis,
    double finalValidationAccuracy,
    String message,
    String configJson,
    Localized ending) {

  /** A run whose ending is known in English only. */
  public RunSummary(
      String id,
      String name,
      String projectName,
      RunStatus status,
      long startedAtMillis,
      Long endedAtMillis,
      double finalValidationAccuracy,
      String message,
      String configJson) {
    this(id, name, projectName, status, startedAtMillis, endedAtMillis, finalValidationAccuracy, message, configJson, null);
  }

  /** Time from start to end, or to now while the run is running. */
  public Duration duration() {
    long end = endedAtMillis == null ? System.currentTimeMillis() : endedAtMillis;
    return Duration.ofMillis(Math.max(0, end - startedAtMillis));
  }

  /**
   * What ended the run in {@code locale}'s language when the store kept it so, else the English {@link #message()}; empty while
   * the run is running.
   */
  public String message(Locale locale) {
    if (ending == null) {
      return message == null ? "" : message;
    }
    try {
      return ending.message(locale);
    } catch (MissingResourceException | IllegalArgumentException e) {
      // a pattern the bundle cannot fill with these arguments: the English kept beside it still says what happened
      return message == null ? "" : message;
    }
  }
}
