package org.layerlab.model.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelMessages;
import org.layerlab.model.layer.LayerType;

/**
 * The output shape, parameter count and multiply-accumulate count of one layer from the shapes it receives, or the reason it cannot
 * take them with the fix.
 *
 * <p>Parameters follow PyTorch (see each {@link LayerType} constant). Multiply-accumulates (MACs) count the products of weights and
 * values in one sample's forward pass: Dense {@code in x units}; convolution {@code output positions x filters x (C / groups) x
 * window}; transposed convolution {@code input positions x C x F x k x k}; recurrent layers {@code T x directions x gates x (H F + H
 * H)}; attention {@code 4 T F F} for the projections plus {@code 2 T T F} for scores and weighted sums; a Transformer block adds
 * {@code 2 T F ff} for its feed-forward part. Pooling, normalisation, activations, merges, Embedding lookups and reshapes count 0:
 * they do no weight products, and their elementwise cost is small beside the layers that do.
 */
final class LayerRules {

  private LayerRules() {}

  /** A layer that feeds an input port: its id and type, for messages that say what to change. */
  record Source(String id, LayerType type, LayerSpec spec) {
    boolean isInput() {
      return type == LayerType.INPUT;
    }
  }

  record Inferred(Shape shape, long params, long nonTrainable, long macs, String problem) {
    static Inferred ok(Shape shape, long params, long macs) {
      return new Inferred(shape, params, 0, macs, null);
    }

    static Inferred error(String message) {
      return new Inferred(null, 0, 0, 0, message);
    }
  }

  /**
   * Infers one layer from the shapes at its input ports. {@code in} and {@code sources} have one entry per port (none for Input).
   */
  static Inferred infer(LayerSpec layer, List<Shape> in, List<Source> sources, ModelMessages m) {
    Shape x = in.isEmpty() ? null : in.get(0);
    Source src = sources.isEmpty() ? null : sources.get(0);
    return switch (layer.type()) {
      case INPUT -> Inferred.ok(new Shape(layer.intListSetting("shape")), 0, 0);
      case DENSE -> dense(layer, x, src, m);
      case CONV2D -> conv(layer, x, src, 2, m);
      case CONV1D -> conv(layer, x, src, 1, m);
      case CONV2D_TRANSPOSE -> convTranspose(layer, x, src, m);
      case MAX_POOL2D, AVG_POOL2D -> pool(layer, x, src, 2, m);
      case MAX_POOL1D, AVG_POOL1D -> pool(layer, x, src, 1, m);
      case GLOBAL_AVG_POOL2D -> {
        if (x.rank() != 3) {
          yield Inferred.error(m.get("rules.expects", "(N, C, H, W)", x.toString(), needsImage(x, src, m)));
        }
        yield Inferred.ok(Shape.of(x.dim(0)), 0, 0);
      }
      case FLATTEN -> {
        long n = x.elements();
        if (n > Integer.MAX_VALUE) {
          yield Inferred.error(m.get("rules.flattenTooMany", x.toString(), String.valueOf(n)));
        }
        yield Inferred.ok(Shape.of((int) n), 0, 0);
      }
      case RESHAPE -> reshape(layer, x, m);
      case EMBEDDING -> embedding(layer, x, src, m);
      case BATCH_NORM -> {
        if (x.rank() > 3) {
          yield Inferred.error(m.get("rules.batchNorm", x.toString()));
        }
        long c = x.dim(0);
        yield new Inferred(x, 4 * c, 2 * c, 0, null);
      }
      case LAYER_NORM -> Inferred.ok(x, 2L * x.dim(x.rank() - 1), 0);
      case SIMPLE_RNN -> recurrent(layer, x, src, 1, m);
      case LSTM -> recurrent(layer, x, src, 4, m);
      case GRU -> recurrent(layer, x, src, 3, m);
      case MULTI_HEAD_ATTENTION, TRANSFORMER_ENCODER -> attention(layer, x, src, m);
      case DROPOUT, RELU, SIGMOID, TANH, SOFTMAX, LEAKY_RELU, ELU, GELU, SILU -> Inferred.ok(x, 0, 0);
      case ADD -> add(in, sources, m);
      case CONCATENATE -> concatenate(layer, in, sources, m);
    };
  }

  private static Inferred dense(LayerSpec layer, Shape in, Source src, ModelMessages m) {
    if (in.rank() != 1) {
      String fix =
          src != null && isRecurrent(src.type) && "sequences".equals(src.spec.stringSetting("output"))
              ? m.get("rules.fix.recurrentLast", src.id)
              : m.get("rules.fix.flatten", after(src, m));
      return Inferred.error(m.get("rules.expects", m.get("rules.shape.features"), in.toString(), fix));
    }
    long units = layer.intSetting("units");
    long features = in.dim(0);
    return Inferred.ok(Shape.of((int) units), features * units + units, features * units);
  }

  /** Conv1D on (C, L) and Conv2D on (C, H, W), with stride, 'valid' or 'same' padding, dilation and groups. */
  private static Inferred conv(LayerSpec layer, Shape in, Source src, int dims, ModelMessages m) {
    if (in.rank() != dims + 1) {
      return Inferred.error(
          dims == 2
              ? m.get("rules.expects", "(N, C, H, W)", in.toString(), needsImage(in, src, m))
              : m.get("rules.expects", "(N, C, L)", in.toString(), needsSignal(in, src, m)));
    }
    int k = layer.intSetting("kernel");
    int s = layer.intSetting("stride");
    int d = layer.intSetting("dilation");
    int g = layer.intSetting("groups");
    boolean same = "same".equals(layer.stringSetting("padding"));
    if (same && k % 2 == 0) {
      return Inferred.error(m.get("rules.sameEvenKernel", String.valueOf(k + 1)));
    }
    int c = in.dim(0);
    int f = layer.intSetting("filters");
    if (c % g != 0 || f % g != 0) {
      return Inferred.error(m.get("rules.groups", String.valueOf(g), String.valueOf(c), String.valueOf(f), commonDivisors(c, f, m)));
    }
    int span = d * (k - 1) + 1;
    int pad = same ? d * (k - 1) / 2 : 0;
    int[] out = new int[dims + 1];
    out[0] = f;
    long positions = 1;
    for (int i = 1; i <= dims; i++) {
      out[i] = window(in.dim(i), span, s, pad);
      if (out[i] < 1) {
        return Inferred.error(
            d > 1
                ? m.get("rules.kernelTooLarge.dilated", String.valueOf(k), String.valueOf(d), String.valueOf(span), in.toString())
                : m.get("rules.kernelTooLarge", String.valueOf(k), in.toString()));
      }
      positions *= out[i];
    }
    long window = dims == 2 ? (long) k * k : k;
    long weights = (long) (c / g) * window * f;
    return Inferred.ok(Shape.of(out), weights + f, positions * weights);
  }

  private static Inferred convTranspose(LayerSpec layer, Shape in, Source src, ModelMessages m) {
    if (in.rank() != 3) {
      return Inferred.error(m.get("rules.expects", "(N, C, H, W)", in.toString(), needsImage(in, src, m)));
    }
    int k = layer.intSetting("kernel");
    int s = layer.intSetting("stride");
    boolean same = "same".equals(layer.stringSetting("padding"));
    if (same && k % 2 == 0) {
      return Inferred.error(m.get("rules.sameEvenKernel", String.valueOf(k + 1)));
    }
    long h = same ? (long) in.dim(1) * s : (long) (in.dim(1) - 1) * s + k;
    long w = same ? (long) in.dim(2) * s : (long) (in.dim(2) - 1) * s + k;
    if (h > 1_000_000 || w > 1_000_000) {
      return Inferred.error(m.get("rules.growsTooLarge", in.toString(), String.valueOf(h), String.valueOf(w)));
    }
    int c = in.dim(0);
    int f = layer.intSetting("filters");
    long weights = (long) c * f * k * k;
    return Inferred.ok(Shape.of(f, (int) h, (int) w), weights + f, (long) in.dim(1) * in.dim(2) * weights);
  }

  private static Inferred pool(LayerSpec layer, Shape in, Source src, int dims, ModelMessages m) {
    if (in.rank() != dims + 1) {
      String fix;
      if (src != null && src.type == LayerType.FLATTEN) {
        fix = m.get("rules.fix.beforeFlatten", src.id);
      } else {
        fix = dims == 2 ? needsImage(in, src, m) : needsSignal(in, src, m);
      }
      return Inferred.error(m.get("rules.expects", dims == 2 ? "(N, C, H, W)" : "(N, C, L)", in.toString(), fix));
    }
    int p = layer.intSetting("pool");
    int s = layer.intSetting("stride");
    int[] out = new int[dims + 1];
    out[0] = in.dim(0);
    for (int i = 1; i <= dims; i++) {
      out[i] = window(in.dim(i), p, s, 0);
      if (out[i] < 1) {
        return Inferred.error(m.get("rules.poolTooLarge", String.valueOf(p), in.toString()));
      }
    }
    return Inferred.ok(Shape.of(out), 0, 0);
  }

  private static Inferred reshape(LayerSpec layer, Shape in, ModelMessages m) {
    List<Integer> target = layer.intListSetting("shape");
    long known = 1;
    int free = -1;
    for (int i = 0; i < target.size(); i++) {
      int v = target.get(i);
      if (v == 0) {
        return Inferred.error(m.get("rules.reshape.zero", target.toString()));
      }
      if (v == -1) {
        if (free >= 0) {
          return Inferred.error(m.get("rules.reshape.twoFree", target.toString()));
        }
        free = i;
      } else {
        known *= v;
      }
    }
    long n = in.elements();
    int[] out = target.stream().mapToInt(Integer::intValue).toArray();
    if (free >= 0) {
      if (n % known != 0) {
        return Inferred.error(
            m.get("rules.reshape.notMultiple", in.toString(), String.valueOf(n), target.toString(), String.valueOf(known)));
      }
      out[free] = (int) (n / known);
    } else if (known != n) {
      return Inferred.error(m.get("rules.reshape.count", in.toString(), String.valueOf(n), target.toString(), String.valueOf(known)));
    }
    return Inferred.ok(Shape.of(out), 0, 0);
  }

  private static Inferred embedding(LayerSpec layer, Shape in, Source src, ModelMessages m) {
    if (in.rank() != 1) {
      return Inferred.error(
          m.get(
              "rules.embedding",
              in.toString(),
              m.get(src != null && src.isInput() ? "rules.fix.embeddingInput" : "rules.fix.embeddingAfterInput")));
    }
    long vocabulary = layer.intSetting("vocabulary");
    int dimension = layer.intSetting("dimension");
    return Inferred.ok(Shape.of(in.dim(0), dimension), vocabulary * dimension, 0);
  }

  private static Inferred recurrent(LayerSpec layer, Shape in, Source src, int gates, ModelMessages m) {
    if (in.rank() != 2) {
      return Inferred.error(m.get("rules.expectsSequence", in.toString(), needsSequence(in, src, m)));
    }
    long t = in.dim(0);
    long f = in.dim(1);
    long h = layer.intSetting("units");
    int directions = "bidirectional".equals(layer.stringSetting("direction")) ? 2 : 1;
    long perDirection = gates * (h * f + h * h + 2 * h);
    long macs = t * directions * gates * (h * f + h * h);
    int width = (int) (directions * h);
    Shape out = "sequences".equals(layer.stringSetting("output")) ? Shape.of((int) t, width) : Shape.of(width);
    return Inferred.ok(out, directions * perDirection, macs);
  }

  private static Inferred attention(LayerSpec layer, Shape in, Source src, ModelMessages m) {
    if (in.rank() != 2) {
      return Inferred.error(m.get("rules.expectsSequence", in.toString(), needsSequence(in, src, m)));
    }
    long t = in.dim(0);
    int f = in.dim(1);
    int heads = layer.intSetting("heads");
    if (f % heads != 0) {
      return Inferred.error(m.get("rules.heads", String.valueOf(f), String.valueOf(heads), commonDivisors(f, f, m)));
    }
    long params = 4L * f * f + 4L * f;
    long macs = 4 * t * f * f + 2 * t * t * f;
    if (layer.type() == LayerType.TRANSFORMER_ENCODER) {
      long ff = layer.intSetting("feedForward");
      params += 2 * f * ff + ff + f + 4L * f;
      macs += 2 * t * f * ff;
    }
    return Inferred.ok(in, params, macs);
  }

  private static Inferred add(List<Shape> in, List<Source> sources, ModelMessages m) {
    Shape first = in.get(0);
    for (int i = 1; i < in.size(); i++) {
      Shape other = in.get(i);
      if (!other.equals(first)) {
        return Inferred.error(
            m.get(
                "rules.add",
                first.toString(),
                sources.get(0).id,
                other.toString(),
                sources.get(i).id,
                addFix(first, other, sources.get(i).id, m)));
      }
    }
    return Inferred.ok(first, 0, 0);
  }

  private static String addFix(Shape a, Shape b, String bId, ModelMessages m) {
    if (a.rank() == 3 && b.rank() == 3 && a.dim(1) == b.dim(1) && a.dim(2) == b.dim(2)) {
      return m.get("rules.fix.addConv", String.valueOf(a.dim(0)), bId);
    }
    if (a.rank() == 3 && b.rank() == 3 && b.dim(1) > a.dim(1) && b.dim(1) % a.dim(1) == 0) {
      int s = b.dim(1) / a.dim(1);
      return m.get("rules.fix.addConvStride", String.valueOf(a.dim(0)), String.valueOf(s), bId);
    }
    return m.get("rules.fix.addSameShape");
  }

  private static Inferred concatenate(LayerSpec layer, List<Shape> in, List<Source> sources, ModelMessages m) {
    int axis = layer.intSetting("axis");
    Shape first = in.get(0);
    if (axis > first.rank()) {
      return Inferred.error(m.get("rules.concat.axis", String.valueOf(axis), first.toString(), String.valueOf(first.rank())));
    }
    int[] out = first.toArray();
    for (int i = 1; i < in.size(); i++) {
      Shape other = in.get(i);
      boolean fits = other.rank() == first.rank();
      for (int d = 0; fits && d < first.rank(); d++) {
        fits = d == axis - 1 || other.dim(d) == first.dim(d);
      }
      if (!fits) {
        return Inferred.error(
            m.get("rules.concat.differ", first.toString(), sources.get(0).id, other.toString(), sources.get(i).id, String.valueOf(axis)));
      }
      long joined = (long) out[axis - 1] + other.dim(axis - 1);
      if (joined > Integer.MAX_VALUE) {
        return Inferred.error(m.get("rules.concat.tooMany", String.valueOf(Integer.MAX_VALUE), String.valueOf(axis)));
      }
      out[axis - 1] = (int) joined;
    }
    return Inferred.ok(Shape.of(out), 0, 0);
  }

  /** What to do when a layer for images (C, H, W) receives another shape. */
  private static String needsImage(Shape in, Source src, ModelMessages m) {
    return needsLayout(src, m.get("rules.layout.image"), "1, 28, 28", m);
  }

  /** What to do when a layer for 1-D signals (C, L) receives another shape. */
  private static String needsSignal(Shape in, Source src, ModelMessages m) {
    return needsLayout(src, m.get("rules.layout.signal"), "1, 100", m);
  }

  /** The fix for a layer that needs samples laid out as {@code layout}, by what feeds it. */
  private static String needsLayout(Source src, String layout, String example, ModelMessages m) {
    if (src == null || src.isInput()) {
      return m.get("rules.fix.setInput", layout, example);
    }
    if (src.type == LayerType.FLATTEN) {
      return m.get("rules.fix.removeFlatten", src.id, layout);
    }
    return m.get("rules.fix.reshapeAfter", layout, src.id);
  }

  /** What to do when a recurrent or attention layer receives something that is not a sequence (T, F). */
  private static String needsSequence(Shape in, Source src, ModelMessages m) {
    if (src == null || src.isInput()) {
      return m.get("rules.fix.sequenceInput");
    }
    if (isRecurrent(src.type) && in.rank() == 1) {
      return m.get("rules.fix.sequenceRecurrent", src.id);
    }
    return m.get("rules.fix.sequenceReshape", src.id);
  }

  private static boolean isRecurrent(LayerType type) {
    return type == LayerType.SIMPLE_RNN || type == LayerType.LSTM || type == LayerType.GRU;
  }

  private static String after(Source src, ModelMessages m) {
    return src == null ? "" : m.get("rules.after", src.id);
  }

  /** The numbers that divide both, as "1, 2, 4 or 8" (at most eight of them, smallest first). */
  private static String commonDivisors(int a, int b, ModelMessages m) {
    List<Integer> divisors = new ArrayList<>();
    for (int d = 1; d <= Math.min(a, b) && divisors.size() < 8; d++) {
      if (a % d == 0 && b % d == 0) {
        divisors.add(d);
      }
    }
    String all = divisors.stream().map(String::valueOf).collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return last < 0 ? all : m.get("rules.or", all.substring(0, last), all.substring(last + 2));
  }

  /** {@code floor((size + 2 pad - window) / stride) + 1}, or 0 when the window does not fit. */
  static int window(int size, int window, int stride, int pad) {
    long span = (long) size + 2L * pad - window;
    return span < 0 ? 0 : (int) (span / stride + 1);
  }
}
