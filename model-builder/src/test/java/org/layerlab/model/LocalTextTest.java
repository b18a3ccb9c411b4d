package org.layerlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalTextTest {

  private static final String BUNDLE = ModelMessages.BUNDLE;

  @Test
  void saysTheSameKeyInEitherLanguageWithItsArguments() {
    LocalText text = ModelMessages.text("settings.batchSize", "0");
    assertEquals(ModelMessages.english().get("settings.batchSize", "0"), text.english());
    assertEquals(ModelMessages.of(Locale.CHINESE).get("settings.batchSize", "0"), text.message(Locale.SIMPLIFIED_CHINESE));
    assertNotEquals(text.english(), text.message(Locale.CHINESE));
    assertEquals(text.english(), text.toString());
  }

  @Test
  void aLanguageWithoutABundleReadsEnglish() {
    LocalText text = LocalText.of(BUNDLE, "analysis.noLayers");
    assertEquals(text.english(), text.message(Locale.GERMAN));
    assertEquals(text.english(), text.message(null));
  }

  @Test
  void anArgumentThatIsATextIsSaidInTheSameLanguage() {
    LocalText inner = ModelMessages.text("analysis.noLayers");
    LocalText outer = ModelMessages.text("settings.batchSize", inner);
    assertTrue(outer.message(Locale.CHINESE).contains(inner.message(Locale.CHINESE)), outer.message(Locale.CHINESE));
    assertTrue(outer.english().contains(inner.english()), outer.english());
  }

  @Test
  void aNullArgumentIsShownNotRefused() {
    assertTrue(ModelMessages.text("settings.batchSize", (Object) null).english().contains("null"));
  }

  /** An exception in the cause chain that can speak the user's language. */
  private static final class Refusal extends IllegalArgumentException implements Localized {
    private final LocalText text;

    Refusal(LocalText text) {
      super(text.english());
      this.text = text;
    }

    @Override
    public String message(Locale locale) {
      return text.message(locale);
    }
  }

  @Test
  void describeFindsTheLocalizedCauseAndOtherwiseTheFirstMessage() {
    LocalText text = ModelMessages.text("settings.batchSize", "0");
    Exception wrapped = new RuntimeException("while training", new Refusal(text));
    assertEquals(text.message(Locale.CHINESE), LocalText.describe(wrapped, Locale.CHINESE));
    assertEquals(text.english(), LocalText.describe(wrapped, Locale.ENGLISH));

    Exception plain = new RuntimeException(null, new IOException("disk full"));
    assertEquals("disk full", LocalText.describe(plain, Locale.CHINESE));
    assertEquals("IllegalStateException", LocalText.describe(new IllegalStateException(), Locale.CHINESE));
  }
}
