package org.layerlab.runtime.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between the configurations of several runs, setting by setting: a diff, not the dumps side by side.
 *
 * <p>Each configuration (a project JSON) is flattened to settings named by their path, such as {@code training.learningRate} or
 * {@code model.layers[dense1].settings.units}: layers are named by their {@code id}, so inserting a layer shows as that layer, not
 * as every later layer changed, and {@code model.layers.order} lists the ids in order. The project's {@code name} and
 * {@code description} are left out, as in the {@linkplain org.layerlab.runtime.store.ConfigHash configuration hash}. A setting a run
 * lacks reads as {@link #ABSENT}.
 *
 * @param rows only the settings whose values differ between runs, in the order they first appear
 */
public record ConfigDiff(List<String> runIds, List<Row> rows) {

  /** How a setting that a run's configuration lacks is shown. */
  public static final String ABSENT = "—";

  /** One setting that differs, with each run's value as text, in the order of {@link #runIds}. */
  public record Row(String path, List<String> values) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public ConfigDiff {
    runIds = List.copyOf(runIds);
    rows = List.copyOf(rows);
  }

  /**
   * Diffs the configurations, given as run id to configuration JSON in the order to show them.
   *
   * @param configs a configuration that is not JSON is one setting, {@code (config)}, holding its text
   */
  public static ConfigDiff of(Map<String, String> configs) {
    List<Map<String, String>> flat = new ArrayList<>();
    Set<String> paths = new LinkedHashSet<>();
    for (String json : configs.values()) {
      Map<String, String> f = flatten(json);
      flat.add(f);
      paths.addAll(f.keySet());
    }
    List<Row> rows = new ArrayList<>();
    for (String path : paths) {
      List<String> values = new ArrayList<>();
      for (Map<String, String> f : flat) {
        values.add(f.getOrDefault(path, ABSENT));
      }
      if (values.stream().distinct().count() > 1) {
        rows.add(new Row(path, values));
      }
    }
    return new ConfigDiff(List.copyOf(configs.keySet()), rows);
  }

  /** Whether the configurations are all the same. */
  public boolean identical() {
    return rows.isEmpty();
  }

  /** The settings of one configuration by path, values as text (strings without quotes). */
  public static Map<String, String> flatten(String configJson) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode root;
    try {
      root = MAPPER.readTree(Objects.requireNonNullElse(configJson, ""));
    } catch (JsonProcessingException e) {
      root = null;
    }
    if (root == null || root.isMissingNode()) {
      out.put("(config)", Objects.requireNonNullElse(configJson, ""));
      return out;
    }
    if (root.isObject()) {
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        if (!e.getKey().equals("name") && !e.getKey().equals("description")) {
          flatten(e.getValue(), e.getKey(), out);
        }
      }
    } else {
      flatten(root, "(config)", out);
    }
    return out;
  }

  private static void flatten(JsonNode node, String path, Map<String, String> out) {
    if (node.isObject()) {
      if (node.isEmpty()) {
        out.put(path, "{}");
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        flatten(e.getValue(), path + "." + e.getKey(), out);
      }
    } else if (node.isArray()) {
      if (isListOfIdentified(node)) {
        List<String> ids = new ArrayList<>();
        for (JsonNode child : node) {
          String id = child.get("id").asText();
          ids.add(id);
          for (Map.Entry<String, JsonNode> e : child.properties()) {
            if (!e.getKey().equals("id")) {
              flatten(e.getValue(), path + "[" + id + "]." + e.getKey(), out);
            }
          }
        }
        out.put(path + ".order", String.join(", ", ids));
      } else if (isListOfScalars(node)) {
        out.put(path, node.toString());
      } else {
        for (int i = 0; i < node.size(); i++) {
          flatten(node.get(i), path + "[" + i + "]", out);
        }
      }
    } else if (node.isTextual()) {
      out.put(path, node.asText());
    } else {
      out.put(path, node.toString());
    }
  }

  /** An array of objects that each carry a distinct text {@code id}, such as the model's layers. */
  private static boolean isListOfIdentified(JsonNode array) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode child : array) {
      if (!child.isObject() || !child.path("id").isTextual() || !ids.add(child.get("id").asText())) {
        return false;
      }
    }
    return !ids.isEmpty();
  }

  private static boolean isListOfScalars(JsonNode array) {
    for (JsonNode child : array) {
      if (child.isContainerNode()) {
        return false;
      }
    }
    return true;
  }
}
