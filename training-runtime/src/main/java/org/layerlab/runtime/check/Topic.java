package org.layerlab.runtime.check;

/** What a finding is about. */
public enum Topic {
  /** Whether the data can be read at all. */
  DATA,
  /** The model's shapes against the data's sample shape and classes. */
  SHAPES,
  /** Whether the model can learn one batch by heart. */
  OVERFIT,
  /** How evenly the samples spread over the classes. */
  BALANCE,
  /** Samples that are in the training split and in the validation or test split. */
  OVERLAP
}
