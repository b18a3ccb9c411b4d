package org.layerlab.model.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.layer.Setting;

/**
 * Reads and writes project files. A project lives in a folder as {@code project.json}; its dataset paths are relative to that folder.
 *
 * <p>The file carries {@code "format": "layerlab-project"} and a {@code "version"}. Reading checks every field and reports the first
 * problem with its JSON path, such as {@code model.layers[2].settings.units: units must be a whole number from 1 to 100000, got 0}.
 */
public final class ProjectFiles {

  /** The file name of a project inside its folder. */
  public static final String FILE_NAME = "project.json";

  /** The format version this release writes. */
  public static final int CURRENT_VERSION = 1;

  private static final String FORMAT = "layerlab-project";
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ProjectFiles() {}

  /** The project file for {@code path}: the path itself when it is a file, else {@code project.json} inside the folder. */
  public static Path resolve(Path path) {
    return Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
  }

  /** Reads the project at {@code path} (a project folder or its {@code project.json}). */
  public static Project read(Path path) throws ProjectFileException {
    Path file = resolve(path);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ProjectFileException(file, "", "no such file: give a project folder that holds " + FILE_NAME + ", or the file itself");
    } catch (IOException e) {
      throw new ProjectFileException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
    return parse(text, file);
  }

  /** Parses project JSON; {@code source} names the file in error messages. */
  public static Project parse(String json, Path source) throws ProjectFileException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ProjectFileException(
          source, "line " + e.getLocation().getLineNr(), "is not valid JSON (" + e.getOriginalMessage() + "): fix the syntax there");
    }
    return new Reader(source).project(root);
  }

  /**
   * Writes the project as {@code project.json} into the folder {@code path} (or to {@code path} when it names a {@code .json} file).
   * The file is written to a temporary file first and moved into place, so a crash never leaves half a project.
   */
  public static Path write(Project project, Path path) throws IOException {
    Path file = path.toString().endsWith(".json") ? path : path.resolve(FILE_NAME);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // A sibling temp file, moved over the target: a crash never leaves half a project. createTempFile would make it owner-only
    // (0600), so the project keeps the permissions of the file it replaces, or the usual ones for a new file.
    Path tmp = parent.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
    try {
      Files.writeString(tmp, toJson(project), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      if (Files.exists(file)) {
        try {
          Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
        } catch (UnsupportedOperationException notPosix) {
          // other file systems keep their defaults
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return file;
  }

  /** The project as pretty-printed JSON in the current format. */
  public static String toJson(Project project) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", CURRENT_VERSION);
    root.put("name", project.name());
    root.put("description", project.description());
    ObjectNode model = root.putObject("model");
    ArrayNode layers = model.putArray("layers");
    for (LayerSpec layer : project.model().layers()) {
      ObjectNode l = layers.addObject();
      l.put("id", layer.id());
      l.put("type", layer.type().jsonName());
      if (!layer.settings().isEmpty()) {
        l.set("settings", MAPPER.valueToTree(layer.settings()));
      }
    }
    ObjectNode ds = root.putObject("dataset");
    ds.put("type", project.dataset().type());
    if (project.dataset() instanceof DatasetRef.Spiral s) {
      ds.put("classes", s.classes());
      ds.put("pointsPerClass", s.pointsPerClass());
      ds.put("noise", s.noise());
      ds.put("seed", s.seed());
    } else if (project.dataset() instanceof DatasetRef.Idx idx) {
      ds.put("name", idx.name());
      ds.put("path", idx.path());
      if (idx.fullDatasetPath() != null) {
        ds.put("fullDatasetPath", idx.fullDatasetPath());
      }
      ds.put("useFullWhenAvailable", idx.useFullWhenAvailable());
      if (!idx.classNames().isEmpty()) {
        ds.set("classNames", MAPPER.valueToTree(idx.classNames()));
      }
    }
    TrainingSettings t = project.training();
    ObjectNode tr = root.putObject("training");
    tr.put("optimizer", t.algorithm().jsonName());
    tr.put("learningRate", t.learningRate());
    tr.put("momentum", t.momentum());
    tr.put("batchSize", t.batchSize());
    tr.put("epochs", t.epochs());
    tr.put("seed", t.seed());
    tr.put("validationFraction", t.validationFraction());
    writeTrainingOptions(tr, t);
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a project always serialises", e);
    }
  }

  /**
   * The training settings added after the first format, each written only when it differs from its default, so that a project that
   * uses none of them is written as the first format wrote it.
   */
  private static void writeTrainingOptions(ObjectNode tr, TrainingSettings t) {
    TrainingSettings.OptimizerOptions o = t.optimizerOptions();
    TrainingSettings.OptimizerOptions d = TrainingSettings.OptimizerOptions.DEFAULT;
    if (o.nesterov()) {
      tr.put("nesterov", true);
    }
    putIfNot(tr, "weightDecay", o.weightDecay(), d.weightDecay());
    putIfNot(tr, "beta1", o.beta1(), d.beta1());
    putIfNot(tr, "beta2", o.beta2(), d.beta2());
    putIfNot(tr, "epsilon", o.epsilon(), d.epsilon());
    putIfNot(tr, "rho", o.rho(), d.rho());
    putIfNot(tr, "gradientClipNorm", o.gradientClipNorm(), d.gradientClipNorm());
    TrainingSettings.Schedule sc = t.schedule();
    if (sc.kind() != TrainingSettings.ScheduleKind.CONSTANT) {
      ObjectNode s = tr.putObject("schedule");
      s.put("type", sc.kind().jsonName());
      switch (sc.kind()) {
        case STEP -> {
          s.put("everyEpochs", sc.everyEpochs());
          s.put("gamma", sc.gamma());
        }
        case MULTI_STEP -> {
          s.set("milestones", MAPPER.valueToTree(sc.milestones()));
          s.put("gamma", sc.gamma());
        }
        case EXPONENTIAL -> s.put("gamma", sc.gamma());
        case COSINE -> s.put("minLearningRate", sc.minLearningRate());
        case WARMUP_COSINE -> {
          s.put("warmupEpochs", sc.warmupEpochs());
          s.put("minLearningRate", sc.minLearningRate());
        }
        case PLATEAU -> {
          s.put("monitor", sc.monitor().jsonName());
          s.put("gamma", sc.gamma());
          s.put("patience", sc.patience());
          s.put("minLearningRate", sc.minLearningRate());
        }
        default -> throw new IllegalStateException("constant schedules are not written");
      }
    }
    TrainingSettings.LossFunction loss = t.loss();
    if (!loss.equals(TrainingSettings.LossFunction.DEFAULT)) {
      ObjectNode l = tr.putObject("loss");
      l.put("type", loss.kind().jsonName());
      if (loss.labelSmoothing() != 0) {
        l.put("labelSmoothing", loss.labelSmoothing());
      }
      if (loss.kind() == TrainingSettings.LossKind.HUBER) {
        l.put("huberDelta", loss.huberDelta());
      }
    }
    if (t.earlyStopping() != null) {
      ObjectNode e = tr.putObject("earlyStopping");
      e.put("metric", t.earlyStopping().metric().jsonName());
      e.put("patience", t.earlyStopping().patience());
      e.put("minDelta", t.earlyStopping().minDelta());
    }
    if (t.transfer() != null) {
      TrainingSettings.Transfer x = t.transfer();
      ObjectNode e = tr.putObject("transfer");
      e.put("from", x.from());
      e.put("checkpoint", x.checkpoint().jsonName());
      e.set("freeze", MAPPER.valueToTree(x.freeze()));
      e.put("replaceHead", x.replaceHead());
      e.put("bodyLearningRateFactor", x.bodyLearningRateFactor());
    }
    if (t.threads() != 0) {
      tr.put("threads", t.threads());
    }
    if (t.reporting().histogramEvery() != TrainingSettings.Reporting.DEFAULT.histogramEvery()) {
      tr.put("histogramEvery", t.reporting().histogramEvery());
    }
    if (t.reporting().worstSamples() != TrainingSettings.Reporting.DEFAULT.worstSamples()) {
      tr.put("worstSamples", t.reporting().worstSamples());
    }
  }

  private static void putIfNot(ObjectNode node, String field, double value, double byDefault) {
    if (Double.compare(value, byDefault) != 0) {
      node.put(field, value);
    }
  }

  /** Walks the JSON tree, keeping the file so that every error names it. */
  private record Reader(Path file) {

    Project project(JsonNode root) throws ProjectFileException {
      if (!root.isObject()) {
        throw fail("", "must be a JSON object with name, model, dataset and training");
      }
      String format = text(root, "format", "");
      if (!FORMAT.equals(format)) {
        throw fail("format", "must be \"" + FORMAT + "\", got \"" + format + "\": is this a Layerlab project file?");
      }
      int version = integer(root, "version", "");
      if (version < 1 || version > CURRENT_VERSION) {
        throw fail(
            "version",
            "version "
                + version
                + " is not known to this Layerlab, which reads versions 1 to "
                + CURRENT_VERSION
                + (version > CURRENT_VERSION ? ": update Layerlab to open it" : ""));
      }
      String name = text(root, "name", "");
      String description = root.hasNonNull("description") ? text(root, "description", "") : "";
      ModelSpec model = model(object(root, "model", ""));
      DatasetRef dataset = dataset(object(root, "dataset", ""));
      TrainingSettings training = training(object(root, "training", ""));
      return new Project(name, description, model, dataset, training);
    }

    ModelSpec model(JsonNode node) throws ProjectFileException {
      JsonNode layers = node.get("layers");
      if (layers == null || !layers.isArray()) {
        throw fail("model.layers", "is missing: give a list of layers, the first of type Input");
      }
      List<LayerSpec> out = new ArrayList<>();
      for (int i = 0; i < layers.size(); i++) {
        out.add(layer(layers.get(i), "model.layers[" + i + "]"));
      }
      return new ModelSpec(out);
    }

    LayerSpec layer(JsonNode node, String at) throws ProjectFileException {
      if (!node.isObject()) {
        throw fail(at, "must be an object with id, type and settings");
      }
      String id = text(node, "id", at);
      String typeName = text(node, "type", at);
      LayerType type =
          LayerType.fromJsonName(typeName)
              .orElseThrow(() -> fail(at + ".type", "unknown layer type '" + typeName + "': use one of " + LayerType.jsonNames()));
      Map<String, Object> settings = new LinkedHashMap<>();
      JsonNode s = node.get("settings");
      if (s != null && !s.isNull()) {
        if (!s.isObject()) {
          throw fail(at + ".settings", "must be an object of setting names and values");
        }
        for (Map.Entry<String, JsonNode> f : s.properties()) {
          String where = at + ".settings." + f.getKey();
          Setting setting;
          try {
            setting = type.setting(f.getKey());
          } catch (IllegalArgumentException e) {
            throw fail(where, e.getMessage());
          }
          Object value;
          try {
            value = setting.normalize(MAPPER.treeToValue(f.getValue(), Object.class));
          } catch (IllegalArgumentException | JsonProcessingException | NullPointerException e) {
            throw fail(where, e instanceof IllegalArgumentException ? e.getMessage() : "has no usable value");
          }
          String problem = setting.problem(value);
          if (problem != null) {
            throw fail(where, problem);
          }
          settings.put(f.getKey(), value);
        }
      }
      return new LayerSpec(id, type, settings);
    }

    DatasetRef dataset(JsonNode node) throws ProjectFileException {
      String type = text(node, "type", "dataset");
      switch (type) {
        case "spiral" -> {
          int classes = integer(node, "classes", "dataset");
          int points = integer(node, "pointsPerClass", "dataset");
          double noise = number(node, "noise", "dataset");
          long seed = longInteger(node, "seed", "dataset");
          if (classes < 2 || classes > 50) {
            throw fail("dataset.classes", "must be from 2 to 50, got " + classes);
          }
          if (points < 2 || points > 1_000_000) {
            throw fail("dataset.pointsPerClass", "must be from 2 to 1000000, got " + points);
          }
          if (!(noise >= 0 && noise <= 1)) {
            throw fail("dataset.noise", "must be from 0 to 1, got " + noise);
          }
          return new DatasetRef.Spiral(classes, points, noise, seed);
        }
        case "idx" -> {
          String name = node.hasNonNull("name") ? text(node, "name", "dataset") : "IDX images";
          String path = text(node, "path", "dataset");
          String full = node.hasNonNull("fullDatasetPath") ? text(node, "fullDatasetPath", "dataset") : null;
          boolean useFull = node.path("useFullWhenAvailable").asBoolean(false);
          List<String> classNames = new ArrayList<>();
          JsonNode names = node.get("classNames");
          if (names != null && !names.isNull()) {
            if (!names.isArray()) {
              throw fail("dataset.classNames", "must be a list of class names");
            }
            names.forEach(n -> classNames.add(n.asText()));
          }
          return new DatasetRef.Idx(name, path, full, useFull, classNames);
        }
        default -> throw fail("dataset.type", "unknown dataset type '" + type + "': use spiral or idx");
      }
    }

    TrainingSettings training(JsonNode node) throws ProjectFileException {
      String opt = text(node, "optimizer", "training");
      TrainingSettings.Algorithm algorithm;
      try {
        algorithm = TrainingSettings.Algorithm.fromJsonName(opt);
      } catch (IllegalArgumentException e) {
        throw fail("training.optimizer", "unknown optimizer '" + opt + "': use one of " + TrainingSettings.Algorithm.jsonNames());
      }
      TrainingSettings.OptimizerOptions d = TrainingSettings.OptimizerOptions.DEFAULT;
      TrainingSettings.OptimizerOptions options =
          new TrainingSettings.OptimizerOptions(
              optionalBoolean(node, "nesterov", "training", false),
              optionalNumber(node, "weightDecay", "training", d.weightDecay()),
              optionalNumber(node, "beta1", "training", d.beta1()),
              optionalNumber(node, "beta2", "training", d.beta2()),
              optionalNumber(node, "epsilon", "training", d.epsilon()),
              optionalNumber(node, "rho", "training", d.rho()),
              optionalNumber(node, "gradientClipNorm", "training", d.gradientClipNorm()));
      TrainingSettings.Reporting reporting =
          new TrainingSettings.Reporting(
              optionalInteger(node, "histogramEvery", "training", TrainingSettings.Reporting.DEFAULT.histogramEvery()),
              optionalInteger(node, "worstSamples", "training", TrainingSettings.Reporting.DEFAULT.worstSamples()));
      TrainingSettings t =
          new TrainingSettings(
              algorithm.family(),
              number(node, "learningRate", "training"),
              node.has("momentum") ? number(node, "momentum", "training") : 0.9,
              integer(node, "batchSize", "training"),
              integer(node, "epochs", "training"),
              longInteger(node, "seed", "training"),
              number(node, "validationFraction", "training"),
              algorithm,
              options,
              schedule(node.get("schedule")),
              loss(node.get("loss")),
              earlyStopping(node.get("earlyStopping")),
              transfer(node.get("transfer")),
              optionalInteger(node, "threads", "training", 0),
              reporting);
      for (Map.Entry<String, String> problem : t.fieldProblems().entrySet()) {
        throw fail("training." + problem.getKey(), problem.getValue());
      }
      return t;
    }

    private TrainingSettings.Schedule schedule(JsonNode node) throws ProjectFileException {
      if (node == null || node.isNull()) {
        return TrainingSettings.Schedule.CONSTANT;
      }
      String at = "training.schedule";
      objectAt(node, at, "an object with a type such as \"step\" or \"warmup-cosine\"");
      String type = text(node, "type", at);
      TrainingSettings.ScheduleKind kind;
      try {
        kind = TrainingSettings.ScheduleKind.fromJsonName(type);
      } catch (IllegalArgumentException e) {
        throw fail(at + ".type", e.getMessage());
      }
      TrainingSettings.Schedule c = TrainingSettings.Schedule.CONSTANT;
      List<Integer> milestones = new ArrayList<>();
      JsonNode m = node.get("milestones");
      if (m != null && !m.isNull()) {
        if (!m.isArray()) {
          throw fail(at + ".milestones", "must be a list of epochs, such as [30, 60]");
        }
        for (int i = 0; i < m.size(); i++) {
          if (!m.get(i).canConvertToInt() || !m.get(i).isIntegralNumber()) {
            throw fail(at + ".milestones[" + i + "]", "must be a whole number of epochs, got " + m.get(i));
          }
          milestones.add(m.get(i).asInt());
        }
      } else if (kind == TrainingSettings.ScheduleKind.MULTI_STEP) {
        throw fail(at + ".milestones", "is missing: give the epochs at which the rate decays, such as [30, 60]");
      }
      TrainingSettings.Metric monitor = c.monitor();
      if (node.hasNonNull("monitor")) {
        try {
          monitor = TrainingSettings.Metric.fromJsonName(text(node, "monitor", at));
        } catch (IllegalArgumentException e) {
          throw fail(at + ".monitor", e.getMessage());
        }
      }
      return new TrainingSettings.Schedule(
          kind,
          optionalNumber(node, "gamma", at, c.gamma()),
          optionalInteger(node, "everyEpochs", at, c.everyEpochs()),
          milestones,
          kind == TrainingSettings.ScheduleKind.WARMUP_COSINE
              ? integer(node, "warmupEpochs", at)
              : optionalInteger(node, "warmupEpochs", at, 0),
          optionalNumber(node, "minLearningRate", at, c.minLearningRate()),
          optionalInteger(node, "patience", at, c.patience()),
          monitor);
    }

    private TrainingSettings.LossFunction loss(JsonNode node) throws ProjectFileException {
      if (node == null || node.isNull()) {
        return TrainingSettings.LossFunction.DEFAULT;
      }
      String at = "training.loss";
      objectAt(node, at, "an object with a type such as \"softmax-cross-entropy\"");
      String type = text(node, "type", at);
      TrainingSettings.LossKind kind;
      try {
        kind = TrainingSettings.LossKind.fromJsonName(type);
      } catch (IllegalArgumentException e) {
        throw fail(at + ".type", e.getMessage());
      }
      TrainingSettings.LossFunction d = TrainingSettings.LossFunction.DEFAULT;
      return new TrainingSettings.LossFunction(
          kind, optionalNumber(node, "labelSmoothing", at, d.labelSmoothing()), optionalNumber(node, "huberDelta", at, d.huberDelta()));
    }

    private TrainingSettings.EarlyStopping earlyStopping(JsonNode node) throws ProjectFileException {
      if (node == null || node.isNull()) {
        return null;
      }
      String at = "training.earlyStopping";
      objectAt(node, at, "an object with metric and patience");
      TrainingSettings.Metric metric = TrainingSettings.Metric.VALIDATION_LOSS;
      if (node.hasNonNull("metric")) {
        try {
          metric = TrainingSettings.Metric.fromJsonName(text(node, "metric", at));
        } catch (IllegalArgumentException e) {
          throw fail(at + ".metric", e.getMessage());
        }
      }
      return new TrainingSettings.EarlyStopping(metric, integer(node, "patience", at), optionalNumber(node, "minDelta", at, 0));
    }

    private TrainingSettings.Transfer transfer(JsonNode node) throws ProjectFileException {
      if (node == null || node.isNull()) {
        return null;
      }
      String at = "training.transfer";
      objectAt(node, at, "an object naming the run to start from");
      TrainingSettings.CheckpointChoice checkpoint = TrainingSettings.CheckpointChoice.BEST;
      if (node.hasNonNull("checkpoint")) {
        String c = text(node, "checkpoint", at);
        try {
          checkpoint = TrainingSettings.CheckpointChoice.fromJsonName(c);
        } catch (IllegalArgumentException e) {
          throw fail(at + ".checkpoint", "unknown checkpoint '" + c + "': use best or last");
        }
      }
      List<String> freeze = new ArrayList<>();
      JsonNode f = node.get("freeze");
      if (f != null && !f.isNull()) {
        if (!f.isArray()) {
          throw fail(at + ".freeze", "must be a list of layer ids, such as [\"conv1\", \"conv2\"]");
        }
        for (int i = 0; i < f.size(); i++) {
          if (!f.get(i).isTextual()) {
            throw fail(at + ".freeze[" + i + "]", "must be a layer id as text, got " + f.get(i));
          }
          freeze.add(f.get(i).asText());
        }
      }
      return new TrainingSettings.Transfer(
          text(node, "from", at),
          checkpoint,
          freeze,
          optionalBoolean(node, "replaceHead", at, true),
          optionalNumber(node, "bodyLearningRateFactor", at, 1));
    }

    private void objectAt(JsonNode node, String at, String what) throws ProjectFileException {
      if (!node.isObject()) {
        throw fail(at, "must be " + what);
      }
    }

    private double optionalNumber(JsonNode parent, String field, String at, double byDefault) throws ProjectFileException {
      return parent.hasNonNull(field) ? number(parent, field, at) : byDefault;
    }

    private int optionalInteger(JsonNode parent, String field, String at, int byDefault) throws ProjectFileException {
      return parent.hasNonNull(field) ? integer(parent, field, at) : byDefault;
    }

    private boolean optionalBoolean(JsonNode parent, String field, String at, boolean byDefault) throws ProjectFileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        return byDefault;
      }
      if (!n.isBoolean()) {
        throw fail(join(at, field), "must be true or false, got " + n);
      }
      return n.asBoolean();
    }

    private JsonNode object(JsonNode parent, String field, String at) throws ProjectFileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        throw fail(join(at, field), "is missing: add the \"" + field + "\" object");
      }
      if (!n.isObject()) {
        throw fail(join(at, field), "must be an object");
      }
      return n;
    }

    private String text(JsonNode parent, String field, String at) throws ProjectFileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        throw fail(join(at, field), "is missing: add \"" + field + "\" as text");
      }
      if (!n.isTextual()) {
        throw fail(join(at, field), "must be text, got " + n);
      }
      return n.asText();
    }

    private int integer(JsonNode parent, String field, String at) throws ProjectFileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        throw fail(join(at, field), "is missing: add \"" + field + "\" as a whole number");
      }
      if (!n.isIntegralNumber() || !n.canConvertToInt()) {
        throw fail(join(at, field), "must be a whole number, got " + n);
      }
      return n.asInt();
    }

    /** Seeds are longs: one taken from the clock does not fit an int, and the file must read back what {@link #toJson} wrote. */
    private long longInteger(JsonNode parent, String field, String at) throws ProjectFileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        throw fail(join(at, field), "is missing: add \"" + field + "\" as a whole number");
      }
      if (!n.isIntegralNumber() || !n.canConvertToLong()) {
        throw fail(join(at, field), "must be a whole number, got " + n);
      }
      return n.asLong();
    }

    private double number(JsonNode parent, String field, String at) throws ProjectFileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        throw fail(join(at, field), "is missing: add \"" + field + "\" as a number");
      }
      if (!n.isNumber()) {
        throw fail(join(at, field), "must be a number, got " + n);
      }
      return n.asDouble();
    }

    private ProjectFileException fail(String at, String problem) {
      return new ProjectFileException(file, at, problem);
    }

    private static String join(String at, String field) {
      return at.isEmpty() ? field : at + "." + field;
    }
  }
}
