package org.layerlab.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.layerlab.app.settings.Theme;
import org.layerlab.app.shortcuts.Shortcut;
import org.layerlab.model.project.OptimizerKind;
import org.layerlab.runtime.events.RunStatus;

/** Both languages have every text: the same keys, and an entry for every key the code asks for. */
class MessagesBundleTest {

  private static final Pattern LITERAL_KEY = Pattern.compile("Messages\\.get\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)]");
  private static final Pattern CHOSEN_KEY = Pattern.compile("\\?\\s*\"([a-z]+\\.[A-Za-z0-9_.]+)\"\\s*:\\s*\"([a-z]+\\.[A-Za-z0-9_.]+)\"");

  @AfterEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  @Test
  void englishAndChineseHaveTheSameKeys() {
    Set<String> english = keys(Locale.ENGLISH);
    Set<String> chinese = keys(Locale.SIMPLIFIED_CHINESE);
    assertEquals(Set.of(), difference(english, chinese), "keys missing in messages_zh.properties");
    assertEquals(Set.of(), difference(chinese, english), "keys missing in messages.properties");
  }

  @Test
  void everyKeyTheCodeAsksForHasAnEntryInBothLanguages() throws IOException {
    Set<String> used = new TreeSet<>(keysInCode());
    // Keys built from enum names: every constant needs its text.
    Arrays.stream(RunStatus.values()).forEach(s -> used.add("status." + s.name()));
    Arrays.stream(OptimizerKind.values()).forEach(k -> used.add("optimizer." + k.name()));
    Arrays.stream(Theme.values()).forEach(t -> used.add("theme." + t.name()));
    Arrays.stream(Shortcut.values()).forEach(s -> used.add(s.messageKey()));
    Messages.SUPPORTED.forEach(l -> used.add("language." + l.getLanguage()));
    assertTrue(used.size() > 100, "found only " + used.size() + " keys: is the scan still reading the sources?");
    for (Locale locale : Messages.SUPPORTED) {
      assertEquals(Set.of(), difference(used, keys(locale)), "keys used in code without an entry for " + locale);
    }
  }

  @Test
  void chineseTextsAreChinese() {
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertEquals("训练", Messages.get("training.train"));
    assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.locale());
    Messages.setLocale(Locale.forLanguageTag("zh-TW"));
    assertEquals("训练", Messages.get("training.train"), "any Chinese locale gets the Chinese texts");
    Messages.setLocale(Locale.GERMAN);
    assertEquals("Train", Messages.get("training.train"), "an unsupported language falls back to English");
  }

  @Test
  void everyPatternFormatsInBothLanguages() {
    for (Locale locale : Messages.SUPPORTED) {
      Messages.setLocale(locale);
      for (String key : keys(locale)) {
        // Three arguments of each kind the texts use; a broken pattern throws here.
        Messages.get(key, 2, 3, "x", 4, 5);
      }
    }
  }

  private static Set<String> keysInCode() throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String code = Files.readString(f);
        Matcher m = LITERAL_KEY.matcher(code);
        while (m.find()) {
          found.add(m.group(1));
        }
        Matcher c = CHOSEN_KEY.matcher(code);
        while (c.find()) {
          found.add(c.group(1));
          found.add(c.group(2));
        }
      }
    }
    return found;
  }

  /** The keys of the language's own file; a bundle's keySet would include its parent's, and hide a missing translation. */
  private static Set<String> keys(Locale locale) {
    String file = locale.getLanguage().equals("en") ? "messages.properties" : "messages_" + locale.getLanguage() + ".properties";
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("/org/layerlab/app/" + file)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TreeSet<>(p.stringPropertyNames());
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }
}
