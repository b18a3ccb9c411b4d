package org.layerlab.runtime.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;
import org.layerlab.model.LocalizedArgumentException;
import org.layerlab.model.ModelMessages;

/**
 * A {@link Localized} text as JSON, so that a text kept in a file (how a run ended, in the run store) can be said again later in
 * any language.
 *
 * <p>A {@link LocalText} is written as {@code {"bundle": ..., "key": ..., "args": [...]}}; an argument that is itself a {@code
 * LocalText} nests the same way, a number stays a JSON number and anything else is written as its text. A {@code Localized} that
 * is no {@code LocalText} (an exception that words its message itself, a list of problems) cannot be kept as a key: it is written
 * as it reads in each of {@link RuntimeMessages#LANGUAGES}, {@code {"said": {"en": ..., "zh": ...}}}, and said back in the
 * closest of them.
 *
 * <p>Reading trusts nothing in the file: only the runtime's and model-builder's bundles, keys those bundles have, and the shapes
 * above are accepted; anything else is refused as a whole (the caller then shows the English text it kept beside).
 */
public final class LocalTextJson {

  /** The bundles a stored text may name. */
  public static final Set<String> BUNDLES = Set.of(RuntimeMessages.BUNDLE, ModelMessages.BUNDLE);

  /** How deep texts may nest in their arguments: the runtime nests three levels at most; a deeper file is not Layerlab's. */
  static final int MAX_DEPTH = 12;

  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalTextJson() {}

  /** {@code text} as a JSON document; see the class comment for its shape. */
  public static String write(Localized text) {
    try {
      return JSON.writeValueAsString(node(keyed(text), 0));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }

  /**
   * The text a JSON document written by {@link #write} keeps, or empty when the document is missing, damaged, names a bundle other
   * than {@link #BUNDLES} or a key its bundle lacks (a file written by a newer Layerlab).
   */
  public static Optional<Localized> read(String json) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(text(JSON.readTree(json), 0));
    } catch (JsonProcessingException | Refused e) {
      return Optional.empty();
    }
  }

  /** The key and arguments behind {@code text} when it has them, else {@code text} itself. */
  private static Localized keyed(Localized text) {
    if (text instanceof LocalizedStateException e && e.text() != null) {
      return e.text();
    }
    if (text instanceof LocalizedArgumentException e && e.text() != null) {
      return e.text();
    }
    return text;
  }

  private static JsonNode node(Localized text, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("a text nests more than " + MAX_DEPTH + " texts deep: " + text.message(Locale.ENGLISH));
    }
    ObjectNode out = JSON.createObjectNode();
    if (text instanceof LocalText t) {
      out.put("bundle", t.bundle());
      out.put("key", t.key());
      ArrayNode args = out.putArray("args");
      for (Object a : t.args()) {
        if (a instanceof Localized l) {
          args.add(node(keyed(l), depth + 1));
        } else if (a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte) {
          args.add(((Number) a).longValue());
        } else if (a instanceof Double || a instanceof Float) {
          args.add(((Number) a).doubleValue());
        } else if (a instanceof BigDecimal b) {
          args.add(b);
        } else if (a instanceof BigInteger b) {
          args.add(b);
        } else {
          args.add(String.valueOf(a));
        }
      }
      return out;
    }
    ObjectNode said = out.putObject("said");
    for (Locale l : RuntimeMessages.LANGUAGES) {
      said.put(l.getLanguage(), text.message(l));
    }
    return out;
  }

  private static Localized text(JsonNode node, int depth) throws Refused {
    if (depth > MAX_DEPTH || node == null || !node.isObject()) {
      throw new Refused();
    }
    if (node.has("said")) {
      return said(node.get("said"));
    }
    JsonNode bundle = node.get("bundle");
    JsonNode key = node.get("key");
    JsonNode args = node.get("args");
    if (bundle == null || !bundle.isTextual() || !BUNDLES.contains(bundle.asText())) {
      throw new Refused();
    }
    if (key == null || !key.isTextual() || !LocalText.bundle(bundle.asText(), Locale.ROOT).containsKey(key.asText())) {
      throw new Refused();
    }
    List<Object> values = new ArrayList<>();
    if (args != null) {
      if (!args.isArray()) {
        throw new Refused();
      }
      for (JsonNode a : args) {
        if (a.isObject()) {
          values.add(text(a, depth + 1));
        } else if (a.isIntegralNumber()) {
          values.add(a.canConvertToLong() ? (Object) a.longValue() : a.bigIntegerValue());
        } else if (a.isNumber()) {
          values.add(a.isBigDecimal() ? a.decimalValue() : a.doubleValue());
        } else if (a.isTextual()) {
          values.add(a.asText());
        } else {
          throw new Refused();
        }
      }
    }
    return new LocalText(bundle.asText(), key.asText(), values);
  }

  private static Localized said(JsonNode node) throws Refused {
    if (!node.isObject()) {
      throw new Refused();
    }
    Map<String, String> byLanguage = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new Refused();
      }
      byLanguage.put(e.getKey(), e.getValue().asText());
    }
    String english = byLanguage.get(Locale.ENGLISH.getLanguage());
    if (english == null) {
      throw new Refused();
    }
    return new Said(Map.copyOf(byLanguage), english);
  }

  /** A text kept as it reads in each language; a language it was not kept in reads English. */
  private record Said(Map<String, String> byLanguage, String english) implements Localized {
    @Override
    public String message(Locale locale) {
      return locale == null ? english : byLanguage.getOrDefault(locale.getLanguage(), english);
    }

    @Override
    public String toString() {
      return english;
    }
  }

  /** A document that is not a text this class wrote. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused() {
      super(null, null, false, false);
    }
  }
}
