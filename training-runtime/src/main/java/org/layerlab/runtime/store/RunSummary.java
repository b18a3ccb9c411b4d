package org.layerlab.runtime.store;

import java.time.Duration;
import org.layerlab.runtime.events.RunStatus;

/**
 * A run as the store lists it.
 *
 * @param endedAtMillis {@code null} while the run is running
 * @param finalValidationAccuracy NaN when no epoch completed
 * @param message what ended the run, in a user's words; empty while running
 * @param configJson the project file as trained, so the run can be rebuilt
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
    String configJson) {

  /** Time from start to end, or to now while the run is running. */
  public Duration duration() {
    long end = endedAtMillis == null ? System.currentTimeMillis() : endedAtMillis;
    return Duration.ofMillis(Math.max(0, end - startedAtMillis));
  }
}
