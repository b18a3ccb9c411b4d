package org.layerlab.runtime.tracking;

import java.util.Locale;

/** What the x of a compared series is. */
public enum Axis {
  /** The step as stored: the global batch count for step series, the epoch number for epoch series. */
  STEP,
  /**
   * Progress in epochs: an epoch series' step, a step series' step divided by the run's batches per epoch (so step 85 of a run with
   * 170 batches per epoch is at 0.5). Step series of runs that do not know their batches per epoch (imported ones) have no x here.
   */
  EPOCH,
  /** Seconds since the run started. */
  WALL_TIME;

  /** Parses {@code step}, {@code epoch}, {@code time} or {@code wall_time}, in any case. */
  public static Axis parse(String s) {
    String v = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return v.equals("TIME") ? WALL_TIME : valueOf(v);
  }

  /** Whether {@code tag} is stored per epoch (the epoch number as its step), by the {@code epoch/} prefix of its name. */
  public static boolean isEpochTag(String tag) {
    return tag.startsWith("epoch/");
  }
}
