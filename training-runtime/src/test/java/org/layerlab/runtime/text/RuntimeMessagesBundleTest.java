package org.layerlab.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The runtime's English and Chinese bundles have the same keys, valid patterns with the same arguments, and what the code asks for. */
class RuntimeMessagesBundleTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");
  /** A key as the sources spell it: one of the bundle's areas, then dotted words. */
  private static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:data|run|compile|generated|store|exchange)\\.[A-Za-z0-9.]+)\"");

  static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = RuntimeMessagesBundleTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, "missing " + resource);
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static final Properties EN = load("/org/layerlab/runtime/messages.properties");
  private static final Properties ZH = load("/org/layerlab/runtime/messages_zh.properties");

  @Test
  void bothLanguagesHaveTheSameKeys() {
    assertEquals(new TreeSet<>(EN.stringPropertyNames()), new TreeSet<>(ZH.stringPropertyNames()));
  }

  @Test
  void everyTextIsAPatternWithTheSameArgumentsInBothLanguages() {
    for (String key : EN.stringPropertyNames()) {
      String en = EN.getProperty(key);
      String zh = ZH.getProperty(key);
      new MessageFormat(en, Locale.ENGLISH);
      new MessageFormat(zh, Locale.SIMPLIFIED_CHINESE);
      assertEquals(placeholders(en), placeholders(zh), () -> key + ": the languages use different arguments");
    }
  }

  @Test
  void aSingleQuoteIsAlwaysDoubled() {
    // MessageFormat drops a lone quote and reads what follows literally, so "dataset's {0}" would lose both.
    Pattern lone = Pattern.compile("(?<!')'(?!')");
    for (Properties p : java.util.List.of(EN, ZH)) {
      for (String key : p.stringPropertyNames()) {
        assertTrue(!lone.matcher(p.getProperty(key)).find(), () -> key + " has a lone quote: " + p.getProperty(key));
      }
    }
  }

  @Test
  void everyChineseTextIsTranslated() {
    for (String key : ZH.stringPropertyNames()) {
      String zh = ZH.getProperty(key);
      // a joining pattern such as "{0}；{1}" has no characters, only Chinese punctuation
      assertTrue(
          zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || (c >= 0xFF00 && c <= 0xFFEF)),
          () -> key + ": " + zh);
      assertNotEquals(EN.getProperty(key), zh, () -> key + " is the English text");
    }
  }

  @Test
  void everyKeyTheCodeUsesExistsAndEveryTextIsUsed() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = KEY_IN_CODE.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertTrue(used.size() > 60, "the scan found too few keys: " + used);
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(EN.stringPropertyNames());
    assertEquals(Set.of(), missing, "keys the code uses but the bundle lacks");
    Set<String> unused = new TreeSet<>(EN.stringPropertyNames());
    unused.removeAll(used);
    assertEquals(Set.of(), unused, "texts no code uses");
  }

  @Test
  void englishIsReadEvenWhenTheComputerSpeaksChinese() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      String key = "data.csv.emptyCell";
      assertEquals(new MessageFormat(EN.getProperty(key), Locale.ENGLISH).format(new Object[] {"3", "y"}), RuntimeMessages.english(key, "3", "y"));
      assertEquals(
          new MessageFormat(ZH.getProperty(key), Locale.SIMPLIFIED_CHINESE).format(new Object[] {"3", "y"}),
          RuntimeMessages.get(Locale.CHINESE, key, "3", "y"));
      assertEquals(RuntimeMessages.english(key, "3", "y"), RuntimeMessages.get(Locale.GERMAN, key, "3", "y"));
    } finally {
      Locale.setDefault(before);
    }
  }

  private static Set<String> placeholders(String pattern) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
