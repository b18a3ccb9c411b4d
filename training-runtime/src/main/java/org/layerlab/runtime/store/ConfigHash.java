package org.layerlab.runtime.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that says whether two runs were trained with the same configuration.
 *
 * <p>It is the SHA-256 of the run's project JSON written with its keys sorted and without the project's {@code name} and
 * {@code description}: those label a project and do not change what trains, so a renamed copy of a project has the same hash, while
 * any change of model, dataset or training setting (the seed included) gives another. Key order and whitespace do not count. A
 * configuration that is not JSON is hashed as it is.
 */
public final class ConfigHash {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper SORTED = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private ConfigHash() {}

  /** The configuration hash of {@code configJson}, 64 lower-case hex digits. */
  public static String of(String configJson) {
    String text = configJson == null ? "" : configJson;
    byte[] canonical;
    try {
      JsonNode root = MAPPER.readTree(text);
      if (root instanceof ObjectNode o) {
        o.remove("name");
        o.remove("description");
      }
      canonical = root == null ? text.getBytes(StandardCharsets.UTF_8) : SORTED.writeValueAsBytes(MAPPER.treeToValue(root, Object.class));
    } catch (JsonProcessingException notJson) {
      canonical = text.getBytes(StandardCharsets.UTF_8);
    }
    return sha256(canonical);
  }

  /** The training seed ({@code training.seed}) of a project JSON, or {@code null} when it has none. */
  public static Long seedOf(String configJson) {
    try {
      JsonNode seed = MAPPER.readTree(configJson == null ? "" : configJson).path("training").path("seed");
      return seed.canConvertToLong() && seed.isIntegralNumber() ? seed.asLong() : null;
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
