package org.layerlab.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;
import org.layerlab.model.LocalizedArgumentException;
import org.layerlab.model.ModelMessages;

class LocalTextJsonTest {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  /** A diverged run's ending as the runtime builds it: a text with a nested text among plain arguments. */
  private static LocalText diverged() {
    return RuntimeMessages.text(
        "run.diverged", RuntimeMessages.text("run.diverged.trainingLoss", "NaN", "12", "1", "12"), "0.5", "SGD", "0.05");
  }

  private static Localized readBack(Localized text) {
    return LocalTextJson.read(LocalTextJson.write(text)).orElseThrow();
  }

  @Test
  void aNestedTextComesBackEqualAndSaysItselfInEitherLanguage() {
    LocalText text = diverged();
    Localized back = readBack(text);
    assertEquals(text, back);
    assertEquals(text.message(ZH), back.message(ZH));
    assertEquals(text.english(), back.message(Locale.ENGLISH));
    assertNotEquals(back.message(Locale.ENGLISH), back.message(ZH));
  }

  @Test
  void numbersStayNumbersAndOtherValuesTheirText() {
    LocalText text = LocalText.of(RuntimeMessages.BUNDLE, "run.diverged", 7, 2.5, true, null);
    Localized back = readBack(text);
    assertEquals(text.message(Locale.ENGLISH), back.message(Locale.ENGLISH));
    assertEquals(text.message(ZH), back.message(ZH));
    assertEquals(List.of(7L, 2.5, "true", "null"), ((LocalText) back).args());
  }

  @Test
  void modelBuilderTextsAreKeptToo() {
    LocalText text = RuntimeMessages.text("run.settingsProblems", ModelMessages.text("settings.batchSize", "0"));
    assertEquals(text.message(ZH), readBack(text).message(ZH));
  }

  @Test
  void anExceptionWithATextIsKeptAsItsText() {
    LocalText inner = ModelMessages.text("settings.batchSize", "0");
    assertEquals(inner, readBack(new LocalizedArgumentException(inner)));
    LocalText state = RuntimeMessages.text("run.resume.noCheckpoint", "/runs/a");
    assertEquals(state, readBack(new LocalizedStateException(state)));
  }

  @Test
  void aTextWithoutKeyIsKeptAsItReadsInEachLanguage() {
    Localized problems = locale -> Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "two problems" : "两个问题";
    LocalText text = RuntimeMessages.text("run.settingsProblems", problems);
    Localized back = readBack(text);
    assertEquals(text.message(ZH), back.message(ZH));
    assertEquals(text.english(), back.message(Locale.ENGLISH));
    assertEquals(text.english(), back.message(Locale.GERMAN), "a language it was not kept in reads English");
    assertEquals(problems.message(ZH), readBack(problems).message(ZH));
  }

  @Test
  void anotherBundleAnUnknownKeyOrADamagedDocumentIsRefused() {
    String good = LocalTextJson.write(diverged());
    assertTrue(LocalTextJson.read(good).isPresent());
    assertEquals(Optional.empty(), LocalTextJson.read(good.replace(RuntimeMessages.BUNDLE, "org.layerlab.app.messages")));
    assertEquals(Optional.empty(), LocalTextJson.read(good.replace("run.diverged.trainingLoss", "run.diverged.noSuchKey")));
    assertEquals(Optional.empty(), LocalTextJson.read(good.substring(0, good.length() / 2)));
    assertEquals(Optional.empty(), LocalTextJson.read("{\"bundle\":\"" + RuntimeMessages.BUNDLE + "\",\"key\":\"run.diverged\",\"args\":[[1]]}"));
    assertEquals(Optional.empty(), LocalTextJson.read("{\"said\":{\"zh\":\"只有中文\"}}"), "a kept text needs its English");
    assertEquals(Optional.empty(), LocalTextJson.read("[]"));
    assertEquals(Optional.empty(), LocalTextJson.read(""));
    assertEquals(Optional.empty(), LocalTextJson.read(null));
  }

  @Test
  void textsNestedDeeperThanTheRuntimeEverDoesAreRefused() {
    LocalText deep = RuntimeMessages.text("run.unknown");
    for (int i = 0; i <= LocalTextJson.MAX_DEPTH; i++) {
      deep = RuntimeMessages.text("run.settingsProblems", deep);
    }
    LocalText tooDeep = deep;
    assertThrows(IllegalArgumentException.class, () -> LocalTextJson.write(tooDeep));
  }
}
