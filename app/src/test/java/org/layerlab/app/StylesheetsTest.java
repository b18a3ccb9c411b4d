package org.layerlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The style sheets are appended to by several branches at once and merged line by line; a lost closing brace makes JavaFX skip every
 * rule after it without an error. This checks that each rule's block closes before the next selector starts.
 */
class StylesheetsTest {

  @ParameterizedTest
  @ValueSource(strings = {"app.css", "dark.css"})
  void everyRuleBlockClosesBeforeTheNextOneOpens(String name) throws IOException {
    String css;
    try (InputStream in = MainView.class.getResourceAsStream(name)) {
      assertTrue(in != null, name + " is on the class path");
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
    }
    int depth = 0;
    int line = 1;
    for (char c : css.toCharArray()) {
      if (c == '\n') {
        line++;
      } else if (c == '{') {
        depth++;
        assertEquals(1, depth, name + " line " + line + ": a rule opens inside another rule (a closing brace is missing above)");
      } else if (c == '}') {
        depth--;
        assertEquals(0, depth, name + " line " + line + ": a closing brace without an open rule");
      }
    }
    assertEquals(0, depth, name + ": the last rule is not closed");
  }
}
