package org.layerlab.model.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Setting#normalize} turns what a text field or a JSON parser hands over into the setting's kind. */
class SettingTest {

  private final Setting units = LayerType.DENSE.setting("units");
  private final Setting shape = LayerType.INPUT.setting("shape");
  private final Setting rate = LayerType.DROPOUT.setting("rate");
  private final Setting padding = LayerType.CONV2D.setting("padding");

  @ParameterizedTest
  @ValueSource(strings = {"64", " 64 ", "064"})
  void wholeNumberTextBecomesAnInteger(String text) {
    assertEquals(64, units.normalize(text));
  }

  @Test
  void wholeNumbersOfAnyClassBecomeIntegers() {
    assertEquals(64, units.normalize(64L));
    assertEquals(64, units.normalize(64.0));
    assertEquals(64, units.normalize((short) 64));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sixty", "64.5", "", "6 4"})
  void badWholeNumberTextNamesTheSetting(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> units.normalize(text));

    assertTrue(e.getMessage().startsWith("units must be a whole number"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
  }

  @Test
  void fractionIsNotAWholeNumber() {
    assertThrows(IllegalArgumentException.class, () -> units.normalize(64.5));
  }

  @Test
  void numberBeyondTheIntegersIsRefusedNotWrappedAround() {
    // 2^32 + 64 would wrap to 64 in an int
    long huge = (1L << 32) + 64;

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> units.normalize(huge));

    assertTrue(e.getMessage().startsWith("units "), e.getMessage());
    assertTrue(e.getMessage().contains(String.valueOf(huge)), e.getMessage());
  }

  @Test
  void listEntryBeyondTheIntegersIsRefusedNotWrappedAround() {
    assertThrows(IllegalArgumentException.class, () -> shape.normalize(List.of(1L, (1L << 32) + 28)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1, 28, 28", "1,28,28", "(1,28,28)", "(1, 28, 28)", "[1, 28, 28]", "1 28 28", "1x28x28", " 1 , 28 , 28 "})
  void shapeTextInTheUsualSpellingsBecomesAList(String text) {
    assertEquals(List.of(1, 28, 28), shape.normalize(text));
  }

  @Test
  void singleNumberShapeBecomesAOneElementList() {
    assertEquals(List.of(2), shape.normalize("2"));
    assertEquals(List.of(2), shape.normalize("(2)"));
  }

  @Test
  void shapeListOfNumbersBecomesIntegers() {
    assertEquals(List.of(1, 28, 28), shape.normalize(List.of(1L, 28.0, 28)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1, a, 28", "1.5, 28", "one"})
  void badShapeTextNamesTheSettingAndShowsAnExample(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shape.normalize(text));

    assertTrue(e.getMessage().startsWith("shape "), e.getMessage());
    assertTrue(e.getMessage().contains("1, 28, 28"), e.getMessage());
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }

  @Test
  void emptyShapeAsksForAtLeastOneNumber() {
    Object empty = shape.normalize("");

    assertEquals(List.of(), empty);
    assertTrue(shape.problem(empty).startsWith("shape needs at least one number"), shape.problem(empty));
  }

  @Test
  void decimalTextBecomesADouble() {
    assertEquals(0.25, rate.normalize("0.25"));
    assertEquals(0.0, rate.normalize(0));
  }

  @Test
  void badDecimalTextNamesTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rate.normalize("half"));

    assertTrue(e.getMessage().startsWith("rate must be a number"), e.getMessage());
  }

  @Test
  void choiceIgnoresCaseAndSpaces() {
    assertEquals("same", padding.normalize(" Same "));
    assertNull(padding.problem(padding.normalize("VALID")));
  }

  @Test
  void problemNamesTheSettingAndTheRange() {
    assertNull(units.problem(1));
    assertNull(units.problem(100_000));
    assertEquals("units must be a whole number from 1 to 100000, got 0", units.problem(0));
    assertEquals("rate must be from 0 to 0.95, got 0.96", rate.problem(0.96));
    assertTrue(rate.problem(Double.NaN).startsWith("rate must be from 0 to 0.95"));
    assertEquals("padding must be one of valid, same, got 'full'", padding.problem("full"));
  }

  @Test
  void everyDefaultIsAllowed() {
    for (LayerType type : LayerType.values()) {
      for (Setting s : type.settings()) {
        assertNull(s.problem(s.defaultValue()), type + "." + s.name());
      }
    }
  }
}
