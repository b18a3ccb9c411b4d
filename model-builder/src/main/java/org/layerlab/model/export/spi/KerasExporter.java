package org.layerlab.model.export.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.export.CodeExporter;
import org.layerlab.model.export.ExportException;
import org.layerlab.model.layer.LayerType;

/**
 * Writes a model as a Keras functional-API function, {@code build_model()}, with one Keras layer per Layerlab layer and the same
 * names.
 *
 * <p><b>Channels last.</b> Keras keeps channels last, and TensorFlow's CPU convolutions take nothing else, so an image (C, H, W) here
 * is (H, W, C) there and a 1-D signal (C, L) is (L, C); sequences (T, F) and vectors are the same in both. Axes of BatchNorm,
 * LayerNorm, Softmax and Concatenate are translated, and where a (T, F) sequence feeds a Conv1D (which reads it as (C, L) here) a
 * {@code Permute} is inserted so the layers see what they see in Layerlab. Flatten therefore orders the values differently; sizes and
 * parameter counts are the same, except that Keras's SimpleRNN and LSTM have one bias vector per gate where Layerlab counts PyTorch's
 * two.
 */
public final class KerasExporter implements CodeExporter {

  /** How a rank-2 or rank-3 tensor is laid out. */
  private enum Layout {
    IMAGE,
    SIGNAL,
    SEQUENCE,
    PLAIN
  }

  private static final Set<String> RESERVED =
      Set.of(
          "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
          "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
          "raise", "return", "try", "while", "with", "yield", "keras", "layers", "input", "build_model", "transformer_encoder",
          "sum", "len", "print", "type", "id", "max", "min", "abs", "list", "range");

  @Override
  public String fileName(String name) {
    return ExportPlan.snakeName(name) + "_keras.py";
  }

  @Override
  public String export(ModelSpec spec, String name) throws ExportException {
    ExportPlan plan = ExportPlan.of(spec, RESERVED);
    Layout[] layout = new Layout[spec.size()];
    List<String> body = new ArrayList<>();
    boolean needsEncoder = false;
    for (int i : plan.order) {
      LayerSpec l = plan.layer(i);
      String v = plan.name(i);
      List<Integer> froms = plan.inputs(i);
      Layout inLayout = froms.isEmpty() ? null : wanted(l.type(), layout[froms.get(0)], plan.out(froms.get(0)));
      List<String> in = new ArrayList<>();
      for (int from : froms) {
        // a merge reads every input in the layout of its first, so that axes line up
        Layout want = l.type().isMerge() && plan.out(from).rank() == 2 ? inLayout : wanted(l.type(), layout[from], plan.out(from));
        in.add(converted(plan, body, from, layout[from], want, v));
      }
      layout[i] = layout(plan, i, inLayout);
      needsEncoder |= l.type() == LayerType.TRANSFORMER_ENCODER;
      body.add(v + " = " + call(plan, i, in, inLayout == null ? layout[i] : inLayout));
    }
    StringBuilder py = new StringBuilder();
    py.append("\"\"\"")
        .append(name.replace("\"", "'"))
        .append(", exported from Layerlab for Keras (functional API).\n\n")
        .append("Channels last: Layerlab's image (C, H, W) is (H, W, C) here and a signal (C, L) is (L, C). Parameter counts match\n")
        .append("Layerlab's except SimpleRNN and LSTM, which have one bias vector per gate in Keras and two in PyTorch.\n")
        .append("\"\"\"\n")
        .append("import keras\nfrom keras import layers\n\n\n");
    if (needsEncoder) {
      py.append(
          """
          def transformer_encoder(x, heads, feed_forward, dropout, activation, name):
              \"\"\"A post-norm Transformer encoder block, as PyTorch's nn.TransformerEncoderLayer.\"\"\"
              features = x.shape[-1]
              attention = layers.MultiHeadAttention(
                  num_heads=heads, key_dim=features // heads, dropout=dropout, name=name + "_attention")(x, x)
              x = layers.Add(name=name + "_residual1")([x, layers.Dropout(dropout, name=name + "_dropout1")(attention)])
              x = layers.LayerNormalization(epsilon=1e-5, name=name + "_norm1")(x)
              hidden = layers.Dense(feed_forward, activation=activation, name=name + "_linear1")(x)
              hidden = layers.Dense(features, name=name + "_linear2")(layers.Dropout(dropout, name=name + "_dropout2")(hidden))
              x = layers.Add(name=name + "_residual2")([x, layers.Dropout(dropout, name=name + "_dropout3")(hidden)])
              return layers.LayerNormalization(epsilon=1e-5, name=name + "_norm2")(x)


          """);
    }
    py.append("def build_model():\n");
    body.forEach(line -> py.append("    ").append(line).append('\n'));
    py.append("    return keras.Model(")
        .append(plan.name(0))
        .append(", ")
        .append(plan.name(plan.output))
        .append(", name=\"")
        .append(ExportPlan.snakeName(name))
        .append("\")\n\n\n")
        .append("if __name__ == \"__main__\":\n")
        .append("    build_model().summary()\n");
    return py.toString();
  }

  /** The layout {@code type} needs a rank-2 input in; others keep what they get. */
  private static Layout wanted(LayerType type, Layout has, Shape shape) {
    if (shape.rank() != 2) {
      return has;
    }
    return switch (type) {
      case CONV1D, MAX_POOL1D, AVG_POOL1D -> Layout.SIGNAL;
      case SIMPLE_RNN, LSTM, GRU, MULTI_HEAD_ATTENTION, TRANSFORMER_ENCODER -> Layout.SEQUENCE;
      default -> has;
    };
  }

  /** {@code from}'s variable, or a transposed copy when the reader needs the other rank-2 layout. */
  private static String converted(ExportPlan plan, List<String> body, int from, Layout has, Layout wanted, String reader) {
    if (has == wanted) {
      return plan.name(from);
    }
    String t = plan.fresh(plan.name(from) + "_for_" + reader);
    body.add(t + " = layers.Permute((2, 1))(" + plan.name(from) + ")  # " + has.name().toLowerCase(Locale.ROOT) + " to " + wanted.name().toLowerCase(Locale.ROOT));
    return t;
  }

  private static Layout layout(ExportPlan plan, int i, Layout in) {
    LayerSpec l = plan.layer(i);
    Shape out = plan.out(i);
    return switch (l.type()) {
      case INPUT, RESHAPE -> byRank(plan, i, out);
      case CONV2D, CONV2D_TRANSPOSE, MAX_POOL2D, AVG_POOL2D -> Layout.IMAGE;
      case CONV1D, MAX_POOL1D, AVG_POOL1D -> Layout.SIGNAL;
      case EMBEDDING, MULTI_HEAD_ATTENTION, TRANSFORMER_ENCODER -> Layout.SEQUENCE;
      case SIMPLE_RNN, LSTM, GRU -> out.rank() == 2 ? Layout.SEQUENCE : Layout.PLAIN;
      case DENSE, FLATTEN, GLOBAL_AVG_POOL2D -> Layout.PLAIN;
      default -> in;
    };
  }

  /** The layout of a new tensor of {@code out}'s rank: rank 2 is a signal when a 1-D convolution or pooling reads it. */
  private static Layout byRank(ExportPlan plan, int i, Shape out) {
    if (out.rank() == 3) {
      return Layout.IMAGE;
    }
    if (out.rank() == 2) {
      for (int c : plan.graph.consumers(i)) {
        if (wanted(plan.layer(c).type(), Layout.SEQUENCE, out) == Layout.SIGNAL) {
          return Layout.SIGNAL;
        }
      }
      return Layout.SEQUENCE;
    }
    return Layout.PLAIN;
  }

  /** Keras's axis (batch = 0) for Layerlab's sample dimension {@code d} (from 0) of a tensor in {@code layout}. */
  private static int axis(Layout layout, int d, int rank) {
    if (layout == Layout.IMAGE && rank == 3) {
      return d == 0 ? 3 : d;
    }
    if (layout == Layout.SIGNAL && rank == 2) {
      return d == 0 ? 2 : 1;
    }
    return d + 1;
  }

  /** A Layerlab shape as Keras's tuple. */
  private static String shape(Shape s, Layout layout) {
    List<Integer> d = s.dims();
    List<Integer> k;
    if (layout == Layout.IMAGE && s.rank() == 3) {
      k = List.of(d.get(1), d.get(2), d.get(0));
    } else if (layout == Layout.SIGNAL && s.rank() == 2) {
      k = List.of(d.get(1), d.get(0));
    } else {
      k = d;
    }
    return k.size() == 1 ? "(" + k.get(0) + ",)" : "(" + k.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
  }

  private static String call(ExportPlan plan, int i, List<String> in, Layout inLayout) {
    LayerSpec l = plan.layer(i);
    String named = "name=\"" + l.id() + "\"";
    String x = in.isEmpty() ? "" : "(" + in.get(0) + ")";
    Shape inShape = plan.in(i);
    return switch (l.type()) {
      case INPUT -> {
        boolean ids = plan.graph.consumers(i).stream().anyMatch(c -> plan.layer(c).type() == LayerType.EMBEDDING);
        yield "keras.Input(shape=" + shape(plan.out(i), byRank(plan, i, plan.out(i))) + (ids ? ", dtype=\"int32\"" : "") + ", " + named + ")";
      }
      case DENSE -> "layers.Dense(" + l.intSetting("units") + activation(l) + ", " + named + ")" + x;
      case CONV2D, CONV1D -> (l.type() == LayerType.CONV2D ? "layers.Conv2D(" : "layers.Conv1D(")
          + l.intSetting("filters") + ", " + l.intSetting("kernel") + ", strides=" + l.intSetting("stride") + ", padding=\""
          + l.stringSetting("padding") + "\", dilation_rate=" + l.intSetting("dilation") + ", groups=" + l.intSetting("groups")
          + activation(l) + ", " + named + ")" + x;
      case CONV2D_TRANSPOSE -> {
        int s = l.intSetting("stride");
        boolean same = "same".equals(l.stringSetting("padding"));
        // an explicit output padding gives Layerlab's (and PyTorch's) size where Keras's own rule differs (kernel below stride)
        yield "layers.Conv2DTranspose(" + l.intSetting("filters") + ", " + l.intSetting("kernel") + ", strides=" + s + ", padding=\""
            + l.stringSetting("padding") + "\", output_padding=" + (same ? s - 1 : 0) + activation(l) + ", " + named + ")" + x;
      }
      case MAX_POOL2D -> pool("MaxPooling2D", l, named) + x;
      case AVG_POOL2D -> pool("AveragePooling2D", l, named) + x;
      case MAX_POOL1D -> pool("MaxPooling1D", l, named) + x;
      case AVG_POOL1D -> pool("AveragePooling1D", l, named) + x;
      case GLOBAL_AVG_POOL2D -> "layers.GlobalAveragePooling2D(" + named + ")" + x;
      case FLATTEN -> "layers.Flatten(" + named + ")" + x;
      case RESHAPE -> "layers.Reshape(" + shape(plan.out(i), byRank(plan, i, plan.out(i))) + ", " + named + ")" + x;
      case DROPOUT -> "layers.Dropout(" + ExportPlan.decimal(l.doubleSetting("rate")) + ", " + named + ")" + x;
      case EMBEDDING -> "layers.Embedding(" + l.intSetting("vocabulary") + ", " + l.intSetting("dimension") + ", " + named + ")" + x;
      case BATCH_NORM -> "layers.BatchNormalization(axis=" + axis(inLayout, 0, inShape.rank()) + ", momentum="
          + ExportPlan.decimal(oneMinus(l.doubleSetting("momentum"))) + ", epsilon=" + ExportPlan.decimal(l.doubleSetting("epsilon")) + ", "
          + named + ")" + x;
      case LAYER_NORM -> "layers.LayerNormalization(axis=" + axis(inLayout, inShape.rank() - 1, inShape.rank()) + ", epsilon="
          + ExportPlan.decimal(l.doubleSetting("epsilon")) + ", " + named + ")" + x;
      case SIMPLE_RNN, LSTM, GRU -> {
        String cls = l.type() == LayerType.SIMPLE_RNN ? "SimpleRNN" : l.type().jsonName();
        String sequences = "sequences".equals(l.stringSetting("output")) ? "True" : "False";
        String core = "layers." + cls + "(" + l.intSetting("units") + ", return_sequences=" + sequences;
        yield "bidirectional".equals(l.stringSetting("direction"))
            ? "layers.Bidirectional(" + core + "), " + named + ")" + x
            : core + ", " + named + ")" + x;
      }
      case MULTI_HEAD_ATTENTION -> "layers.MultiHeadAttention(num_heads=" + l.intSetting("heads") + ", key_dim="
          + inShape.dim(1) / l.intSetting("heads") + ", dropout=" + ExportPlan.decimal(l.doubleSetting("dropout")) + ", " + named + ")("
          + in.get(0) + ", " + in.get(0) + ")";
      case TRANSFORMER_ENCODER -> "transformer_encoder(" + in.get(0) + ", heads=" + l.intSetting("heads") + ", feed_forward="
          + l.intSetting("feedForward") + ", dropout=" + ExportPlan.decimal(l.doubleSetting("dropout")) + ", activation=\""
          + l.stringSetting("activation") + "\", " + named + ")";
      case RELU -> "layers.ReLU(" + named + ")" + x;
      case SIGMOID -> "layers.Activation(\"sigmoid\", " + named + ")" + x;
      case TANH -> "layers.Activation(\"tanh\", " + named + ")" + x;
      case SOFTMAX -> "layers.Softmax(axis=" + axis(inLayout, 0, inShape.rank()) + ", " + named + ")" + x;
      case LEAKY_RELU -> "layers.LeakyReLU(" + ExportPlan.decimal(l.doubleSetting("negativeSlope")) + ", " + named + ")" + x;
      case ELU -> "layers.ELU(" + ExportPlan.decimal(l.doubleSetting("alpha")) + ", " + named + ")" + x;
      case GELU -> "tanh".equals(l.stringSetting("approximate"))
          ? "layers.Activation(lambda t: keras.activations.gelu(t, approximate=True), " + named + ")" + x
          : "layers.Activation(\"gelu\", " + named + ")" + x;
      case SILU -> "layers.Activation(\"silu\", " + named + ")" + x;
      case ADD -> "layers.Add(" + named + ")([" + String.join(", ", in) + "])";
      case CONCATENATE -> "layers.Concatenate(axis=" + axis(inLayout, l.intSetting("axis") - 1, inShape.rank()) + ", " + named + ")(["
          + String.join(", ", in) + "])";
    };
  }

  private static String pool(String cls, LayerSpec l, String named) {
    return "layers." + cls + "(pool_size=" + l.intSetting("pool") + ", strides=" + l.intSetting("stride") + ", " + named + ")";
  }

  private static String activation(LayerSpec l) {
    String a = l.stringSetting("activation");
    return "none".equals(a) ? "" : ", activation=\"" + a + "\"";
  }

  /** Keras's BatchNorm momentum is the weight of the old statistics, PyTorch's the weight of the new batch. */
  private static double oneMinus(double momentum) {
    return BigDecimal.ONE.subtract(BigDecimal.valueOf(momentum)).setScale(12, RoundingMode.HALF_EVEN).stripTrailingZeros().doubleValue();
  }
}
