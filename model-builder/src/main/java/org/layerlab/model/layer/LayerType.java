package org.layerlab.model.layer;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/** Every layer a model can contain, with its settings. The JSON name is what project files store. */
public enum LayerType {
  INPUT("Input", Family.CORE, Setting.intList("shape", List.of(2), 1, 1_000_000)),
  DENSE(
      "Dense",
      Family.CORE,
      Setting.integer("units", 64, 1, 100_000),
      Setting.choice("activation", "none", Activation.names())),
  CONV2D(
      "Conv2D",
      Family.CONVOLUTION,
      Setting.integer("filters", 32, 1, 4096),
      Setting.integer("kernel", 3, 1, 15),
      Setting.integer("stride", 1, 1, 8),
      Setting.choice("padding", "valid", "valid", "same"),
      Setting.choice("activation", "none", Activation.names())),
  MAX_POOL2D("MaxPool2D", Family.POOLING, Setting.integer("pool", 2, 1, 8), Setting.integer("stride", 2, 1, 8)),
  FLATTEN("Flatten", Family.CORE),
  DROPOUT("Dropout", Family.CORE, Setting.decimal("rate", 0.5, 0.0, 0.95)),
  RELU("ReLU", Family.ACTIVATION),
  SIGMOID("Sigmoid", Family.ACTIVATION),
  TANH("Tanh", Family.ACTIVATION),
  SOFTMAX("Softmax", Family.ACTIVATION);

  private static final String BUNDLE = "org.layerlab.model.layer.layers";

  private final String jsonName;
  private final Family family;
  private final List<Setting> settings;

  LayerType(String jsonName, Family family, Setting... settings) {
    this.jsonName = jsonName;
    this.family = family;
    this.settings = List.of(settings);
  }

  public String jsonName() {
    return jsonName;
  }

  public Family family() {
    return family;
  }

  public List<Setting> settings() {
    return settings;
  }

  /** The named setting; throws {@link IllegalArgumentException} naming the allowed ones when there is none. */
  public Setting setting(String name) {
    for (Setting s : settings) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        jsonName + " has no setting '" + name + "'" + (settings.isEmpty() ? "" : "; it has " + String.join(", ", settingNames())));
  }

  public List<String> settingNames() {
    return settings.stream().map(Setting::name).toList();
  }

  /** The type stored under {@code name} in project files (case-insensitive). */
  public static Optional<LayerType> fromJsonName(String name) {
    for (LayerType t : values()) {
      if (t.jsonName.equalsIgnoreCase(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public static String jsonNames() {
    return String.join(", ", java.util.Arrays.stream(values()).map(LayerType::jsonName).toList());
  }

  /** A one- or two-sentence explanation of what the layer does and how its output size is computed. */
  public String description(Locale locale) {
    return text(locale, "description");
  }

  /** The explanation of one setting. */
  public String settingDescription(String setting, Locale locale) {
    return text(locale, "setting." + setting);
  }

  private String text(Locale locale, String key) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    if (!bundle.getLocale().getLanguage().equals(locale.getLanguage())) {
      // getBundle falls back to the default locale's bundle, so English asked for on a Chinese computer would come back Chinese
      bundle = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
    }
    try {
      return bundle.getString(jsonName + "." + key);
    } catch (MissingResourceException e) {
      return "";
    }
  }
}
