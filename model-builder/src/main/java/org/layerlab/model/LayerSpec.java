package org.layerlab.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.layer.Setting;

/**
 * One layer of a model: a unique id (the name users see, such as {@code dense1}), its type and its settings.
 *
 * <p>Settings hold only values that differ from nothing: every setting of the type is present, filled with the type's default when the
 * caller left it out. Values are {@link Integer}, {@link Double}, {@link String} or {@code List<Integer>}, as the setting's kind says.
 */
public record LayerSpec(String id, LayerType type, Map<String, Object> settings) {

  public LayerSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Map<String, Object> filled = new LinkedHashMap<>();
    for (Setting s : type.settings()) {
      Object v = settings == null ? null : settings.get(s.name());
      filled.put(s.name(), v == null ? s.defaultValue() : s.normalize(v));
    }
    settings = Collections.unmodifiableMap(filled);
  }

  /** A layer of the given type with every setting at its default. */
  public static LayerSpec of(String id, LayerType type) {
    return new LayerSpec(id, type, Map.of());
  }

  /** A copy with one setting changed. The value is normalised to the setting's kind but not range-checked. */
  public LayerSpec with(String setting, Object value) {
    type.setting(setting); // throws for an unknown name
    Map<String, Object> copy = new LinkedHashMap<>(settings);
    copy.put(setting, value);
    return new LayerSpec(id, type, copy);
  }

  /** A copy with another id. */
  public LayerSpec withId(String newId) {
    return new LayerSpec(newId, type, settings);
  }

  public int intSetting(String name) {
    return ((Number) settings.get(checked(name))).intValue();
  }

  public double doubleSetting(String name) {
    return ((Number) settings.get(checked(name))).doubleValue();
  }

  public String stringSetting(String name) {
    return (String) settings.get(checked(name));
  }

  @SuppressWarnings("unchecked")
  public List<Integer> intListSetting(String name) {
    return (List<Integer>) settings.get(checked(name));
  }

  private String checked(String name) {
    return type.setting(name).name();
  }
}
