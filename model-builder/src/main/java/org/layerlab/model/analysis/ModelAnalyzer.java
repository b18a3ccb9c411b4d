package org.layerlab.model.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.layer.Setting;

/**
 * Infers every layer's output shape, counts parameters and multiply-accumulates, and finds what stops a model from training.
 *
 * <p>Shapes follow the NCHW layout: an image sample is (channels, height, width). Convolution and pooling output sizes use
 * {@code floor((in + 2 * pad - window) / stride) + 1}, the rule of PyTorch and DJL.
 */
public final class ModelAnalyzer {

  private ModelAnalyzer() {}

  /** Analyses the model on its own. */
  public static ModelAnalysis analyze(ModelSpec spec) {
    return analyze(spec, null);
  }

  /**
   * Analyses the model and, when {@code data} is given, checks that the Input layer takes the dataset's samples and that the model
   * ends in one score per class.
   */
  public static ModelAnalysis analyze(ModelSpec spec, DataSignature data) {
    List<LayerReport> reports = new ArrayList<>();
    List<String> modelProblems = new ArrayList<>();
    if (spec.layers().isEmpty()) {
      modelProblems.add("The model has no layers: add an Input layer, then the layers that process it.");
      return new ModelAnalysis(reports, modelProblems);
    }
    Set<String> seenIds = new HashSet<>();
    Shape current = null;
    String previousId = null;
    for (int i = 0; i < spec.size(); i++) {
      LayerSpec layer = spec.layer(i);
      List<String> problems = new ArrayList<>();
      if (!layer.id().matches("[A-Za-z_][A-Za-z0-9_\\-]*")) {
        problems.add("the name '" + layer.id() + "' must start with a Latin letter (a to z) or _ and use only Latin letters, digits, _ and -, such as dense1");
      }
      if (!seenIds.add(layer.id())) {
        problems.add("another layer is already called '" + layer.id() + "': give this one a different name");
      }
      for (Setting s : layer.type().settings()) {
        String p = s.problem(layer.settings().get(s.name()));
        if (p != null) {
          problems.add(p);
        }
      }
      Shape input = current;
      Shape output = null;
      long params = 0;
      long macs = 0;
      if (i == 0 && layer.type() != LayerType.INPUT) {
        problems.add("the first layer must be an Input layer: add one at the top that matches the dataset's samples");
      } else if (i > 0 && layer.type() == LayerType.INPUT) {
        problems.add("only the first layer may be an Input layer: remove this one");
      } else if (problems.isEmpty() && (i == 0 || input != null)) {
        Inferred inferred = infer(layer, input, previousId, i > 0 && spec.layer(i - 1).type() == LayerType.INPUT);
        output = inferred.shape;
        params = inferred.params;
        macs = inferred.macs;
        if (inferred.problem != null) {
          problems.add(inferred.problem);
        }
      }
      reports.add(new LayerReport(layer, input, output, params, macs, problems));
      current = output;
      previousId = layer.id();
    }
    LayerReport last = reports.get(reports.size() - 1);
    if (last.valid() && last.outputShape() != null && last.outputShape().rank() != 1) {
      modelProblems.add(
          "The model ends in "
              + last.outputShape()
              + " but a classifier must end in (N, classes): add Flatten and a Dense layer with one unit per class after '"
              + last.layer().id()
              + "'.");
    }
    if (data != null) {
      checkAgainstData(reports, modelProblems, data);
    }
    return new ModelAnalysis(reports, modelProblems);
  }

  private static void checkAgainstData(List<LayerReport> reports, List<String> modelProblems, DataSignature data) {
    LayerReport first = reports.get(0);
    if (first.layer().type() == LayerType.INPUT && first.valid() && !first.outputShape().equals(data.sampleShape())) {
      List<String> problems = new ArrayList<>(first.problems());
      problems.add(
          "the dataset's samples are "
              + data.sampleShape()
              + " but this Input takes "
              + first.outputShape()
              + ": set shape to "
              + data.sampleShape().dims().toString().replaceAll("[\\[\\]]", ""));
      reports.set(0, new LayerReport(first.layer(), first.inputShape(), first.outputShape(), 0, 0, problems));
      return;
    }
    LayerReport last = reports.get(reports.size() - 1);
    Shape out = last.outputShape();
    if (out != null && out.rank() == 1 && out.dim(0) != data.classes()) {
      String fix =
          last.layer().type() == LayerType.DENSE
              ? "set units of '" + last.layer().id() + "' to " + data.classes()
              : "end with a Dense layer of " + data.classes() + " units";
      modelProblems.add(
          "The dataset has " + data.classes() + " classes but the model outputs " + out.dim(0) + " scores per sample: " + fix + ".");
    }
  }

  private record Inferred(Shape shape, long params, long macs, String problem) {
    static Inferred error(String message) {
      return new Inferred(null, 0, 0, message);
    }
  }

  /** Infers one layer; {@code afterInput} says it reads the Input directly, so a wrong rank is fixed in the Input's shape. */
  private static Inferred infer(LayerSpec layer, Shape in, String previousId, boolean afterInput) {
    return switch (layer.type()) {
      case INPUT -> new Inferred(new Shape(layer.intListSetting("shape")), 0, 0, null);
      case DENSE -> {
        if (in.rank() != 1) {
          yield Inferred.error(
              "expects input (N, features) but receives " + in + ": add a Flatten layer before it" + after(previousId));
        }
        long units = layer.intSetting("units");
        long features = in.dim(0);
        yield new Inferred(Shape.of((int) units), features * units + units, features * units, null);
      }
      case CONV2D -> {
        if (in.rank() != 3) {
          yield Inferred.error(
              "expects input (N, C, H, W) but receives "
                  + in
                  + (in.rank() == 1 && previousId != null && !afterInput
                      ? ": remove '" + previousId + "' before it, or set the Input shape to channels, height, width"
                      : ": set the Input shape to channels, height, width, such as 1, 28, 28"));
        }
        int k = layer.intSetting("kernel");
        int s = layer.intSetting("stride");
        boolean same = "same".equals(layer.stringSetting("padding"));
        if (same && k % 2 == 0) {
          yield Inferred.error("padding 'same' needs an odd kernel: use kernel " + (k + 1) + " or padding 'valid'");
        }
        int pad = same ? (k - 1) / 2 : 0;
        int c = in.dim(0);
        int h = window(in.dim(1), k, s, pad);
        int w = window(in.dim(2), k, s, pad);
        if (h < 1 || w < 1) {
          yield Inferred.error(
              "kernel " + k + " does not fit its input " + in + ": use a smaller kernel, padding 'same', or remove a pooling layer before it");
        }
        int f = layer.intSetting("filters");
        long params = (long) c * k * k * f + f;
        long macs = (long) h * w * f * c * k * k;
        yield new Inferred(Shape.of(f, h, w), params, macs, null);
      }
      case MAX_POOL2D -> {
        if (in.rank() != 3) {
          yield Inferred.error(
              "expects input (N, C, H, W) but receives "
                  + in
                  + (afterInput ? ": set the Input shape to channels, height, width, such as 1, 28, 28" : ": move it before the Flatten layer"));
        }
        int p = layer.intSetting("pool");
        int s = layer.intSetting("stride");
        int h = window(in.dim(1), p, s, 0);
        int w = window(in.dim(2), p, s, 0);
        if (h < 1 || w < 1) {
          yield Inferred.error("pool " + p + " is larger than its input " + in + ": use a smaller pool or remove this layer");
        }
        yield new Inferred(Shape.of(in.dim(0), h, w), 0, 0, null);
      }
      case FLATTEN -> {
        long n = in.elements();
        if (n > Integer.MAX_VALUE) {
          yield Inferred.error("flattens " + in + " into " + n + " values, too many: add pooling before it");
        }
        yield new Inferred(Shape.of((int) n), 0, 0, null);
      }
      case DROPOUT, RELU, SIGMOID, TANH, SOFTMAX -> new Inferred(in, 0, 0, null);
    };
  }

  private static String after(String previousId) {
    return previousId == null ? "" : " (after '" + previousId + "')";
  }

  private static int window(int size, int window, int stride, int pad) {
    int span = size + 2 * pad - window;
    return span < 0 ? 0 : span / stride + 1;
  }
}
