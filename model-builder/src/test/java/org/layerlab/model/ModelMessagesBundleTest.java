package org.layerlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The English and Chinese message bundles agree, every text is a valid pattern, and every key the code asks for is there. */
class ModelMessagesBundleTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
  /** A key as the sources name it: one of the bundle's prefixes, then dotted words. */
  private static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:analysis|rules|settings|setting|edit|layer|layout|projectFile|export)\\.[A-Za-z0-9.]+)\"");

  private static Properties load(String resource) {
    Properties p = new Properties();
    try (InputStream in = ModelMessagesBundleTest.class.getResourceAsStream(resource)) {
      assertTrue(in != null, "missing " + resource);
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static final Properties EN = load("/org/layerlab/model/messages.properties");
  private static final Properties ZH = load("/org/layerlab/model/messages_zh.properties");

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
      assertTrue(!zh.isBlank(), key + " is empty in Chinese");
    }
  }

  @Test
  void everyChineseTextIsTranslated() {
    for (String key : ZH.stringPropertyNames()) {
      String zh = ZH.getProperty(key);
      assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), () -> key + ": " + zh);
      assertTrue(!zh.equals(EN.getProperty(key)), () -> key + " is the English text");
    }
  }

  @Test
  void everyKeyTheCodeUsesExistsAndEveryTextIsUsed() throws IOException {
    Set<String> used = new TreeSet<>();
    Path main = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = KEY_IN_CODE.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertTrue(used.size() > 50, "the scan found too few keys: " + used);
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
      assertEquals("batch size must be from 1 to 65536, got 0", ModelMessages.english().get("settings.batchSize", "0"));
      assertEquals("批大小必须在 1 到 65536 之间，现在是 0", ModelMessages.of(Locale.CHINESE).get("settings.batchSize", "0"));
      assertEquals(ModelMessages.english().get("analysis.noLayers"), ModelMessages.of(Locale.GERMAN).get("analysis.noLayers"));
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
