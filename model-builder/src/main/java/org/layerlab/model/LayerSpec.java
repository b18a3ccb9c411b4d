package org.layerlab.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.layer.Setting;

/**
 * One layer of a model: a unique id (the name users see, such as {@code dense1}), its type, its settings and where its input comes
 * from.
 *
 * <p>Settings hold only values that differ from nothing: every setting of the type is present, filled with the type's default when the
 * caller left it out. Values are {@link Integer}, {@link Double}, {@link String} or {@code List<Integer>}, as the setting's kind says.
 *
 * <p>{@code inputs} names the layers feeding this one, one id per input port, in port order. Empty means "the layer before this one
 * in the model's list" (nothing for the first layer), so every sequential model, and every file written before graphs existed, keeps
 * its meaning. An entry {@link #UNCONNECTED} marks a port with nothing connected, which analysis reports.
 *
 * @param inputs ids of the layers feeding the input ports; empty for the previous layer in the list
 */
public record LayerSpec(String id, LayerType type, Map<String, Object> settings, List<String> inputs) {

  /** The id in {@link #inputs()} of a port with nothing connected. */
  public static final String UNCONNECTED = "";

  public LayerSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Map<String, Object> filled = new LinkedHashMap<>();
    for (Setting s : type.settings()) {
      Object v = settings == null ? null : settings.get(s.name());
      filled.put(s.name(), v == null ? s.defaultValue() : s.normalize(v));
    }
    settings = Collections.unmodifiableMap(filled);
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
  }

  /** A layer that reads the layer before it in the model's list. */
  public LayerSpec(String id, LayerType type, Map<String, Object> settings) {
    this(id, type, settings, List.of());
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
    return new LayerSpec(id, type, copy, inputs);
  }

  /** A copy with another id. */
  public LayerSpec withId(String newId) {
    return new LayerSpec(newId, type, settings, inputs);
  }

  /** A copy fed by the named layers, one per input port; an empty list makes it read the previous layer in the list again. */
  public LayerSpec withInputs(List<String> newInputs) {
    return new LayerSpec(id, type, settings, newInputs);
  }

  /** A copy fed by the named layers. */
  public LayerSpec withInputs(String... newInputs) {
    return withInputs(List.of(newInputs));
  }

  /** Whether the layer names its inputs instead of reading the previous layer in the list. */
  public boolean hasExplicitInputs() {
    return !inputs.isEmpty();
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
