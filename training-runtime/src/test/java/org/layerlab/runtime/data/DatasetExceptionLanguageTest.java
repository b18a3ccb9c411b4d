package org.layerlab.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.LocalText;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.Task;

/** A data problem is English in its message (command line, logs, run store) and said in Chinese when the window asks. */
class DatasetExceptionLanguageTest {

  @TempDir Path dir;

  private static final DatasetRef.Csv REF =
      new DatasetRef.Csv("t", "t.csv", List.of("y"), List.of(), List.of(), Task.CLASSIFICATION, ',', Options.NONE);

  private static String said(String bundle, String key, Object... args) throws IOException {
    Properties p = new Properties();
    try (InputStream in = DatasetExceptionLanguageTest.class.getResourceAsStream("/org/layerlab/runtime/" + bundle)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new MessageFormat(p.getProperty(key), Locale.ROOT).format(args);
  }

  @Test
  void anEmptyCellIsSaidInBothLanguages() throws Exception {
    Path file = Files.writeString(dir.resolve("t.csv"), "x,y\n1,a\n2,\n");

    DatasetException e = assertThrows(DatasetException.class, () -> CsvReader.read(file, REF));

    assertEquals("data.csv.emptyCell", e.problem().key());
    assertEquals(file + ": " + said("messages.properties", "data.csv.emptyCell", "3", "y"), e.getMessage());
    assertEquals(file + ": " + said("messages_zh.properties", "data.csv.emptyCell", "3", "y"), e.message(Locale.SIMPLIFIED_CHINESE));
    assertNotEquals(e.getMessage(), e.message(Locale.SIMPLIFIED_CHINESE));
  }

  @Test
  void aHintInsideAProblemIsSaidInTheSameLanguage() throws Exception {
    Path file = Files.writeString(dir.resolve("t.csv"), "x,y\n1,a\nabc,b\n");

    DatasetException e = assertThrows(DatasetException.class, () -> CsvReader.read(file, REF));

    String zhHint = said("messages_zh.properties", "data.csv.hint.categorical", "x");
    assertEquals(
        file + ": " + said("messages_zh.properties", "data.csv.notNumber", "3", "x", "abc", zhHint), e.message(Locale.SIMPLIFIED_CHINESE));
    String enHint = said("messages.properties", "data.csv.hint.categorical", "x");
    assertEquals(file + ": " + said("messages.properties", "data.csv.notNumber", "3", "x", "abc", enHint), e.getMessage());
  }

  @Test
  void aWrappedProblemIsStillSaidInChinese() throws Exception {
    Path file = dir.resolve("missing.csv");
    DatasetException e = assertThrows(DatasetException.class, () -> CsvReader.read(file, REF));

    RuntimeException wrapped = new RuntimeException("loading failed", e);

    assertEquals(file + ": " + said("messages_zh.properties", "data.csv.noSuchFile"), LocalText.describe(wrapped, Locale.SIMPLIFIED_CHINESE));
    assertEquals(e.getMessage(), LocalText.describe(wrapped, Locale.ENGLISH));
  }

  @Test
  void aProblemWithoutAFileIsJustTheProblem() {
    DatasetException e = new DatasetException(null, org.layerlab.runtime.text.RuntimeMessages.text("data.notUtf8"));
    assertEquals(e.problem().english(), e.getMessage());
    assertEquals(e.problem().message(Locale.SIMPLIFIED_CHINESE), e.message(Locale.SIMPLIFIED_CHINESE));
  }
}
