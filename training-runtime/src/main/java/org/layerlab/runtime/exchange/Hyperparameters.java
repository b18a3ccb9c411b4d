package org.layerlab.runtime.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.project.ProjectFileException;
import org.layerlab.model.project.ProjectFiles;

/** The hyperparameters of a run, taken from the project JSON it was trained with. */
final class Hyperparameters {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Hyperparameters() {}

  /**
   * Every plain setting under {@code training} by its project-file name ({@code learningRate}, {@code batchSize}, ...), then
   * {@code dataset} (the dataset type), {@code layers} (how many) and {@code parameters} (trainable parameters, when the model is
   * valid). Values are {@link Double}, {@link String} or {@link Boolean}, the kinds TensorBoard's HParams dashboard knows. A config
   * that is not a project gives whatever of this it has, possibly nothing.
   */
  static Map<String, Object> fromConfig(String configJson) {
    Map<String, Object> out = new LinkedHashMap<>();
    JsonNode root;
    try {
      root = MAPPER.readTree(configJson == null ? "" : configJson);
    } catch (JsonProcessingException e) {
      return out;
    }
    if (root == null || !root.isObject()) {
      return out;
    }
    JsonNode training = root.path("training");
    for (Map.Entry<String, JsonNode> f : training.properties()) {
      JsonNode v = f.getValue();
      if (v.isNumber()) {
        out.put(f.getKey(), v.asDouble());
      } else if (v.isTextual()) {
        out.put(f.getKey(), v.asText());
      } else if (v.isBoolean()) {
        out.put(f.getKey(), v.asBoolean());
      }
    }
    JsonNode datasetType = root.path("dataset").path("type");
    if (datasetType.isTextual()) {
      out.put("dataset", datasetType.asText());
    }
    JsonNode layers = root.path("model").path("layers");
    if (layers.isArray()) {
      out.put("layers", (double) layers.size());
      try {
        ModelAnalysis analysis = ModelAnalyzer.analyze(ProjectFiles.parse(configJson, Path.of("run-config.json")).model());
        if (analysis.valid()) {
          out.put("parameters", (double) analysis.totalParameters());
        }
      } catch (ProjectFileException notAProject) {
        // A config of a foreign or partial format has no countable model; its other hyperparameters still go out.
      }
    }
    return out;
  }
}
