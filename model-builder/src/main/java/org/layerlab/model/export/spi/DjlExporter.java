package org.layerlab.model.export.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.export.CodeExporter;
import org.layerlab.model.export.ExportException;
import org.layerlab.model.layer.LayerType;

/**
 * Writes a model as a DJL block in Java: a subclass of {@code AbstractBlock} with one child block per layer that has weights (or
 * behaves differently in training), and a {@code forwardInternal} that follows the graph, so branches and merges need no special
 * blocks. Shapes are DJL's NCHW, batch first, as in Layerlab.
 *
 * <p>DJL lists BatchNorm's running mean and variance among a block's parameters, so its parameter count is Layerlab's total
 * (trainable plus non-trainable). DJL's GELU has no choice of approximation; a GELU set to 'tanh' uses DJL's own. The last state of
 * a recurrent layer is read from its output sequence: the last step forwards and, when bidirectional, the first step backwards.
 */
public final class DjlExporter implements CodeExporter {

  private static final Set<String> RESERVED =
      Set.of(
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue", "default", "do",
          "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import",
          "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
          "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
          "while", "var", "record", "yield", "true", "false", "null", "inputs", "ps", "training", "params", "manager", "dataType",
          "inputShapes", "n", "run", "Shape", "Block", "NDArray", "NDList", "NDArrays", "NDManager", "DataType", "Activation",
          "Pool", "Blocks", "AbstractBlock", "ParameterStore", "PairList");

  @Override
  public String fileName(String name) {
    return ExportPlan.className(name) + ".java";
  }

  @Override
  public String export(ModelSpec spec, String name) throws ExportException {
    ExportPlan plan = ExportPlan.of(spec, RESERVED);
    String cls = ExportPlan.className(name);
    Set<String> imports =
        new TreeSet<>(
            List.of(
                "ai.djl.ndarray.NDArray",
                "ai.djl.ndarray.NDList",
                "ai.djl.ndarray.NDManager",
                "ai.djl.ndarray.types.DataType",
                "ai.djl.ndarray.types.Shape",
                "ai.djl.nn.AbstractBlock",
                "ai.djl.nn.Block",
                "ai.djl.training.ParameterStore",
                "ai.djl.util.PairList"));
    List<String> fields = new ArrayList<>();
    List<String> forward = new ArrayList<>();
    List<String> init = new ArrayList<>();
    for (int i : plan.order) {
      LayerSpec l = plan.layer(i);
      String v = plan.name(i);
      String child = child(plan, i, imports);
      String field = v + "Block";
      if (child != null) {
        fields.add("private final Block " + field + " =\n      addChildBlock(\"" + l.id() + "\", " + child + ");");
        init.add(field + ".initialize(manager, dataType, " + batchShape(plan.in(i)) + ");");
      }
      forward.addAll(forward(plan, i, v, field, imports));
    }
    StringBuilder java = new StringBuilder();
    java.append("// ").append(name).append(", exported from Layerlab as a DJL block.\n");
    java.append("// Input ")
        .append(plan.out(0))
        .append(", output ")
        .append(plan.out(plan.output))
        .append(String.format(Locale.ROOT, ". Parameters: %,d trainable", plan.analysis.trainableParameters()))
        .append(String.format(Locale.ROOT, " and %,d BatchNorm running statistics, which DJL lists as parameters too.%n", plan.analysis.nonTrainableParameters()));
    java.append('\n');
    imports.forEach(imp -> java.append("import ").append(imp).append(";\n"));
    java.append("\n/** ").append(name.replace("*/", "* /")).append(": one child block per layer with weights, wired as the Layerlab graph. */\n");
    java.append("public final class ").append(cls).append(" extends AbstractBlock {\n\n");
    fields.forEach(f -> java.append("  ").append(f).append("\n\n"));
    java.append("  @Override\n")
        .append("  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {\n");
    forward.forEach(line -> java.append("    ").append(line).append('\n'));
    java.append("    return new NDList(").append(plan.name(plan.output)).append(");\n  }\n\n");
    java.append("  private static NDArray run(Block block, ParameterStore ps, NDArray x, boolean training) {\n")
        .append("    return block.forward(ps, new NDList(x), training).singletonOrThrow();\n  }\n\n");
    java.append("  @Override\n  public Shape[] getOutputShapes(Shape[] inputShapes) {\n")
        .append("    long n = inputShapes[0].get(0);\n")
        .append("    return new Shape[] {").append(batchShape(plan.out(plan.output))).append("};\n  }\n\n");
    java.append("  @Override\n  public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {\n")
        .append("    long n = inputShapes[0].get(0);\n");
    init.forEach(line -> java.append("    ").append(line).append('\n'));
    java.append("  }\n}\n");
    return java.toString();
  }

  /** The builder expression of the child block of layer {@code i}, or null when the layer is a plain array operation. */
  private static String child(ExportPlan plan, int i, Set<String> imports) {
    LayerSpec l = plan.layer(i);
    Shape in = plan.in(i);
    return switch (l.type()) {
      case DENSE -> {
        imports.add("ai.djl.nn.core.Linear");
        yield "Linear.builder().setUnits(" + l.intSetting("units") + ").build()";
      }
      case CONV2D, CONV1D -> {
        boolean two = l.type() == LayerType.CONV2D;
        imports.add(two ? "ai.djl.nn.convolutional.Conv2d" : "ai.djl.nn.convolutional.Conv1d");
        int k = l.intSetting("kernel");
        int d = l.intSetting("dilation");
        int pad = "same".equals(l.stringSetting("padding")) ? d * (k - 1) / 2 : 0;
        yield (two ? "Conv2d" : "Conv1d") + ".builder()\n          .setFilters(" + l.intSetting("filters") + ")\n          .setKernelShape("
            + square(k, two) + ")\n          .optStride(" + square(l.intSetting("stride"), two) + ")\n          .optPadding(" + square(pad, two)
            + ")\n          .optDilation(" + square(d, two) + ")\n          .optGroups(" + l.intSetting("groups") + ")\n          .build()";
      }
      case CONV2D_TRANSPOSE -> {
        imports.add("ai.djl.nn.convolutional.Conv2dTranspose");
        int k = l.intSetting("kernel");
        int s = l.intSetting("stride");
        boolean same = "same".equals(l.stringSetting("padding"));
        yield "Conv2dTranspose.builder()\n          .setFilters(" + l.intSetting("filters") + ")\n          .setKernelShape(" + square(k, true)
            + ")\n          .optStride(" + square(s, true) + ")\n          .optPadding(" + square(same ? (k - 1) / 2 : 0, true)
            + ")\n          .optOutPadding(" + square(same ? s - 1 : 0, true) + ")\n          .build()";
      }
      case DROPOUT -> {
        imports.add("ai.djl.nn.norm.Dropout");
        yield "Dropout.builder().optRate(" + floatLiteral(l.doubleSetting("rate")) + ").build()";
      }
      case EMBEDDING -> {
        imports.add("ai.djl.nn.transformer.IdEmbedding");
        yield "new IdEmbedding.Builder().setDictionarySize(" + l.intSetting("vocabulary") + ").setEmbeddingSize("
            + l.intSetting("dimension") + ").build()";
      }
      case BATCH_NORM -> {
        imports.add("ai.djl.nn.norm.BatchNorm");
        // DJL's momentum weighs the running statistics, PyTorch's the new batch
        yield "BatchNorm.builder().optAxis(1).optEpsilon(" + floatLiteral(l.doubleSetting("epsilon")) + ").optMomentum("
            + floatLiteral(1 - l.doubleSetting("momentum")) + ").build()";
      }
      case LAYER_NORM -> {
        imports.add("ai.djl.nn.norm.LayerNorm");
        yield "LayerNorm.builder().axis(" + in.rank() + ").optEpsilon(" + floatLiteral(l.doubleSetting("epsilon")) + ").build()";
      }
      case SIMPLE_RNN, LSTM, GRU -> {
        String cls = l.type() == LayerType.SIMPLE_RNN ? "RNN" : l.type().jsonName();
        imports.add("ai.djl.nn.recurrent." + cls);
        yield cls + ".builder()\n          .setStateSize(" + l.intSetting("units") + ")\n          .setNumLayers(1)\n          .optBatchFirst(true)"
            + "\n          .optBidirectional(" + "bidirectional".equals(l.stringSetting("direction")) + ")\n          .optReturnState(false)"
            + "\n          .build()";
      }
      case MULTI_HEAD_ATTENTION -> {
        imports.add("ai.djl.nn.transformer.ScaledDotProductAttentionBlock");
        yield "ScaledDotProductAttentionBlock.builder()\n          .setEmbeddingSize(" + in.dim(1) + ")\n          .setHeadCount("
            + l.intSetting("heads") + ")\n          .optAttentionProbsDropoutProb(" + floatLiteral(l.doubleSetting("dropout"))
            + ")\n          .build()";
      }
      case TRANSFORMER_ENCODER -> {
        imports.add("ai.djl.nn.transformer.TransformerEncoderBlock");
        imports.add("ai.djl.nn.Activation");
        yield "new TransformerEncoderBlock(" + in.dim(1) + ", " + l.intSetting("heads") + ", " + l.intSetting("feedForward") + ", "
            + floatLiteral(l.doubleSetting("dropout")) + ", Activation::" + l.stringSetting("activation") + ")";
      }
      default -> null;
    };
  }

  /** The statements of {@code forwardInternal} that compute {@code v}. */
  private static List<String> forward(ExportPlan plan, int i, String v, String field, Set<String> imports) {
    LayerSpec l = plan.layer(i);
    List<String> in = plan.inputNames(i);
    String x = in.isEmpty() ? null : in.get(0);
    String run = "run(" + field + ", ps, " + x + ", training)";
    String assign = "NDArray " + v + " = ";
    return switch (l.type()) {
      case INPUT -> List.of(assign + "inputs.singletonOrThrow();");
      case DENSE, CONV2D, CONV1D, CONV2D_TRANSPOSE -> List.of(assign + activation(l.stringSetting("activation"), run, imports) + ";");
      case MAX_POOL2D, AVG_POOL2D, MAX_POOL1D, AVG_POOL1D -> {
        imports.add("ai.djl.nn.pooling.Pool");
        boolean two = l.type() == LayerType.MAX_POOL2D || l.type() == LayerType.AVG_POOL2D;
        boolean max = l.type() == LayerType.MAX_POOL2D || l.type() == LayerType.MAX_POOL1D;
        String args = x + ", " + square(l.intSetting("pool"), two) + ", " + square(l.intSetting("stride"), two) + ", " + square(0, two) + ", false";
        yield List.of(assign + "Pool." + (max ? "maxPool" : "avgPool") + (two ? "2d(" : "1d(") + args + (max ? ")" : ", false)") + ";");
      }
      case GLOBAL_AVG_POOL2D -> {
        imports.add("ai.djl.nn.pooling.Pool");
        yield List.of(assign + "Pool.globalAvgPool2d(" + x + ").reshape(" + x + ".getShape().get(0), -1);");
      }
      case FLATTEN -> List.of(assign + x + ".reshape(" + x + ".getShape().get(0), -1);");
      case RESHAPE -> List.of(assign + x + ".reshape(" + x + ".getShape().get(0), " + longs(plan.out(i).dims()) + ");");
      case EMBEDDING -> List.of(assign + "run(" + field + ", ps, " + x + ".toType(DataType.INT32, false), training);");
      case SIMPLE_RNN, LSTM, GRU -> {
        if ("sequences".equals(l.stringSetting("output"))) {
          yield List.of(assign + run + ";");
        }
        String seq = plan.fresh(v + "_sequence");
        int h = l.intSetting("units");
        boolean bi = "bidirectional".equals(l.stringSetting("direction"));
        yield List.of(
            "NDArray " + seq + " = " + run + ";",
            assign
                + (bi
                    ? seq + ".get(\":, -1, :" + h + "\").concat(" + seq + ".get(\":, 0, " + h + ":\"), 1)"
                    : seq + ".get(\":, -1, :\")")
                + ";");
      }
      case MULTI_HEAD_ATTENTION, TRANSFORMER_ENCODER, DROPOUT, BATCH_NORM, LAYER_NORM -> List.of(assign + run + ";");
      case RELU, SIGMOID, TANH -> {
        imports.add("ai.djl.nn.Activation");
        yield List.of(assign + "Activation." + l.type().jsonName().toLowerCase(Locale.ROOT) + "(" + x + ");");
      }
      case SOFTMAX -> List.of(assign + x + ".softmax(1);");
      case LEAKY_RELU -> {
        imports.add("ai.djl.nn.Activation");
        yield List.of(assign + "Activation.leakyRelu(" + x + ", " + floatLiteral(l.doubleSetting("negativeSlope")) + ");");
      }
      case ELU -> {
        imports.add("ai.djl.nn.Activation");
        yield List.of(assign + "Activation.elu(" + x + ", " + floatLiteral(l.doubleSetting("alpha")) + ");");
      }
      case GELU -> {
        imports.add("ai.djl.nn.Activation");
        yield List.of(assign + "Activation.gelu(" + x + ");");
      }
      case SILU -> {
        imports.add("ai.djl.nn.Activation");
        yield List.of(assign + "Activation.swish(" + x + ", 1f); // SiLU is swish with beta 1");
      }
      case ADD -> List.of(assign + in.get(0) + in.subList(1, in.size()).stream().map(a -> ".add(" + a + ")").collect(Collectors.joining()) + ";");
      case CONCATENATE -> {
        imports.add("ai.djl.ndarray.NDArrays");
        yield List.of(assign + "NDArrays.concat(new NDList(" + String.join(", ", in) + "), " + l.intSetting("axis") + ");");
      }
    };
  }

  private static String activation(String name, String expr, Set<String> imports) {
    if (!"none".equals(name)) {
      imports.add("ai.djl.nn.Activation");
    }
    return switch (name) {
      case "relu" -> "Activation.relu(" + expr + ")";
      case "sigmoid" -> "Activation.sigmoid(" + expr + ")";
      case "tanh" -> "Activation.tanh(" + expr + ")";
      case "softmax" -> expr + ".softmax(1)";
      default -> expr;
    };
  }

  private static String square(int v, boolean twoD) {
    return twoD ? "new Shape(" + v + ", " + v + ")" : "new Shape(" + v + ")";
  }

  private static String batchShape(Shape sample) {
    return "new Shape(n, " + longs(sample.dims()) + ")";
  }

  private static String longs(List<Integer> dims) {
    return dims.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static String floatLiteral(double v) {
    return Float.toString((float) v) + "f";
  }
}
