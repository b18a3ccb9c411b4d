package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.text.RuntimeMessages;

/** How a run ended is English in the event's message (command line, run store) and said in Chinese when a window asks. */
class RunEndingsLanguageTest {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private static final Properties EN_TEXTS = load("messages.properties");
  private static final Properties ZH_TEXTS = load("messages_zh.properties");

  private static Properties load(String name) {
    Properties p = new Properties();
    try (InputStream in = RunEndingsLanguageTest.class.getResourceAsStream("/org/layerlab/runtime/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static String said(Properties texts, String key, Object... args) {
    return new MessageFormat(texts.getProperty(key), Locale.ROOT).format(args);
  }

  private static final TrainingSettings SETTINGS =
      TrainingSettings.defaults().withAlgorithm(TrainingSettings.Algorithm.ADAM).withLearningRate(0.5);

  @Test
  void aDivergedRunIsSaidInBothLanguages() {
    RunEndings endings = new RunEndings("r1", SETTINGS);
    endings.step = 7;

    RunEnded ended = endings.diverged(RuntimeMessages.text("run.diverged.trainingLoss", "NaN", "7", "1", "3"));

    assertEquals(RunStatus.DIVERGED, ended.status());
    String rate = RunEndings.number(0.5);
    String lower = RunEndings.number(0.05);
    String adam = TrainingSetup.displayName(TrainingSettings.Algorithm.ADAM);
    String enWhat = said(EN_TEXTS, "run.diverged.trainingLoss", "NaN", "7", "1", "3");
    String zhWhat = said(ZH_TEXTS, "run.diverged.trainingLoss", "NaN", "7", "1", "3");
    assertEquals(said(EN_TEXTS, "run.diverged", enWhat, rate, adam, lower), ended.message());
    assertEquals(ended.message(), ended.message(Locale.ENGLISH));
    assertEquals(said(ZH_TEXTS, "run.diverged", zhWhat, rate, adam, lower), ended.message(ZH));
    assertNotEquals(ended.message(), ended.message(ZH));
  }

  @Test
  void aStoppedRunNamesItsFiguresInTheSameLanguage() {
    RunEndings endings = new RunEndings("r1", SETTINGS);
    endings.step = 40;
    endings.epochsCompleted = 2;
    // stoppedAt reads the last validation accuracy that epochEnded recorded; set it through the field the loop sets
    endings.lastValidationAccuracy = 0.841;

    RunEnded ended = endings.stoppedAt(3);

    String percent = RunEndings.percent(0.841);
    assertEquals(
        said(EN_TEXTS, "run.stopped", "3", "40", said(EN_TEXTS, "run.figure.accuracy", percent), "2"), ended.message());
    assertEquals(said(ZH_TEXTS, "run.stopped", "3", "40", said(ZH_TEXTS, "run.figure.accuracy", percent), "2"), ended.message(ZH));
  }

  @Test
  void aFailureAfterSomeStepsSaysWhereInBothLanguages() {
    RunEndings endings = new RunEndings("r1", SETTINGS);
    endings.step = 12;

    RunEnded ended = endings.ended(RunStatus.FAILED, endings.failureMessage(new OutOfMemoryError("Java heap space")));

    assertEquals(said(EN_TEXTS, "run.outOfMemory.at", "12"), ended.message());
    assertEquals(said(ZH_TEXTS, "run.outOfMemory.at", "12"), ended.message(ZH));
  }

  @Test
  void aStateTheRunCannotGoOnFromIsSaidInTheWindowsLanguage() {
    RunEnded ended =
        new RunEndings("r1", SETTINGS).failed(new org.layerlab.runtime.text.LocalizedStateException(RuntimeMessages.text("run.noGpu")));

    assertEquals(RunStatus.FAILED, ended.status());
    assertEquals(said(EN_TEXTS, "run.noGpu"), ended.message());
    assertEquals(said(ZH_TEXTS, "run.noGpu"), ended.message(ZH));
  }

  @Test
  void anEndingWithOnlyEnglishSaysTheEnglishInEveryLanguage() {
    RunEnded ended = new RunEndings("r1", SETTINGS).ended(RunStatus.FAILED, "No GPU is available.");
    assertEquals("No GPU is available.", ended.message(ZH));
  }
}
