package org.layerlab.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.model.TestLayers.add;
import static org.layerlab.model.TestLayers.conv;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.flatten;
import static org.layerlab.model.TestLayers.input;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.TrainingSettings;
import org.junit.jupiter.api.Test;

/**
 * The analyzer and the settings checks speak the caller's language: the Chinese problem is a Chinese text with the same layer names and
 * numbers as the English one, found on the same layer, and the methods without a locale still speak English.
 */
class LocalizedProblemsTest {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private static boolean hasHan(String s) {
    return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  /** Both analyses find the same problems on the same layers; returns them as English, Chinese pairs. */
  private static List<Problem[]> pairs(ModelSpec spec) {
    List<Problem> en = ModelAnalyzer.analyze(spec).problems();
    List<Problem> zh = ModelAnalyzer.analyze(spec, ZH).problems();
    assertEquals(ModelAnalyzer.analyze(spec, Locale.ENGLISH).problems(), en, "the English overload differs from the default");
    assertEquals(en.size(), zh.size(), () -> en + " vs " + zh);
    assertTrue(!en.isEmpty(), "expected a problem");
    return java.util.stream.IntStream.range(0, en.size()).mapToObj(i -> new Problem[] {en.get(i), zh.get(i)}).toList();
  }

  private static void assertTranslated(Problem en, Problem zh, String... sameFragments) {
    assertEquals(en.layerId(), zh.layerId());
    assertTrue(!hasHan(en.message()), en.message());
    assertTrue(hasHan(zh.message()), () -> "not Chinese: " + zh.message());
    assertNotEquals(en.message(), zh.message());
    for (String f : sameFragments) {
      assertTrue(en.message().contains(f), () -> "expected '" + f + "' in: " + en.message());
      assertTrue(zh.message().contains(f), () -> "expected '" + f + "' in: " + zh.message());
    }
  }

  @Test
  void aShapeMismatchNamesTheSameShapesAndLayers() {
    ModelSpec spec = ModelSpec.of(input(1, 32, 32), flatten("flatten1"), conv("conv1", 8, 3), flatten("f2"), dense("out", 10));

    Problem[] p = pairs(spec).get(0);

    assertEquals("conv1", p[0].layerId());
    assertTrue(p[0].message().startsWith("expects input (N, C, H, W) but receives (N, 1024): remove 'flatten1' before it"), p[0].message());
    assertTranslated(p[0], p[1], "(N, C, H, W)", "(N, 1024)", "'flatten1'");
  }

  @Test
  void anOutOfRangeSettingKeepsItsNameAndNumbers() {
    ModelSpec spec = ModelSpec.of(input(4), dense("d1", 0), dense("out", 2));

    Problem[] p = pairs(spec).get(0);

    assertEquals("d1", p[0].layerId());
    assertTrue(p[0].message().startsWith("units must be a whole number from 1 to "), p[0].message());
    String max = p[0].message().replaceAll(".* to (\\d+), got 0$", "$1");
    assertTranslated(p[0], p[1], "units", max, "0");
  }

  @Test
  void aCycleNamesTheSamePathAndConnection() {
    ModelSpec spec = ModelSpec.of(input(4), dense("d1", 4), add("sum", "d1", "d2"), dense("d2", 4), dense("out", 2));

    List<Problem[]> all = pairs(spec);

    for (Problem[] p : all) {
      assertTranslated(p[0], p[1], "'sum' -> 'd2' -> 'sum'", "'d2'", "'sum'");
    }
  }

  @Test
  void aDanglingInputNamesTheMissingLayer() {
    ModelSpec spec = ModelSpec.of(input(4), dense("d1", 4).withInputs("pool9"), dense("out", 2));

    // the Input nobody reads is reported too; every problem comes out translated
    List<Problem[]> all = pairs(spec);
    all.forEach(p -> assertTranslated(p[0], p[1]));
    Problem[] p = all.stream().filter(x -> "d1".equals(x[0].layerId())).findFirst().orElseThrow();
    assertTranslated(p[0], p[1], "'pool9'");
  }

  @Test
  void aModelProblemAgainstTheDataIsTranslatedToo() {
    ModelSpec spec = ModelSpec.of(input(4), dense("out", 3));
    DataSignature data = new DataSignature(Shape.of(4), 5);

    List<String> en = ModelAnalyzer.analyze(spec, data).modelProblems();
    List<String> zh = ModelAnalyzer.analyze(spec, data, ZH).modelProblems();

    assertEquals(1, en.size(), en::toString);
    assertTranslated(new Problem(null, en.get(0)), new Problem(null, zh.get(0)), "5", "3", "'out'");
  }

  @Test
  void aTrainingSettingOutOfRangeIsTranslatedWithTheSameValue() {
    TrainingSettings s = TrainingSettings.defaults().withBatchSize(0).withLearningRate(25.0);

    Map<String, String> en = s.fieldProblems();
    Map<String, String> zh = s.fieldProblems(ZH);

    assertEquals(s.fieldProblems(Locale.ENGLISH), en);
    assertEquals("batch size must be from 1 to 65536, got 0", en.get("batchSize"));
    assertEquals(en.keySet(), zh.keySet());
    assertTranslated(new Problem(null, en.get("batchSize")), new Problem(null, zh.get("batchSize")), "65536", "0");
    assertTranslated(new Problem(null, en.get("learningRate")), new Problem(null, zh.get("learningRate")), "25.0", "0.001");
    assertEquals(List.copyOf(zh.values()), s.problems(ZH));
  }

  @Test
  void anAugmentationOutOfRangeIsTranslated() {
    DatasetRef.Augmentation a = new DatasetRef.Augmentation(false, 0, 90, 0);

    String en = a.fieldProblems().get("rotationDegrees");
    String zh = a.fieldProblems(ZH).get("rotationDegrees");

    assertEquals("rotation must be from 0 to 45 degrees, got 90.0 (5 to 15 is usual)", en);
    assertTranslated(new Problem(null, en), new Problem(null, zh), "45", "90.0");
  }

  @Test
  void theFinerOptionsAreTranslatedToo() {
    TrainingSettings s =
        TrainingSettings.defaults().withOptimizerOptions(TrainingSettings.OptimizerOptions.DEFAULT.withWeightDecay(2.0));

    String en = s.fieldProblems().get("weightDecay");
    String zh = s.fieldProblems(ZH).get("weightDecay");

    assertEquals("weight decay must be from 0 to 1, got 2.0 (1e-4 to 0.01 is usual; AdamW often 0.01)", en);
    assertTranslated(new Problem(null, en), new Problem(null, zh), "2.0", "1e-4", "AdamW");
  }
}
