package org.layerlab.model.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.layer.Setting;

/**
 * The JSON Schema (draft 2020-12) of the project files this release writes, built from the layer catalog so that it cannot drift
 * from it. The reader accepts a little more than the schema says (layer types in any case, numbers given as text, older versions,
 * which it migrates); the schema is the format to write.
 *
 * <p>A copy is kept as {@code org/layerlab/model/project/project.schema.json} for tools outside Layerlab; a test checks that it is
 * what this class builds.
 */
public final class ProjectSchema {

  /** The resource holding the committed copy. */
  public static final String RESOURCE = "project.schema.json";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ProjectSchema() {}

  /** The schema of format version {@link ProjectFiles#CURRENT_VERSION}, pretty-printed. */
  public static String json() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "urn:layerlab:project:" + ProjectFiles.CURRENT_VERSION);
    root.put("title", "Layerlab project, format version " + ProjectFiles.CURRENT_VERSION);
    root.put(
        "description",
        "A model (a list of layers; a layer without inputs reads the layer before it), the dataset it learns from and how to train"
            + " it. Files of older versions are migrated when read.");
    root.put("type", "object");
    required(root, "format", "version", "name", "model", "dataset", "training");
    ObjectNode props = root.putObject("properties");
    props.putObject("format").put("const", ProjectFiles.FORMAT);
    props.putObject("version").put("const", ProjectFiles.CURRENT_VERSION);
    props.putObject("name").put("type", "string");
    props.putObject("description").put("type", "string");
    ObjectNode model = props.putObject("model");
    model.put("type", "object");
    required(model, "layers");
    ObjectNode layers = model.putObject("properties").putObject("layers");
    layers.put("type", "array");
    layers.putObject("items").put("$ref", "#/$defs/layer");
    props.putObject("dataset").putArray("oneOf").add(ref("spiral")).add(ref("idx"));
    props.set("training", training());
    ObjectNode layout = props.putObject("layout");
    layout.put(
        "description",
        "Layer id to the top-left corner of its node where the user placed it in the model editor; other layers are laid out"
            + " automatically.");
    layout.put("type", "object");
    ObjectNode position = layout.putObject("additionalProperties");
    position.put("type", "object");
    required(position, "x", "y");
    ObjectNode xy = position.putObject("properties");
    xy.putObject("x").put("type", "number");
    xy.putObject("y").put("type", "number");

    ObjectNode defs = root.putObject("$defs");
    defs.set("layer", layer());
    for (LayerType type : LayerType.values()) {
      defs.set("settings-" + type.jsonName(), settings(type));
    }
    defs.set("spiral", spiral());
    defs.set("idx", idx());
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a schema always serialises", e);
    }
  }

  private static ObjectNode layer() {
    ObjectNode layer = MAPPER.createObjectNode();
    layer.put("type", "object");
    required(layer, "id", "type");
    ObjectNode props = layer.putObject("properties");
    props.putObject("id").put("type", "string").put("pattern", "^[A-Za-z_][A-Za-z0-9_\\-]*$");
    ArrayNode names = props.putObject("type").putArray("enum");
    for (LayerType t : LayerType.values()) {
      names.add(t.jsonName());
    }
    props.putObject("settings").put("type", "object");
    ObjectNode inputs = props.putObject("inputs");
    inputs.put(
        "description",
        "Ids of the layers feeding the input ports, in port order; \"\" marks a port with nothing connected. Left out: the layer"
            + " before this one in the list.");
    inputs.put("type", "array");
    inputs.putObject("items").put("type", "string");
    ArrayNode cases = layer.putArray("allOf");
    for (LayerType t : LayerType.values()) {
      ObjectNode c = cases.addObject();
      c.putObject("if").putObject("properties").putObject("type").put("const", t.jsonName());
      c.putObject("then").putObject("properties").putObject("settings").put("$ref", "#/$defs/settings-" + t.jsonName());
    }
    return layer;
  }

  private static ObjectNode settings(LayerType type) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", "object");
    node.put("additionalProperties", false);
    ObjectNode props = node.putObject("properties");
    for (Setting s : type.settings()) {
      ObjectNode p = props.putObject(s.name());
      switch (s.kind()) {
        case INT -> p.put("type", "integer").put("minimum", (long) s.min()).put("maximum", (long) s.max()).put("default", (Integer) s.defaultValue());
        case DOUBLE -> p.put("type", "number").put("minimum", s.min()).put("maximum", s.max()).put("default", (Double) s.defaultValue());
        case CHOICE -> {
          ArrayNode e = p.putArray("enum");
          s.choices().forEach(e::add);
          p.put("default", (String) s.defaultValue());
        }
        case INT_LIST -> {
          p.put("type", "array").put("minItems", 1);
          p.putObject("items").put("type", "integer").put("minimum", (long) s.min()).put("maximum", (long) s.max());
          p.set("default", MAPPER.valueToTree(s.defaultValue()));
        }
        default -> throw new AssertionError(s.kind());
      }
    }
    return node;
  }

  private static ObjectNode training() {
    ObjectNode t = MAPPER.createObjectNode();
    t.put("type", "object");
    required(t, "optimizer", "learningRate", "batchSize", "epochs", "seed", "validationFraction");
    ObjectNode p = t.putObject("properties");
    ArrayNode optimizers = p.putObject("optimizer").putArray("enum");
    for (OptimizerKind k : OptimizerKind.values()) {
      optimizers.add(k.jsonName());
    }
    p.putObject("learningRate").put("type", "number").put("exclusiveMinimum", 0).put("maximum", 10);
    p.putObject("momentum").put("type", "number").put("minimum", 0).put("exclusiveMaximum", 1).put("default", 0.9);
    p.putObject("batchSize").put("type", "integer").put("minimum", 1).put("maximum", 65_536);
    p.putObject("epochs").put("type", "integer").put("minimum", 1).put("maximum", 100_000);
    p.putObject("seed").put("type", "integer");
    p.putObject("validationFraction").put("type", "number").put("exclusiveMinimum", 0).put("exclusiveMaximum", 1);
    return t;
  }

  private static ObjectNode spiral() {
    ObjectNode d = MAPPER.createObjectNode();
    d.put("type", "object");
    required(d, "type", "classes", "pointsPerClass", "noise", "seed");
    ObjectNode p = d.putObject("properties");
    p.putObject("type").put("const", "spiral");
    p.putObject("classes").put("type", "integer").put("minimum", 2).put("maximum", 50);
    p.putObject("pointsPerClass").put("type", "integer").put("minimum", 2).put("maximum", 1_000_000);
    p.putObject("noise").put("type", "number").put("minimum", 0).put("maximum", 1);
    p.putObject("seed").put("type", "integer");
    return d;
  }

  private static ObjectNode idx() {
    ObjectNode d = MAPPER.createObjectNode();
    d.put("type", "object");
    required(d, "type", "path");
    ObjectNode p = d.putObject("properties");
    p.putObject("type").put("const", "idx");
    p.putObject("name").put("type", "string");
    p.putObject("path").put("type", "string");
    p.putObject("fullDatasetPath").put("type", "string");
    p.putObject("useFullWhenAvailable").put("type", "boolean");
    p.putObject("classNames").put("type", "array").putObject("items").put("type", "string");
    return d;
  }

  private static ObjectNode ref(String def) {
    return MAPPER.createObjectNode().put("$ref", "#/$defs/" + def);
  }

  private static void required(ObjectNode node, String... fields) {
    ArrayNode r = node.putArray("required");
    for (String f : fields) {
      r.add(f);
    }
  }
}
