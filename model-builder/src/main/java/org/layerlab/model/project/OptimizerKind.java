package org.layerlab.model.project;

import java.util.Locale;

/** The optimizers a project can choose. */
public enum OptimizerKind {
  /** Stochastic gradient descent with (heavy-ball) momentum. */
  SGD,
  /** Adam: adaptive moment estimation (Kingma and Ba, 2015). */
  ADAM;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OptimizerKind fromJsonName(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
