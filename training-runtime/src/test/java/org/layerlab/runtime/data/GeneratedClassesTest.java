package org.layerlab.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.SyntheticKind;
import org.layerlab.runtime.text.RuntimeMessages;

/** Generated sets keep English class names in their data; a window gets them in its language, and only theirs. */
class GeneratedClassesTest {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  @Test
  void aSpiralsArmsAreEnglishInTheDataAndChineseInTheWindow() {
    DatasetRef.Spiral ref = new DatasetRef.Spiral(3, 20, 0.1, 5, Options.NONE);
    Dataset d = SpiralGenerator.generate(ref);

    assertEquals(RuntimeMessages.english("generated.arm", "1"), d.classNames().get(0));
    assertEquals("arm 3", d.classNames().get(2), "the data and the run store keep the English names");

    List<String> shown = GeneratedClasses.inLanguage(ref, d.classNames(), ZH);
    assertEquals(
        List.of(
            RuntimeMessages.get(ZH, "generated.arm", "1"), RuntimeMessages.get(ZH, "generated.arm", "2"), RuntimeMessages.get(ZH, "generated.arm", "3")),
        shown);
    assertNotEquals(d.classNames(), shown);
    assertEquals(d.classNames(), GeneratedClasses.inLanguage(ref, d.classNames(), Locale.ENGLISH));
  }

  @Test
  void everyGeneratedClassifierHasItsNamesInChinese() {
    for (SyntheticKind kind : SyntheticKind.values()) {
      if (kind.task() != DatasetRef.Task.CLASSIFICATION) {
        continue;
      }
      int classes = kind == SyntheticKind.XOR || kind == SyntheticKind.MOONS ? 2 : 4;
      DatasetRef.Synthetic ref = new DatasetRef.Synthetic(kind, 80, classes, 0.05, kind == SyntheticKind.SEQUENCE ? 16 : 0, 1, Options.NONE);
      Dataset d = SyntheticGenerator.generate(ref);

      List<String> shown = GeneratedClasses.inLanguage(ref, d.classNames(), ZH);

      assertEquals(d.classNames().size(), shown.size());
      for (int c = 0; c < shown.size(); c++) {
        assertNotEquals(d.classNames().get(c), shown.get(c), kind + " class " + c);
      }
      assertEquals(SyntheticGenerator.classNames(kind, classes, ZH), shown);
    }
  }

  @Test
  void namesTheUserChoseAreNeverTranslated() {
    DatasetRef.Spiral ref = new DatasetRef.Spiral(2, 20, 0.1, 5, Options.NONE);
    List<String> own = List.of("cat", "dog");
    assertSame(own, GeneratedClasses.inLanguage(ref, own, ZH));
    DatasetRef csv =
        new DatasetRef.Csv("t", "t.csv", List.of("y"), List.of(), List.of(), DatasetRef.Task.CLASSIFICATION, ',', Options.NONE);
    List<String> armsFromAFile = List.of("arm 1", "arm 2");
    assertSame(armsFromAFile, GeneratedClasses.inLanguage(csv, armsFromAFile, ZH));
  }
}
