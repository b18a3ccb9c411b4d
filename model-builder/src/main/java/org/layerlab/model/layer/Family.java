package org.layerlab.model.layer;

/** The palette groups of the catalog. */
public enum Family {
  CORE,
  CONVOLUTION,
  POOLING,
  ACTIVATION,
  NORMALIZATION,
  RECURRENT,
  ATTENTION,
  /** Layers that join several inputs into one: Add and Concatenate, for residual and skip connections. */
  MERGE
}
