package org.layerlab.model.export.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.export.CodeExporter;
import org.layerlab.model.export.ExportException;
import org.layerlab.model.layer.LayerType;

/**
 * Writes a model as a PyTorch {@code nn.Module}: one submodule per layer with weights, named after the layer, and a {@code forward}
 * that follows the graph. Shapes are the ones Layerlab shows, batch first. A module-level {@code example_input(batch_size)} makes a
 * random batch (token ids for a model that starts with an Embedding), and {@code LAYERS} maps each Layerlab layer id to its
 * submodule's attribute name.
 *
 * <p>Written for PyTorch 1.12 and later ({@code nn.GELU(approximate=...)} is the newest thing used).
 */
public final class PyTorchExporter implements CodeExporter {

  private static final Set<String> RESERVED =
      Set.of(
          "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
          "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
          "raise", "return", "try", "while", "with", "yield", "self", "torch", "nn", "input", "super", "example_input", "LAYERS",
          "batch_size", "sum", "len", "print", "type", "id", "max", "min", "abs", "list", "range");

  @Override
  public String fileName(String name) {
    return ExportPlan.snakeName(name) + ".py";
  }

  /** The name of the module class for a model called {@code name}: "Keras CIFAR-10 CNN" gives {@code KerasCifar10Cnn}. */
  public String className(String name) {
    return ExportPlan.className(name);
  }

  @Override
  public String export(org.layerlab.model.ModelSpec spec, String name) throws ExportException {
    ExportPlan plan = ExportPlan.of(spec, RESERVED);
    String cls = ExportPlan.className(name);
    List<String> init = new ArrayList<>();
    List<String> forward = new ArrayList<>();
    List<String> layerMap = new ArrayList<>();
    String inputName = plan.name(0);
    boolean ids = false;
    int vocabulary = 0;
    for (int i : plan.order) {
      LayerSpec layer = plan.layer(i);
      String v = plan.name(i);
      List<String> in = plan.inputNames(i);
      String x = in.isEmpty() ? null : in.get(0);
      String module = module(plan, i);
      if (module != null) {
        init.add("self." + v + " = " + module);
        layerMap.add("\"" + layer.id() + "\": \"" + v + "\"");
      }
      if (layer.type() == LayerType.EMBEDDING && plan.inputs(i).get(0) == 0) {
        ids = true;
        vocabulary = layer.intSetting("vocabulary");
      }
      forward.addAll(forward(plan, i, v, x, in));
    }
    Shape input = plan.out(0);
    StringBuilder py = new StringBuilder();
    py.append("\"\"\"")
        .append(name.replace("\"", "'"))
        .append(", exported from Layerlab as a PyTorch module.\n\n")
        .append("Input ")
        .append(input)
        .append(ids ? " token ids from 0 to " + (vocabulary - 1) : " float32")
        .append(", output ")
        .append(plan.out(plan.output))
        .append(". Parameters as Layerlab counts them: ")
        .append(String.format(Locale.ROOT, "%,d", plan.analysis.trainableParameters()))
        .append(" trainable, ")
        .append(String.format(Locale.ROOT, "%,d", plan.analysis.nonTrainableParameters()))
        .append(" in BatchNorm running statistics (buffers here).\n\"\"\"\n")
        .append("import torch\nfrom torch import nn\n\n\n")
        .append("class ").append(cls).append("(nn.Module):\n")
        .append("    input_shape = ").append(tuple(input.dims())).append("\n\n")
        .append("    def __init__(self):\n")
        .append("        super().__init__()\n");
    if (init.isEmpty()) {
      py.append("        pass\n");
    }
    init.forEach(l -> py.append("        ").append(l).append('\n'));
    py.append("\n    def forward(self, ").append(inputName).append("):\n");
    forward.forEach(l -> py.append("        ").append(l).append('\n'));
    py.append("        return ").append(plan.name(plan.output)).append("\n\n\n");
    py.append("LAYERS = {").append(String.join(", ", layerMap)).append("}\n\n\n");
    py.append("def example_input(batch_size=2):\n")
        .append("    \"\"\"A random batch of the shape the model takes.\"\"\"\n");
    String dims = input.dims().stream().map(String::valueOf).collect(Collectors.joining(", "));
    if (ids) {
      py.append("    return torch.randint(0, ").append(vocabulary).append(", (batch_size, ").append(dims).append("))\n");
    } else {
      py.append("    return torch.randn(batch_size, ").append(dims).append(")\n");
    }
    py.append("\n\nif __name__ == \"__main__\":\n")
        .append("    model = ").append(cls).append("().eval()\n")
        .append("    output = model(example_input())\n")
        .append("    print(tuple(output.shape), sum(p.numel() for p in model.parameters()), \"parameters\")\n");
    return py.toString();
  }

  /** The submodule of layer {@code i}, or null when the layer is a plain tensor operation in {@code forward}. */
  private static String module(ExportPlan plan, int i) {
    LayerSpec l = plan.layer(i);
    Shape in = plan.in(i);
    return switch (l.type()) {
      case INPUT, FLATTEN, RESHAPE, GLOBAL_AVG_POOL2D, ADD, CONCATENATE -> null;
      case DENSE -> "nn.Linear(" + in.dim(0) + ", " + l.intSetting("units") + ")";
      case CONV2D, CONV1D -> {
        int k = l.intSetting("kernel");
        int d = l.intSetting("dilation");
        int pad = "same".equals(l.stringSetting("padding")) ? d * (k - 1) / 2 : 0;
        yield (l.type() == LayerType.CONV2D ? "nn.Conv2d(" : "nn.Conv1d(")
            + in.dim(0) + ", " + l.intSetting("filters") + ", kernel_size=" + k + ", stride=" + l.intSetting("stride")
            + ", padding=" + pad + ", dilation=" + d + ", groups=" + l.intSetting("groups") + ")";
      }
      case CONV2D_TRANSPOSE -> {
        int k = l.intSetting("kernel");
        int s = l.intSetting("stride");
        boolean same = "same".equals(l.stringSetting("padding"));
        yield "nn.ConvTranspose2d(" + in.dim(0) + ", " + l.intSetting("filters") + ", kernel_size=" + k + ", stride=" + s
            + ", padding=" + (same ? (k - 1) / 2 : 0) + ", output_padding=" + (same ? s - 1 : 0) + ")";
      }
      case MAX_POOL2D -> pool("nn.MaxPool2d", l);
      case AVG_POOL2D -> pool("nn.AvgPool2d", l);
      case MAX_POOL1D -> pool("nn.MaxPool1d", l);
      case AVG_POOL1D -> pool("nn.AvgPool1d", l);
      case DROPOUT -> "nn.Dropout(p=" + ExportPlan.decimal(l.doubleSetting("rate")) + ")";
      case EMBEDDING -> "nn.Embedding(" + l.intSetting("vocabulary") + ", " + l.intSetting("dimension") + ")";
      case BATCH_NORM -> (in.rank() == 3 ? "nn.BatchNorm2d(" : "nn.BatchNorm1d(") + in.dim(0) + ", eps="
          + ExportPlan.decimal(l.doubleSetting("epsilon")) + ", momentum=" + ExportPlan.decimal(l.doubleSetting("momentum")) + ")";
      case LAYER_NORM -> "nn.LayerNorm(" + in.dim(in.rank() - 1) + ", eps=" + ExportPlan.decimal(l.doubleSetting("epsilon")) + ")";
      case SIMPLE_RNN, LSTM, GRU -> {
        String cls = l.type() == LayerType.SIMPLE_RNN ? "nn.RNN" : l.type() == LayerType.LSTM ? "nn.LSTM" : "nn.GRU";
        yield cls + "(" + in.dim(1) + ", " + l.intSetting("units") + ", batch_first=True"
            + ("bidirectional".equals(l.stringSetting("direction")) ? ", bidirectional=True" : "") + ")";
      }
      case MULTI_HEAD_ATTENTION -> "nn.MultiheadAttention(" + in.dim(1) + ", " + l.intSetting("heads") + ", dropout="
          + ExportPlan.decimal(l.doubleSetting("dropout")) + ", batch_first=True)";
      case TRANSFORMER_ENCODER -> "nn.TransformerEncoderLayer(d_model=" + in.dim(1) + ", nhead=" + l.intSetting("heads")
          + ", dim_feedforward=" + l.intSetting("feedForward") + ", dropout=" + ExportPlan.decimal(l.doubleSetting("dropout"))
          + ", activation=\"" + l.stringSetting("activation") + "\", batch_first=True)";
      case RELU -> "nn.ReLU()";
      case SIGMOID -> "nn.Sigmoid()";
      case TANH -> "nn.Tanh()";
      case SOFTMAX -> "nn.Softmax(dim=1)";
      case LEAKY_RELU -> "nn.LeakyReLU(negative_slope=" + ExportPlan.decimal(l.doubleSetting("negativeSlope")) + ")";
      case ELU -> "nn.ELU(alpha=" + ExportPlan.decimal(l.doubleSetting("alpha")) + ")";
      case GELU -> "nn.GELU(approximate=\"" + l.stringSetting("approximate") + "\")";
      case SILU -> "nn.SiLU()";
    };
  }

  private static String pool(String cls, LayerSpec l) {
    return cls + "(kernel_size=" + l.intSetting("pool") + ", stride=" + l.intSetting("stride") + ")";
  }

  /** The lines of {@code forward} that compute variable {@code v}. */
  private static List<String> forward(ExportPlan plan, int i, String v, String x, List<String> in) {
    LayerSpec l = plan.layer(i);
    String self = "self." + v;
    return switch (l.type()) {
      case INPUT -> List.of();
      case DENSE, CONV2D, CONV1D, CONV2D_TRANSPOSE -> List.of(v + " = " + activation(l.stringSetting("activation"), self + "(" + x + ")"));
      case FLATTEN -> List.of(v + " = torch.flatten(" + x + ", 1)");
      case RESHAPE -> List.of(v + " = " + x + ".reshape(" + x + ".shape[0], " + plan.out(i).dims().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
      case GLOBAL_AVG_POOL2D -> List.of(v + " = " + x + ".mean(dim=(2, 3))");
      case EMBEDDING -> List.of(v + " = " + self + "(" + x + ".long())");
      case SIMPLE_RNN, LSTM, GRU -> {
        boolean bi = "bidirectional".equals(l.stringSetting("direction"));
        if ("sequences".equals(l.stringSetting("output"))) {
          yield List.of(v + ", _ = " + self + "(" + x + ")");
        }
        // the final hidden state of each direction; for the backward direction that is the state after reading the first step
        String h = plan.fresh(v + "_h");
        String state = l.type() == LayerType.LSTM ? "_, (" + h + ", _) = " : "_, " + h + " = ";
        yield List.of(
            state + self + "(" + x + ")", v + " = " + (bi ? "torch.cat([" + h + "[-2], " + h + "[-1]], dim=1)" : h + "[-1]"));
      }
      case MULTI_HEAD_ATTENTION -> List.of(v + ", _ = " + self + "(" + x + ", " + x + ", " + x + ", need_weights=False)");
      case ADD -> List.of(v + " = " + String.join(" + ", in));
      case CONCATENATE -> List.of(v + " = torch.cat([" + String.join(", ", in) + "], dim=" + l.intSetting("axis") + ")");
      default -> List.of(v + " = " + self + "(" + x + ")");
    };
  }

  private static String activation(String name, String expr) {
    return switch (name) {
      case "relu" -> "torch.relu(" + expr + ")";
      case "sigmoid" -> "torch.sigmoid(" + expr + ")";
      case "tanh" -> "torch.tanh(" + expr + ")";
      case "softmax" -> "torch.softmax(" + expr + ", dim=1)";
      default -> expr;
    };
  }

  private static String tuple(List<Integer> dims) {
    return dims.size() == 1 ? "(" + dims.get(0) + ",)" : "(" + dims.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
  }
}
