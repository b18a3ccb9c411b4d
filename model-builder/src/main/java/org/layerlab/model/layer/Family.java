package org.layerlab.model.layer;

/** The palette groups of the catalog. */
public enum Family {
  CORE,
  CONVOLUTION,
  POOLING,
  ACTIVATION
}
