package org.layerlab.runtime.check;

/** How a finding of the check bears on training. */
public enum Severity {
  /** All is well. */
  OK,
  /** Training will run, but probably not as hoped: read the advice. */
  WARNING,
  /** Training will fail or learn nothing: fix this first. */
  ERROR,
  /** The check could not be made, and says why. */
  SKIPPED
}
