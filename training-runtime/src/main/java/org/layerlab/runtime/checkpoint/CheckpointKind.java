package org.layerlab.runtime.checkpoint;

import java.util.Locale;

/** The checkpoints a run keeps. */
public enum CheckpointKind {
  /** After the last completed epoch: where a stopped or interrupted run resumes. */
  LAST,
  /** After the epoch with the best value of the watched metric. */
  BEST;

  /** The folder name: {@code last} or {@code best}. */
  public String folderName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
