package org.layerlab.model.layer;

import java.util.Locale;

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
  MERGE;

  /** The group's name for a palette heading: "Normalisation", "归一化". */
  public String displayName(Locale locale) {
    return Texts.get("org.layerlab.model.layer.families", locale, name());
  }
}
