package org.layerlab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.TrainingSettings;

/** After a switch to Chinese, the model page's problems (the problems line, the cards and the canvas badges) are re-computed in Chinese. */
class ModelProblemsLanguageTest {

  /** A Conv2D right after an Input of (2): the analyzer asks for an image shape. */
  private static ModelSpec convOnPoints() {
    return ModelSpec.of(
        LayerSpec.of("input", LayerType.INPUT),
        LayerSpec.of("conv1", LayerType.CONV2D),
        LayerSpec.of("flat", LayerType.FLATTEN),
        LayerSpec.of("output", LayerType.DENSE).with("units", 3));
  }

  private static boolean hasHan(String s) {
    return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  @BeforeEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  @AfterEach
  void backToEnglish() {
    Messages.setLocale(Locale.ENGLISH);
  }

  @Test
  void switchingToChineseTurnsTheProblemsChinese() {
    ModelEditorViewModel vm = new ModelEditorViewModel(convOnPoints());
    String english = vm.problemsTextProperty().get();
    String expected = ModelAnalyzer.analyze(convOnPoints()).problems().get(0).toString();
    assertTrue(english.startsWith(expected), english);
    assertTrue(english.startsWith("conv1: expects input (N, C, H, W) but receives (N, 2)"), english);
    assertFalse(hasHan(english), english);

    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    vm.relocalize();

    String chinese = vm.problemsTextProperty().get();
    assertTrue(hasHan(chinese), chinese);
    assertTrue(chinese.startsWith("conv1: "), chinese);
    assertTrue(chinese.contains("(N, C, H, W)") && chinese.contains("(N, 2)"), chinese);
    assertEquals(ModelAnalyzer.analyze(convOnPoints(), Locale.SIMPLIFIED_CHINESE).problems().get(0).toString(), chinese.split("\n")[0]);
    List<String> cardProblems = vm.items().get(1).problems();
    assertFalse(cardProblems.isEmpty());
    cardProblems.forEach(p -> assertTrue(hasHan(p), p));

    Messages.setLocale(Locale.ENGLISH);
    vm.relocalize();
    assertEquals(english, vm.problemsTextProperty().get());
  }

  @Test
  void theTrainingSettingsChecksFollowTheLanguageToo() {
    TrainingSettings s = TrainingSettings.defaults().withEpochs(0);
    Map<String, String> zh = s.fieldProblems(Messages.supported(Locale.CHINA));

    assertEquals("epochs must be from 1 to 100000, got 0", s.fieldProblems(Messages.locale()).get("epochs"));
    assertTrue(hasHan(zh.get("epochs")) && zh.get("epochs").contains("100000"), zh.get("epochs"));
  }
}
