package org.layerlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.layerlab.charts.scalar.RunGroup;
import org.layerlab.charts.scalar.Smoothing;
import org.layerlab.charts.scalar.XAxisMode;

/** Both languages have every chart text, with patterns that format and take the same arguments. */
class ChartTextsTest {

  private static final Pattern LITERAL_KEY = Pattern.compile("ChartTexts\\.get\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)]");

  @AfterEach
  void english() {
    ChartTexts.setLocale(Locale.ENGLISH);
  }

  @Test
  void englishAndChineseHaveTheSameKeys() {
    Set<String> english = keys(Locale.ENGLISH);
    Set<String> chinese = keys(Locale.SIMPLIFIED_CHINESE);
    assertTrue(english.size() > 40, "read only " + english.size() + " keys from texts.properties");
    assertEquals(Set.of(), difference(english, chinese), "keys missing in texts_zh.properties");
    assertEquals(Set.of(), difference(chinese, english), "keys missing in texts.properties");
  }

  @Test
  void everyKeyTheCodeAsksForHasAnEntryInBothLanguages() throws IOException {
    Set<String> used = keysInCode();
    assertTrue(used.size() > 40, "found only " + used.size() + " keys: is the scan still reading the sources?");
    for (Locale locale : ChartTexts.SUPPORTED) {
      assertEquals(Set.of(), difference(used, keys(locale)), "keys used in code without an entry for " + locale);
    }
  }

  @Test
  void everyEnumLabelHasATextInBothLanguages() {
    for (Locale locale : ChartTexts.SUPPORTED) {
      ChartTexts.setLocale(locale);
      List<String> labels = new ArrayList<>();
      for (XAxisMode m : XAxisMode.values()) {
        labels.add(m.label());
      }
      for (Smoothing.Kind k : Smoothing.Kind.values()) {
        labels.add(k.label());
      }
      for (RunGroup.Spread s : RunGroup.Spread.values()) {
        labels.add(s.label());
      }
      labels.add(Smoothing.none().describe());
      labels.add(Smoothing.exponential(0.6).describe());
      labels.add(Smoothing.movingAverage(10).describe());
      for (String label : labels) {
        assertFalse(label.startsWith("[") || label.isBlank(), locale + ": " + label);
      }
    }
  }

  @Test
  void zhChoosesChineseAndEverythingElseEnglish() {
    ChartTexts.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertEquals("重置缩放", ChartTexts.get("scalar.resetZoom"));
    assertEquals(Locale.SIMPLIFIED_CHINESE, ChartTexts.locale());
    ChartTexts.setLocale(Locale.forLanguageTag("zh-TW"));
    assertEquals("重置缩放", ChartTexts.get("scalar.resetZoom"), "any Chinese locale gets the Chinese texts");
    ChartTexts.setLocale(Locale.GERMAN);
    assertEquals("Reset zoom", ChartTexts.get("scalar.resetZoom"), "an unsupported language falls back to English");
    assertEquals(Locale.ENGLISH, ChartTexts.locale());
    ChartTexts.setLocale(null);
    assertEquals("Reset zoom", ChartTexts.get("scalar.resetZoom"));
  }

  @Test
  void aMissingKeyShowsItselfInsteadOfFailing() {
    assertEquals("[no.such.key]", ChartTexts.get("no.such.key"));
  }

  @Test
  void numbersAreFilledInAndGrouped() {
    ChartTexts.setLocale(Locale.ENGLISH);
    assertEquals("1,234 samples, accuracy 86.5%", ChartTexts.get("confusion.summary", 1234, 86.54));
    ChartTexts.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertEquals("1,234 个样本，准确率 86.5%", ChartTexts.get("confusion.summary", 1234, 86.54));
  }

  @Test
  void everyPatternFormatsAndBothLanguagesTakeTheSameArguments() {
    for (String key : keys(Locale.ENGLISH)) {
      String english = pattern(Locale.ENGLISH, key);
      String chinese = pattern(Locale.SIMPLIFIED_CHINESE, key);
      assertEquals(argumentKinds(english), argumentKinds(chinese), key + ": the languages take different arguments");
      for (Locale locale : ChartTexts.SUPPORTED) {
        String pattern = pattern(locale, key);
        // A lone quote starts a quoted literal in MessageFormat and silently swallows the arguments after it.
        assertFalse(pattern.replace("''", "").contains("'"), locale + " " + key + ": a single quote must be written twice");
        ChartTexts.setLocale(locale);
        String text = ChartTexts.get(key, sampleArguments(english));
        assertFalse(text.isBlank() && !key.endsWith("join"), locale + " " + key + " is empty");
        assertFalse(text.contains("{") || text.contains("}"), locale + " " + key + " left an argument unfilled: " + text);
      }
    }
  }

  @Test
  void chineseTextsDifferFromEnglishOnes() {
    List<String> untranslated = new ArrayList<>();
    for (String key : keys(Locale.ENGLISH)) {
      if (pattern(Locale.ENGLISH, key).equals(pattern(Locale.SIMPLIFIED_CHINESE, key))) {
        untranslated.add(key);
      }
    }
    // Only texts without words may read the same: the export buttons' "PNG…" and "CSV…".
    assertEquals(List.of("scalar.exportCsv", "scalar.exportPng"), untranslated.stream().sorted().toList());
  }

  /** For each argument index, "n" for a number format, "-" for none (a plain string or number). */
  private static List<String> argumentKinds(String pattern) {
    List<String> kinds = new ArrayList<>();
    for (Format f : new MessageFormat(pattern, Locale.ROOT).getFormatsByArgumentIndex()) {
      kinds.add(f instanceof NumberFormat ? "n" : "-");
    }
    return kinds;
  }

  /** A number for every argument with a number format, a text for the others. */
  private static Object[] sampleArguments(String pattern) {
    List<String> kinds = argumentKinds(pattern);
    Object[] args = new Object[kinds.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = kinds.get(i).equals("n") ? (Object) (1234.5 + i) : "arg" + i;
    }
    return args;
  }

  private static String pattern(Locale locale, String key) {
    return properties(locale).getProperty(key);
  }

  private static Set<String> keysInCode() throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = LITERAL_KEY.matcher(Files.readString(f));
        while (m.find()) {
          found.add(m.group(1));
        }
      }
    }
    return found;
  }

  /** The keys of the language's own file; a bundle's keySet would include its parent's and hide a missing translation. */
  private static Set<String> keys(Locale locale) {
    return new TreeSet<>(properties(locale).stringPropertyNames());
  }

  private static Properties properties(Locale locale) {
    String file = locale.getLanguage().equals("en") ? "texts.properties" : "texts_" + locale.getLanguage() + ".properties";
    Properties p = new Properties();
    try (InputStream in = ChartTexts.class.getResourceAsStream("/org/layerlab/charts/" + file)) {
      assertTrue(in != null, file + " is not on the class path");
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }
}
