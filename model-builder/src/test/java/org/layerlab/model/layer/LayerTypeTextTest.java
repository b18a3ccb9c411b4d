package org.layerlab.model.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The palette explains every layer and setting in English and in Simplified Chinese. */
class LayerTypeTextTest {

  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  static Stream<Arguments> everySetting() {
    return Stream.of(LayerType.values()).flatMap(t -> t.settings().stream().map(s -> Arguments.of(t, s.name())));
  }

  private static boolean hasChineseCharacters(String text) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  @ParameterizedTest
  @EnumSource(LayerType.class)
  void everyLayerTypeIsDescribedInEnglish(LayerType type) {
    String text = type.description(Locale.ENGLISH);

    assertFalse(text.isBlank(), type + " has no English description");
    assertFalse(hasChineseCharacters(text), text);
  }

  @ParameterizedTest
  @EnumSource(LayerType.class)
  void everyLayerTypeIsDescribedInChineseDifferentlyFromEnglish(LayerType type) {
    String text = type.description(CHINESE);

    assertFalse(text.isBlank(), type + " has no Chinese description");
    assertTrue(hasChineseCharacters(text), text);
    assertNotEquals(type.description(Locale.ENGLISH), text);
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("everySetting")
  void everySettingIsExplainedInEnglish(LayerType type, String setting) {
    String text = type.settingDescription(setting, Locale.ENGLISH);

    assertFalse(text.isBlank(), type.jsonName() + "." + setting + " has no English explanation");
    assertFalse(hasChineseCharacters(text), text);
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("everySetting")
  void everySettingIsExplainedInChineseDifferentlyFromEnglish(LayerType type, String setting) {
    String text = type.settingDescription(setting, CHINESE);

    assertFalse(text.isBlank(), type.jsonName() + "." + setting + " has no Chinese explanation");
    assertTrue(hasChineseCharacters(text), text);
    assertNotEquals(type.settingDescription(setting, Locale.ENGLISH), text);
  }

  @ParameterizedTest
  @EnumSource(Family.class)
  void everyFamilyHasAnEnglishAndAChineseName(Family family) {
    String english = family.displayName(Locale.ENGLISH);
    String chinese = family.displayName(CHINESE);

    assertFalse(english.isBlank(), family + " has no English name");
    assertFalse(hasChineseCharacters(english), english);
    assertTrue(hasChineseCharacters(chinese), family + ": " + chinese);
  }

  @Test
  void chineseWithoutCountryGetsChinese() {
    assertTrue(hasChineseCharacters(LayerType.DENSE.description(Locale.CHINESE)));
  }

  @Test
  void englishStaysEnglishOnAComputerSetToChinese() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(CHINESE);

      String text = LayerType.DENSE.description(Locale.ENGLISH);

      assertFalse(hasChineseCharacters(text), text);
      assertTrue(text.startsWith("Fully connected"), text);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void unknownLanguageFallsBackToEnglish() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(CHINESE);

      assertTrue(LayerType.DENSE.description(Locale.GERMAN).startsWith("Fully connected"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @ParameterizedTest
  @EnumSource(LayerType.class)
  void unknownSettingHasNoText(LayerType type) {
    assertEquals("", type.settingDescription("no-such-setting", Locale.ENGLISH));
  }

  /** A key with a typo (say {@code Conv2D.setting.kernal}) would leave a setting unexplained and the text unused. */
  @ParameterizedTest
  @ValueSource(strings = {"layers.properties", "layers_zh.properties"})
  void everyTextBelongsToALayerOrSetting(String file) throws IOException {
    Set<String> expected = new HashSet<>();
    for (LayerType t : LayerType.values()) {
      expected.add(t.jsonName() + ".description");
      t.settingNames().forEach(s -> expected.add(t.jsonName() + ".setting." + s));
    }
    Properties texts = new Properties();
    try (InputStream in = LayerType.class.getResourceAsStream(file)) {
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    assertEquals(expected, texts.stringPropertyNames());
  }
}
