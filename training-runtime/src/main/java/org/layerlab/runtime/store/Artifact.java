package org.layerlab.runtime.store;

import java.util.Locale;

/**
 * A file a run produced, recorded with the run.
 *
 * @param path where the file is, as it was recorded: absolute, or relative to the workspace folder
 * @param sizeBytes the file's size when it was recorded, or -1 when unknown
 * @param description what the file holds, in a user's words; may be empty
 */
public record Artifact(long id, String runId, Kind kind, String path, long sizeBytes, long createdAtMillis, String description) {

  /** What an artifact is. */
  public enum Kind {
    /** The model's parameters part-way through training. */
    CHECKPOINT,
    /** The model's parameters when the run ended. */
    FINAL_MODEL,
    /** Results of evaluating the model, such as a test-set report or a confusion matrix. */
    EVALUATION,
    OTHER;

    /** Parses a kind such as {@code final_model} or {@code checkpoint}, in any case. */
    public static Kind parse(String s) {
      return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }
}
