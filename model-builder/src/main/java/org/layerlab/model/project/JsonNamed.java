package org.layerlab.model.project;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A choice that a project file spells with its own name, such as {@code "warmup-cosine"}. */
public interface JsonNamed {

  /** The name a project file uses. */
  String jsonName();

  /** The value of {@code values} whose name is {@code name}, ignoring case. */
  static <E extends JsonNamed> Optional<E> find(E[] values, String name) {
    return Arrays.stream(values).filter(v -> v.jsonName().equalsIgnoreCase(name)).findFirst();
  }

  /** The names of {@code values} for a message, such as "none, min-max, standardise". */
  static String list(JsonNamed[] values) {
    return Arrays.stream(values).map(JsonNamed::jsonName).collect(Collectors.joining(", "));
  }
}
