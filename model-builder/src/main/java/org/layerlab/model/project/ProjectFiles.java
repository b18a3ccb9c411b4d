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
import org.layerlab.model.Localized;
import org.layerlab.model.ModelMessages;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.layer.Setting;

/**
 * Reads and writes project files. A project lives in a folder as {@code project.json}; its dataset paths are relative to that folder.
 *
 * <p>The file carries {@code "format": "layerlab-project"} and a {@code "version"}. Reading checks every field and reports the first
 * problem with its JSON path, such as {@code model.layers[2].settings.units: units must be a whole number from 1 to 100000, got 0}.
 *
 * <p><b>Versions.</b> Version 1 stored a model as a list of layers, each reading the one before it. Version 2 adds an optional
 * {@code "inputs"} list per layer: the ids of the layers feeding its input ports, in port order ({@code ""} for a port with nothing
 * connected). It is written only for layers that name their inputs, so a sequential model looks as it did in version 1, and a
 * missing list keeps meaning "the previous layer". A file of an older version is migrated step by step to the current one before
 * it is read, so the reader knows one format only. {@link ProjectSchema} describes the current version as a JSON Schema.
 *
 * <p>Version 3 adds an optional {@code "layout"} object: layer id to {@code {"x": .., "y": ..}}, the top-left corner of the layer's
 * node where the user placed it by hand in the model editor. Layers it leaves out are laid out automatically, so a missing section
 * means what versions 1 and 2 meant. It is written only when some layer was placed, and only for layers of the model; an entry for an
 * id the model does not have is dropped when read (a layer renamed by hand elsewhere just loses its place).
 */
public final class ProjectFiles {

  /** The file name of a project inside its folder. */
  public static final String FILE_NAME = "project.json";

  /** The format version this release writes. */
  public static final int CURRENT_VERSION = 3;

  /** The oldest format version this release reads. */
  public static final int OLDEST_VERSION = 1;

  static final String FORMAT = "layerlab-project";
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
      throw new ProjectFileException(file, "", ModelMessages.text("projectFile.noFile", FILE_NAME));
    } catch (IOException e) {
      throw new ProjectFileException(file, ModelMessages.text("projectFile.unreadable", String.valueOf(e.getMessage())), e);
    }
    return parse(text, file);
  }

  /** Parses project JSON; {@code source} names the file in error messages. */
  public static Project parse(String json, Path source) throws ProjectFileException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String line = String.valueOf(e.getLocation().getLineNr());
      throw new ProjectFileException(
          source, "line " + line, ModelMessages.text("projectFile.line", line), ModelMessages.text("projectFile.notJson", e.getOriginalMessage()));
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
      if (layer.hasExplicitInputs()) {
        l.set("inputs", MAPPER.valueToTree(layer.inputs()));
      }
    }
    writeLayout(root, project);
    writeDataset(root.putObject("dataset"), project.dataset());
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

  /** The {@code layout} block, in the model's layer order, only for layers of the model; nothing when no layer was placed. */
  private static void writeLayout(ObjectNode root, Project project) {
    ObjectNode layout = MAPPER.createObjectNode();
    for (LayerSpec layer : project.model().layers()) {
      project
          .layout()
          .position(layer.id())
          .ifPresent(p -> layout.putObject(layer.id()).put("x", p.x()).put("y", p.y()));
    }
    if (!layout.isEmpty()) {
      root.set("layout", layout);
    }
  }

  /** The {@code dataset} block: the type, its fields, then the options that differ from {@link DatasetRef.Options#NONE}. */
  private static void writeDataset(ObjectNode ds, DatasetRef ref) {
    ds.put("type", ref.type());
    if (ref instanceof DatasetRef.Spiral s) {
      ds.put("classes", s.classes());
      ds.put("pointsPerClass", s.pointsPerClass());
      ds.put("noise", s.noise());
      ds.put("seed", s.seed());
    } else if (ref instanceof DatasetRef.Idx idx) {
      ds.put("name", idx.name());
      ds.put("path", idx.path());
      if (idx.fullDatasetPath() != null) {
        ds.put("fullDatasetPath", idx.fullDatasetPath());
      }
      ds.put("useFullWhenAvailable", idx.useFullWhenAvailable());
      if (!idx.classNames().isEmpty()) {
        ds.set("classNames", MAPPER.valueToTree(idx.classNames()));
      }
    } else if (ref instanceof DatasetRef.Cifar c) {
      ds.put("name", c.name());
      ds.put("path", c.path());
      ds.put("variant", c.variant().jsonName());
      if (c.variant() == DatasetRef.CifarVariant.CIFAR_100_COARSE) {
        ds.put("labels", "coarse");
      }
    } else if (ref instanceof DatasetRef.Csv c) {
      ds.put("name", c.name());
      ds.put("path", c.path());
      if (c.targets().size() == 1) {
        ds.put("target", c.targets().get(0));
      } else {
        ds.set("target", MAPPER.valueToTree(c.targets()));
      }
      ds.put("task", c.task().jsonName());
      if (!c.features().isEmpty()) {
        ds.set("features", MAPPER.valueToTree(c.features()));
      }
      if (!c.categorical().isEmpty()) {
        ds.set("categorical", MAPPER.valueToTree(c.categorical()));
      }
      if (c.delimiter() != ',') {
        ds.put("delimiter", String.valueOf(c.delimiter()));
      }
    } else if (ref instanceof DatasetRef.ImageFolder f) {
      ds.put("name", f.name());
      ds.put("path", f.path());
      if (f.width() > 0) {
        ds.put("width", f.width());
        ds.put("height", f.height());
      }
      ds.put("channels", f.channels());
    } else if (ref instanceof DatasetRef.Synthetic s) {
      ds.put("kind", s.kind().jsonName());
      ds.put("samples", s.samples());
      if (s.kind().task() == DatasetRef.Task.CLASSIFICATION) {
        ds.put("classes", s.classes());
      }
      if (s.kind() == DatasetRef.SyntheticKind.SEQUENCE) {
        ds.put("length", s.length());
      }
      ds.put("noise", s.noise());
      ds.put("seed", s.seed());
    } else if (ref instanceof DatasetRef.Djl d) {
      ds.put("dataset", d.dataset().jsonName());
    }
    DatasetRef.Options o = ref.options();
    if (o.testFraction() > 0) {
      ds.put("testFraction", o.testFraction());
    }
    if (o.normalisation() != DatasetRef.Normalisation.NONE) {
      ds.put("normalisation", o.normalisation().jsonName());
    }
    if (!o.augmentation().isNone()) {
      DatasetRef.Augmentation a = o.augmentation();
      ObjectNode aug = ds.putObject("augmentation");
      aug.put("flip", a.flip());
      aug.put("cropPadding", a.cropPadding());
      aug.put("rotationDegrees", a.rotationDegrees());
      aug.put("shift", a.shift());
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
    if (t.device() != TrainingSettings.DeviceChoice.AUTO) {
      tr.put("device", t.device().jsonName());
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
        throw fail("", "projectFile.notObject");
      }
      String format = text(root, "format", "");
      if (!FORMAT.equals(format)) {
        throw fail("format", "projectFile.format", FORMAT, format);
      }
      int version = integer(root, "version", "");
      if (version < OLDEST_VERSION || version > CURRENT_VERSION) {
        throw fail(
            "version",
            version > CURRENT_VERSION ? "projectFile.version.newer" : "projectFile.version",
            String.valueOf(version),
            String.valueOf(OLDEST_VERSION),
            String.valueOf(CURRENT_VERSION));
      }
      root = migrate((ObjectNode) root.deepCopy(), version);
      String name = text(root, "name", "");
      String description = root.hasNonNull("description") ? text(root, "description", "") : "";
      ModelSpec model = model(object(root, "model", ""));
      DatasetRef dataset = dataset(object(root, "dataset", ""));
      TrainingSettings training = training(object(root, "training", ""));
      return new Project(name, description, model, dataset, training, layout(root.get("layout"), model));
    }

    /** Brings a file of {@code version} up to {@link #CURRENT_VERSION}, one version at a time. */
    private JsonNode migrate(ObjectNode root, int version) throws ProjectFileException {
      for (int v = version; v < CURRENT_VERSION; v++) {
        switch (v) {
          case 1 -> version1To2(root);
          case 2 -> version2To3(root);
          default -> throw new IllegalStateException("no migration from version " + v);
        }
        root.put("version", v + 1);
      }
      return root;
    }

    /**
     * Version 2 only adds the optional {@code inputs} of a layer, whose absence means what version 1 meant. A version 1 file that
     * has them was edited by hand or written by something else; its layers would not mean what the version says.
     */
    private void version1To2(ObjectNode root) throws ProjectFileException {
      JsonNode layers = root.path("model").path("layers");
      for (int i = 0; i < layers.size(); i++) {
        if (layers.get(i).has("inputs")) {
          throw fail("model.layers[" + i + "].inputs", "projectFile.version1.inputs");
        }
      }
    }

    /**
     * Version 3 only adds the optional {@code layout}, whose absence means what version 2 meant. A version 2 file that has one was
     * edited by hand or written by something else, as with {@code inputs} in version 1.
     */
    private void version2To3(ObjectNode root) throws ProjectFileException {
      if (root.has("layout")) {
        throw fail("layout", "projectFile.version2.layout");
      }
    }

    /** Where layers were placed by hand; entries for ids the model does not have are dropped. */
    private Layout layout(JsonNode node, ModelSpec model) throws ProjectFileException {
      if (node == null || node.isNull()) {
        return Layout.NONE;
      }
      if (!node.isObject()) {
        throw fail("layout", "projectFile.layout.notObject", "{\"dense1\": {\"x\": 40, \"y\": 120}}");
      }
      Map<String, Layout.Position> positions = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String at = "layout." + e.getKey();
        if (!e.getValue().isObject()) {
          throw fail(at, "projectFile.layout.notPosition", "{\"x\": 40, \"y\": 120}", String.valueOf(e.getValue()));
        }
        double x = number(e.getValue(), "x", at);
        double y = number(e.getValue(), "y", at);
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
          throw fail(at, "projectFile.layout.notFinite", String.valueOf(x), String.valueOf(y));
        }
        if (model.indexOf(e.getKey()) >= 0) {
          positions.put(e.getKey(), new Layout.Position(x, y));
        }
      }
      return new Layout(positions);
    }

    ModelSpec model(JsonNode node) throws ProjectFileException {
      JsonNode layers = node.get("layers");
      if (layers == null || !layers.isArray()) {
        throw fail("model.layers", "projectFile.layers.missing");
      }
      List<LayerSpec> out = new ArrayList<>();
      for (int i = 0; i < layers.size(); i++) {
        out.add(layer(layers.get(i), "model.layers[" + i + "]"));
      }
      return new ModelSpec(out);
    }

    LayerSpec layer(JsonNode node, String at) throws ProjectFileException {
      if (!node.isObject()) {
        throw fail(at, "projectFile.layer.notObject");
      }
      String id = text(node, "id", at);
      String typeName = text(node, "type", at);
      LayerType type =
          LayerType.fromJsonName(typeName)
              .orElseThrow(() -> fail(at + ".type", "projectFile.layer.unknownType", typeName, String.valueOf(LayerType.jsonNames())));
      Map<String, Object> settings = new LinkedHashMap<>();
      JsonNode s = node.get("settings");
      if (s != null && !s.isNull()) {
        if (!s.isObject()) {
          throw fail(at + ".settings", "projectFile.layer.settingsNotObject");
        }
        for (Map.Entry<String, JsonNode> f : s.properties()) {
          String where = at + ".settings." + f.getKey();
          Setting setting;
          try {
            setting = type.setting(f.getKey());
          } catch (IllegalArgumentException e) {
            throw fail(where, said(e));
          }
          Object value;
          try {
            value = setting.normalize(MAPPER.treeToValue(f.getValue(), Object.class));
          } catch (IllegalArgumentException | JsonProcessingException | NullPointerException e) {
            throw e instanceof IllegalArgumentException refused ? fail(where, said(refused)) : fail(where, "projectFile.layer.noValue");
          }
          if (setting.problem(value) != null) {
            Object checked = value;
            throw fail(where, locale -> setting.problem(checked, locale));
          }
          settings.put(f.getKey(), value);
        }
      }
      return new LayerSpec(id, type, settings, inputs(node.get("inputs"), at + ".inputs"));
    }

    /** The ids feeding a layer; ids of layers that do not exist are read as they are and reported by analysis, not here. */
    private List<String> inputs(JsonNode node, String at) throws ProjectFileException {
      if (node == null || node.isNull()) {
        return List.of();
      }
      if (!node.isArray()) {
        throw fail(at, "projectFile.inputs.notList", "[\"conv2\", \"input\"]");
      }
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        JsonNode id = node.get(i);
        if (!id.isTextual()) {
          throw fail(at + "[" + i + "]", "projectFile.inputs.notText", String.valueOf(id));
        }
        ids.add(id.asText());
      }
      return ids;
    }

    DatasetRef dataset(JsonNode node) throws ProjectFileException {
      String type = text(node, "type", "dataset");
      DatasetRef.Options options = datasetOptions(node);
      switch (type) {
        case "spiral" -> {
          int classes = integer(node, "classes", "dataset");
          int points = integer(node, "pointsPerClass", "dataset");
          double noise = number(node, "noise", "dataset");
          long seed = longInteger(node, "seed", "dataset");
          if (classes < 2 || classes > 50) {
            throw fail("dataset.classes", "projectFile.range", "2", "50", String.valueOf(classes));
          }
          if (points < 2 || points > 1_000_000) {
            throw fail("dataset.pointsPerClass", "projectFile.range", "2", "1000000", String.valueOf(points));
          }
          if (!(noise >= 0 && noise <= 1)) {
            throw fail("dataset.noise", "projectFile.range", "0", "1", String.valueOf(noise));
          }
          noImageAugmentation(options, "spiral");
          return new DatasetRef.Spiral(classes, points, noise, seed, options);
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
              throw fail("dataset.classNames", "projectFile.dataset.classNames");
            }
            names.forEach(n -> classNames.add(n.asText()));
          }
          return new DatasetRef.Idx(name, path, full, useFull, classNames, options);
        }
        case "cifar" -> {
          return cifar(node, options);
        }
        case "csv" -> {
          return csv(node, options);
        }
        case "imagefolder" -> {
          return imageFolder(node, options);
        }
        case "synthetic" -> {
          return synthetic(node, options);
        }
        case "djl" -> {
          String name = text(node, "dataset", "dataset");
          DatasetRef.DjlDataset d =
              DatasetRef.DjlDataset.fromJsonName(name)
                  .orElseThrow(
                      () -> fail("dataset.dataset", "projectFile.dataset.unknownDjl", name, String.valueOf(DatasetRef.DjlDataset.jsonNames())));
          return new DatasetRef.Djl(d, options);
        }
        default -> throw fail("dataset.type", "projectFile.dataset.unknownType", type, DATASET_TYPES);
      }
    }

    private static final String DATASET_TYPES = "spiral, idx, cifar, csv, imagefolder, synthetic, djl";

    private DatasetRef.Cifar cifar(JsonNode node, DatasetRef.Options options) throws ProjectFileException {
      if (!node.hasNonNull("variant")) {
        throw fail("dataset.variant", "projectFile.cifar.variantMissing");
      }
      String variant = text(node, "variant", "dataset");
      String labels = node.hasNonNull("labels") ? text(node, "labels", "dataset") : "fine";
      if (!labels.equals("fine") && !labels.equals("coarse")) {
        throw fail("dataset.labels", "projectFile.cifar.labels", labels);
      }
      DatasetRef.CifarVariant v;
      if (variant.equals("cifar-10")) {
        if (labels.equals("coarse")) {
          throw fail("dataset.labels", "projectFile.cifar.coarse");
        }
        v = DatasetRef.CifarVariant.CIFAR_10;
      } else if (variant.equals("cifar-100")) {
        v = labels.equals("coarse") ? DatasetRef.CifarVariant.CIFAR_100_COARSE : DatasetRef.CifarVariant.CIFAR_100;
      } else {
        throw fail("dataset.variant", "projectFile.cifar.unknownVariant", variant);
      }
      String name = node.hasNonNull("name") ? text(node, "name", "dataset") : (v == DatasetRef.CifarVariant.CIFAR_10 ? "CIFAR-10" : "CIFAR-100");
      return new DatasetRef.Cifar(name, text(node, "path", "dataset"), v, options);
    }

    private DatasetRef.Csv csv(JsonNode node, DatasetRef.Options options) throws ProjectFileException {
      String path = text(node, "path", "dataset");
      String name = node.hasNonNull("name") ? text(node, "name", "dataset") : lastName(path);
      List<String> targets;
      JsonNode target = node.get("target");
      if (target != null && target.isTextual()) {
        targets = List.of(target.asText());
      } else if (target != null && target.isArray()) {
        targets = textList(node, "target", "dataset");
      } else {
        throw target == null || target.isNull()
            ? fail("dataset.target", "projectFile.csv.targetMissing")
            : fail("dataset.target", "projectFile.csv.targetNotText", String.valueOf(target));
      }
      if (targets.isEmpty()) {
        throw fail("dataset.target", "projectFile.csv.targetEmpty");
      }
      String taskName = node.hasNonNull("task") ? text(node, "task", "dataset") : "classification";
      DatasetRef.Task task =
          DatasetRef.Task.fromJsonName(taskName)
              .orElseThrow(() -> fail("dataset.task", "projectFile.csv.unknownTask", taskName));
      if (task == DatasetRef.Task.CLASSIFICATION && targets.size() != 1) {
        throw fail("dataset.target", "projectFile.csv.oneTarget", String.valueOf(targets));
      }
      List<String> features = textList(node, "features", "dataset");
      List<String> categorical = textList(node, "categorical", "dataset");
      for (String t : targets) {
        if (features.contains(t)) {
          throw fail("dataset.features", "projectFile.csv.featureIsTarget", t);
        }
        if (categorical.contains(t)) {
          throw fail("dataset.categorical", "projectFile.csv.categoricalIsTarget", t);
        }
      }
      for (String c : categorical) {
        if (!features.isEmpty() && !features.contains(c)) {
          throw fail("dataset.categorical", "projectFile.csv.categoricalNotFeature", c, String.valueOf(features));
        }
      }
      char delimiter = ',';
      if (node.hasNonNull("delimiter")) {
        String d = text(node, "delimiter", "dataset");
        if (d.length() != 1 || d.equals("\"") || d.equals("\n") || d.equals("\r")) {
          throw fail("dataset.delimiter", "projectFile.csv.delimiter", d);
        }
        delimiter = d.charAt(0);
      }
      noImageAugmentation(options, "csv");
      return new DatasetRef.Csv(name, path, targets, features, categorical, task, delimiter, options);
    }

    private DatasetRef.ImageFolder imageFolder(JsonNode node, DatasetRef.Options options) throws ProjectFileException {
      String path = text(node, "path", "dataset");
      String name = node.hasNonNull("name") ? text(node, "name", "dataset") : lastName(path);
      boolean hasWidth = node.hasNonNull("width");
      if (hasWidth != node.hasNonNull("height")) {
        throw fail(hasWidth ? "dataset.height" : "dataset.width", "projectFile.images.sizeMissing");
      }
      int width = hasWidth ? integer(node, "width", "dataset") : 0;
      int height = hasWidth ? integer(node, "height", "dataset") : 0;
      if (hasWidth && (width < 1 || width > 4096)) {
        throw fail("dataset.width", "projectFile.images.pixels", String.valueOf(width));
      }
      if (hasWidth && (height < 1 || height > 4096)) {
        throw fail("dataset.height", "projectFile.images.pixels", String.valueOf(height));
      }
      int channels = node.hasNonNull("channels") ? integer(node, "channels", "dataset") : 3;
      if (channels != 1 && channels != 3) {
        throw fail("dataset.channels", "projectFile.images.channels", String.valueOf(channels));
      }
      return new DatasetRef.ImageFolder(name, path, width, height, channels, options);
    }

    private DatasetRef.Synthetic synthetic(JsonNode node, DatasetRef.Options options) throws ProjectFileException {
      if (!node.hasNonNull("kind")) {
        throw fail("dataset.kind", "projectFile.synthetic.kindMissing", String.valueOf(DatasetRef.SyntheticKind.jsonNames()));
      }
      String kindName = text(node, "kind", "dataset");
      DatasetRef.SyntheticKind kind =
          DatasetRef.SyntheticKind.fromJsonName(kindName)
              .orElseThrow(
                  () ->
                      fail(
                          "dataset.kind",
                          kindName.equalsIgnoreCase("spiral") ? "projectFile.synthetic.unknownKind.spiral" : "projectFile.synthetic.unknownKind",
                          kindName,
                          String.valueOf(DatasetRef.SyntheticKind.jsonNames())));
      int classes = kind.defaultClasses();
      if (node.hasNonNull("classes")) {
        classes = integer(node, "classes", "dataset");
        if (kind.task() == DatasetRef.Task.REGRESSION) {
          throw fail("dataset.classes", "projectFile.synthetic.regressionClasses", kind.jsonName());
        }
        if (classes < kind.minClasses() || classes > kind.maxClasses()) {
          throw kind.minClasses() == kind.maxClasses()
              ? fail(
                  "dataset.classes",
                  "projectFile.synthetic.exactClasses",
                  kind.jsonName(),
                  String.valueOf(kind.minClasses()),
                  String.valueOf(classes))
              : fail(
                  "dataset.classes",
                  "projectFile.synthetic.classes",
                  String.valueOf(kind.minClasses()),
                  String.valueOf(kind.maxClasses()),
                  kind.jsonName(),
                  String.valueOf(classes));
        }
      }
      int length = kind == DatasetRef.SyntheticKind.SEQUENCE ? 20 : 0;
      if (node.hasNonNull("length")) {
        if (kind != DatasetRef.SyntheticKind.SEQUENCE) {
          throw fail("dataset.length", "projectFile.synthetic.lengthNotSequence");
        }
        length = integer(node, "length", "dataset");
        if (length < 2 || length > 1000) {
          throw fail("dataset.length", "projectFile.synthetic.length", String.valueOf(length));
        }
      }
      int samples = integer(node, "samples", "dataset");
      int least = Math.max(2, 2 * classes);
      if (samples < least || samples > 1_000_000) {
        throw fail(
            "dataset.samples",
            classes > 0 ? "projectFile.synthetic.samples.perClass" : "projectFile.range",
            String.valueOf(least),
            "1000000",
            String.valueOf(samples));
      }
      double noise = number(node, "noise", "dataset");
      if (!(noise >= 0 && noise <= 1)) {
        throw fail("dataset.noise", "projectFile.range", "0", "1", String.valueOf(noise));
      }
      long seed = longInteger(node, "seed", "dataset");
      noImageAugmentation(options, "synthetic");
      return new DatasetRef.Synthetic(kind, samples, classes, noise, length, seed, options);
    }

    /** The options every dataset type may carry; each is optional and defaults to "none". */
    private DatasetRef.Options datasetOptions(JsonNode node) throws ProjectFileException {
      double testFraction = 0;
      if (node.hasNonNull("testFraction")) {
        testFraction = number(node, "testFraction", "dataset");
        if (!(testFraction >= 0 && testFraction <= 0.9)) {
          throw fail("dataset.testFraction", "projectFile.testFraction", String.valueOf(testFraction));
        }
      }
      DatasetRef.Normalisation normalisation = DatasetRef.Normalisation.NONE;
      // The American spelling is read too: a file that used it would otherwise lose its normalisation without a word.
      String normKey = node.hasNonNull("normalisation") ? "normalisation" : node.hasNonNull("normalization") ? "normalization" : null;
      if (normKey != null) {
        String n = text(node, normKey, "dataset");
        normalisation =
            DatasetRef.Normalisation.fromJsonName(n)
                .orElseThrow(
                    () -> fail("dataset." + normKey, "projectFile.normalisation", n, String.valueOf(DatasetRef.Normalisation.jsonNames())));
      }
      DatasetRef.Augmentation augmentation = DatasetRef.Augmentation.NONE;
      JsonNode a = node.get("augmentation");
      if (a != null && !a.isNull()) {
        if (!a.isObject()) {
          throw fail("dataset.augmentation", "projectFile.augmentation.notObject", "{\"flip\": true, \"cropPadding\": 4}");
        }
        JsonNode flip = a.get("flip");
        if (flip != null && !flip.isNull() && !flip.isBoolean()) {
          throw fail("dataset.augmentation.flip", "projectFile.notBoolean", String.valueOf(flip));
        }
        augmentation =
            new DatasetRef.Augmentation(
                flip != null && flip.asBoolean(false),
                a.hasNonNull("cropPadding") ? integer(a, "cropPadding", "dataset.augmentation") : 0,
                a.hasNonNull("rotationDegrees") ? number(a, "rotationDegrees", "dataset.augmentation") : 0,
                a.hasNonNull("shift") ? number(a, "shift", "dataset.augmentation") : 0);
        for (String field : augmentation.fieldProblems().keySet()) {
          DatasetRef.Augmentation checked = augmentation;
          throw fail("dataset.augmentation." + field, locale -> checked.fieldProblems(locale).get(field));
        }
      }
      return new DatasetRef.Options(testFraction, normalisation, augmentation);
    }

    /** Augmentation changes images; a dataset type that never holds images refuses it where the file says it. */
    private void noImageAugmentation(DatasetRef.Options options, String type) throws ProjectFileException {
      if (!options.augmentation().isNone()) {
        throw fail("dataset.augmentation", "projectFile.augmentation.noImages", type);
      }
    }

    /** The last part of a path as written in the file, the default name of a dataset. */
    private static String lastName(String path) {
      String trimmed = path.replaceAll("[/\\\\]+$", "");
      int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
      return trimmed.isEmpty() ? path : trimmed.substring(slash + 1);
    }

    /** A list of texts; a missing field is an empty list. */
    private List<String> textList(JsonNode parent, String field, String at) throws ProjectFileException {
      JsonNode n = parent.get(field);
      List<String> out = new ArrayList<>();
      if (n == null || n.isNull()) {
        return out;
      }
      if (!n.isArray()) {
        throw fail(join(at, field), "projectFile.columns.notList", "[\"age\", \"income\"]", String.valueOf(n));
      }
      for (int i = 0; i < n.size(); i++) {
        if (!n.get(i).isTextual()) {
          throw fail(join(at, field) + "[" + i + "]", "projectFile.notText", String.valueOf(n.get(i)));
        }
        if (out.contains(n.get(i).asText())) {
          throw fail(join(at, field) + "[" + i + "]", "projectFile.columns.twice", n.get(i).asText());
        }
        out.add(n.get(i).asText());
      }
      return out;
    }

    TrainingSettings training(JsonNode node) throws ProjectFileException {
      String opt = text(node, "optimizer", "training");
      TrainingSettings.Algorithm algorithm;
      try {
        algorithm = TrainingSettings.Algorithm.fromJsonName(opt);
      } catch (IllegalArgumentException e) {
        throw fail("training.optimizer", "projectFile.training.optimizer", opt, String.valueOf(TrainingSettings.Algorithm.jsonNames()));
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
              reporting,
              device(node));
      for (String field : t.fieldProblems().keySet()) {
        throw fail("training." + field, locale -> t.fieldProblems(locale).get(field));
      }
      return t;
    }

    private TrainingSettings.DeviceChoice device(JsonNode training) throws ProjectFileException {
      if (!training.hasNonNull("device")) {
        return TrainingSettings.DeviceChoice.AUTO;
      }
      String name = text(training, "device", "training");
      try {
        return TrainingSettings.DeviceChoice.fromJsonName(name);
      } catch (IllegalArgumentException e) {
        throw fail("training.device", said(e));
      }
    }

    private TrainingSettings.Schedule schedule(JsonNode node) throws ProjectFileException {
      if (node == null || node.isNull()) {
        return TrainingSettings.Schedule.CONSTANT;
      }
      String at = "training.schedule";
      objectAt(node, at, "projectFile.schedule.notObject");
      String type = text(node, "type", at);
      TrainingSettings.ScheduleKind kind;
      try {
        kind = TrainingSettings.ScheduleKind.fromJsonName(type);
      } catch (IllegalArgumentException e) {
        throw fail(at + ".type", said(e));
      }
      TrainingSettings.Schedule c = TrainingSettings.Schedule.CONSTANT;
      List<Integer> milestones = new ArrayList<>();
      JsonNode m = node.get("milestones");
      if (m != null && !m.isNull()) {
        if (!m.isArray()) {
          throw fail(at + ".milestones", "projectFile.schedule.milestonesNotList");
        }
        for (int i = 0; i < m.size(); i++) {
          if (!m.get(i).canConvertToInt() || !m.get(i).isIntegralNumber()) {
            throw fail(at + ".milestones[" + i + "]", "projectFile.schedule.milestoneNotWhole", String.valueOf(m.get(i)));
          }
          milestones.add(m.get(i).asInt());
        }
      } else if (kind == TrainingSettings.ScheduleKind.MULTI_STEP) {
        throw fail(at + ".milestones", "projectFile.schedule.milestonesMissing");
      }
      TrainingSettings.Metric monitor = c.monitor();
      if (node.hasNonNull("monitor")) {
        try {
          monitor = TrainingSettings.Metric.fromJsonName(text(node, "monitor", at));
        } catch (IllegalArgumentException e) {
          throw fail(at + ".monitor", said(e));
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
      objectAt(node, at, "projectFile.loss.notObject");
      String type = text(node, "type", at);
      TrainingSettings.LossKind kind;
      try {
        kind = TrainingSettings.LossKind.fromJsonName(type);
      } catch (IllegalArgumentException e) {
        throw fail(at + ".type", said(e));
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
      objectAt(node, at, "projectFile.earlyStopping.notObject");
      TrainingSettings.Metric metric = TrainingSettings.Metric.VALIDATION_LOSS;
      if (node.hasNonNull("metric")) {
        try {
          metric = TrainingSettings.Metric.fromJsonName(text(node, "metric", at));
        } catch (IllegalArgumentException e) {
          throw fail(at + ".metric", said(e));
        }
      }
      return new TrainingSettings.EarlyStopping(metric, integer(node, "patience", at), optionalNumber(node, "minDelta", at, 0));
    }

    private TrainingSettings.Transfer transfer(JsonNode node) throws ProjectFileException {
      if (node == null || node.isNull()) {
        return null;
      }
      String at = "training.transfer";
      objectAt(node, at, "projectFile.transfer.notObject");
      TrainingSettings.CheckpointChoice checkpoint = TrainingSettings.CheckpointChoice.BEST;
      if (node.hasNonNull("checkpoint")) {
        String c = text(node, "checkpoint", at);
        try {
          checkpoint = TrainingSettings.CheckpointChoice.fromJsonName(c);
        } catch (IllegalArgumentException e) {
          throw fail(at + ".checkpoint", "projectFile.transfer.checkpoint", c);
        }
      }
      List<String> freeze = new ArrayList<>();
      JsonNode f = node.get("freeze");
      if (f != null && !f.isNull()) {
        if (!f.isArray()) {
          throw fail(at + ".freeze", "projectFile.transfer.freezeNotList", "[\"conv1\", \"conv2\"]");
        }
        for (int i = 0; i < f.size(); i++) {
          if (!f.get(i).isTextual()) {
            throw fail(at + ".freeze[" + i + "]", "projectFile.transfer.freezeNotText", String.valueOf(f.get(i)));
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

    /** Refuses a {@code node} that is not an object with the text under {@code key}. */
    private void objectAt(JsonNode node, String at, String key) throws ProjectFileException {
      if (!node.isObject()) {
        throw fail(at, key);
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
        throw fail(join(at, field), "projectFile.notBoolean", String.valueOf(n));
      }
      return n.asBoolean();
    }

    private JsonNode object(JsonNode parent, String field, String at) throws ProjectFileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        throw fail(join(at, field), "projectFile.missing.object", field);
      }
      if (!n.isObject()) {
        throw fail(join(at, field), "projectFile.notObjectField");
      }
      return n;
    }

    private String text(JsonNode parent, String field, String at) throws ProjectFileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        throw fail(join(at, field), "projectFile.missing.text", field);
      }
      if (!n.isTextual()) {
        throw fail(join(at, field), "projectFile.notText", String.valueOf(n));
      }
      return n.asText();
    }

    private int integer(JsonNode parent, String field, String at) throws ProjectFileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        throw fail(join(at, field), "projectFile.missing.whole", field);
      }
      if (!n.isIntegralNumber() || !n.canConvertToInt()) {
        throw fail(join(at, field), "projectFile.notWhole", String.valueOf(n));
      }
      return n.asInt();
    }

    /** Seeds are longs: one taken from the clock does not fit an int, and the file must read back what {@link #toJson} wrote. */
    private long longInteger(JsonNode parent, String field, String at) throws ProjectFileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        throw fail(join(at, field), "projectFile.missing.whole", field);
      }
      if (!n.isIntegralNumber() || !n.canConvertToLong()) {
        throw fail(join(at, field), "projectFile.notWhole", String.valueOf(n));
      }
      return n.asLong();
    }

    private double number(JsonNode parent, String field, String at) throws ProjectFileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        throw fail(join(at, field), "projectFile.missing.number", field);
      }
      if (!n.isNumber()) {
        throw fail(join(at, field), "projectFile.notNumber", String.valueOf(n));
      }
      return n.asDouble();
    }

    private ProjectFileException fail(String at, Localized problem) {
      return new ProjectFileException(file, at, problem);
    }

    /** The problem under {@code key} of model-builder's bundle, said in the reader's language when the window shows it. */
    private ProjectFileException fail(String at, String key, Object... args) {
      return fail(at, ModelMessages.text(key, args));
    }

    /** What a refused value says, in every language when it can. */
    private static Localized said(RuntimeException e) {
      if (e instanceof Localized l) {
        return l;
      }
      String english = e.getMessage();
      return locale -> english;
    }

    private static String join(String at, String field) {
      return at.isEmpty() ? field : at + "." + field;
    }
  }
}
