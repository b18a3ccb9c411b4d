package org.layerlab.model.layer;

import java.util.Arrays;
import java.util.Locale;

/** The activation a Dense or Conv2D layer may apply to its output; {@code none} leaves it linear. */
public enum Activation {
  NONE,
  RELU,
  SIGMOID,
  TANH,
  SOFTMAX;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Activation fromJsonName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  static String[] names() {
    return Arrays.stream(values()).map(Activation::jsonName).toArray(String[]::new);
  }
}
