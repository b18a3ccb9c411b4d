package org.layerlab.model.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.layerlab.model.LayerSpec;
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
  static Inferred infer(LayerSpec layer, List<Shape> in, List<Source> sources) {
    Shape x = in.isEmpty() ? null : in.get(0);
    Source src = sources.isEmpty() ? null : sources.get(0);
    return switch (layer.type()) {
      case INPUT -> Inferred.ok(new Shape(layer.intListSetting("shape")), 0, 0);
      case DENSE -> dense(layer, x, src);
      case CONV2D -> conv(layer, x, src, 2);
      case CONV1D -> conv(layer, x, src, 1);
      case CONV2D_TRANSPOSE -> convTranspose(layer, x, src);
      case MAX_POOL2D, AVG_POOL2D -> pool(layer, x, src, 2);
      case MAX_POOL1D, AVG_POOL1D -> pool(layer, x, src, 1);
      case GLOBAL_AVG_POOL2D -> {
        if (x.rank() != 3) {
          yield Inferred.error("expects input (N, C, H, W) but receives " + x + needsImage(x, src));
        }
        yield Inferred.ok(Shape.of(x.dim(0)), 0, 0);
      }
      case FLATTEN -> {
        long n = x.elements();
        if (n > Integer.MAX_VALUE) {
          yield Inferred.error("flattens " + x + " into " + n + " values, too many: add pooling before it");
        }
        yield Inferred.ok(Shape.of((int) n), 0, 0);
      }
      case RESHAPE -> reshape(layer, x);
      case EMBEDDING -> embedding(layer, x, src);
      case BATCH_NORM -> {
        if (x.rank() > 3) {
          yield Inferred.error(
              "normalises (N, F), (N, C, L) or (N, C, H, W) but receives " + x + ": add a Reshape to one of these before it");
        }
        long c = x.dim(0);
        yield new Inferred(x, 4 * c, 2 * c, 0, null);
      }
      case LAYER_NORM -> Inferred.ok(x, 2L * x.dim(x.rank() - 1), 0);
      case SIMPLE_RNN -> recurrent(layer, x, src, 1);
      case LSTM -> recurrent(layer, x, src, 4);
      case GRU -> recurrent(layer, x, src, 3);
      case MULTI_HEAD_ATTENTION, TRANSFORMER_ENCODER -> attention(layer, x, src);
      case DROPOUT, RELU, SIGMOID, TANH, SOFTMAX, LEAKY_RELU, ELU, GELU, SILU -> Inferred.ok(x, 0, 0);
      case ADD -> add(in, sources);
      case CONCATENATE -> concatenate(layer, in, sources);
    };
  }

  private static Inferred dense(LayerSpec layer, Shape in, Source src) {
    if (in.rank() != 1) {
      String fix =
          src != null && isRecurrent(src.type) && "sequences".equals(src.spec.stringSetting("output"))
              ? ": set output of '" + src.id + "' to last, or add a Flatten layer before it"
              : ": add a Flatten layer before it" + after(src);
      return Inferred.error("expects input (N, features) but receives " + in + fix);
    }
    long units = layer.intSetting("units");
    long features = in.dim(0);
    return Inferred.ok(Shape.of((int) units), features * units + units, features * units);
  }

  /** Conv1D on (C, L) and Conv2D on (C, H, W), with stride, 'valid' or 'same' padding, dilation and groups. */
  private static Inferred conv(LayerSpec layer, Shape in, Source src, int dims) {
    if (in.rank() != dims + 1) {
      return Inferred.error(
          dims == 2
              ? "expects input (N, C, H, W) but receives " + in + needsImage(in, src)
              : "expects input (N, C, L) but receives " + in + needsSignal(in, src));
    }
    int k = layer.intSetting("kernel");
    int s = layer.intSetting("stride");
    int d = layer.intSetting("dilation");
    int g = layer.intSetting("groups");
    boolean same = "same".equals(layer.stringSetting("padding"));
    if (same && k % 2 == 0) {
      return Inferred.error("padding 'same' needs an odd kernel: use kernel " + (k + 1) + " or padding 'valid'");
    }
    int c = in.dim(0);
    int f = layer.intSetting("filters");
    if (c % g != 0 || f % g != 0) {
      return Inferred.error(
          "groups "
              + g
              + " must divide both the "
              + c
              + " input channels and the "
              + f
              + " filters: use groups "
              + commonDivisors(c, f));
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
            "kernel "
                + k
                + (d > 1 ? " with dilation " + d + " spans " + span + " and" : "")
                + " does not fit its input "
                + in
                + ": use a smaller kernel, padding 'same', or remove a pooling layer before it");
      }
      positions *= out[i];
    }
    long window = dims == 2 ? (long) k * k : k;
    long weights = (long) (c / g) * window * f;
    return Inferred.ok(Shape.of(out), weights + f, positions * weights);
  }

  private static Inferred convTranspose(LayerSpec layer, Shape in, Source src) {
    if (in.rank() != 3) {
      return Inferred.error("expects input (N, C, H, W) but receives " + in + needsImage(in, src));
    }
    int k = layer.intSetting("kernel");
    int s = layer.intSetting("stride");
    boolean same = "same".equals(layer.stringSetting("padding"));
    if (same && k % 2 == 0) {
      return Inferred.error("padding 'same' needs an odd kernel: use kernel " + (k + 1) + " or padding 'valid'");
    }
    long h = same ? (long) in.dim(1) * s : (long) (in.dim(1) - 1) * s + k;
    long w = same ? (long) in.dim(2) * s : (long) (in.dim(2) - 1) * s + k;
    if (h > 1_000_000 || w > 1_000_000) {
      return Inferred.error("grows " + in + " to " + h + " x " + w + ", too large: use a smaller stride");
    }
    int c = in.dim(0);
    int f = layer.intSetting("filters");
    long weights = (long) c * f * k * k;
    return Inferred.ok(Shape.of(f, (int) h, (int) w), weights + f, (long) in.dim(1) * in.dim(2) * weights);
  }

  private static Inferred pool(LayerSpec layer, Shape in, Source src, int dims) {
    if (in.rank() != dims + 1) {
      String fix;
      if (src != null && src.type == LayerType.FLATTEN) {
        fix = ": move it before the Flatten layer '" + src.id + "'";
      } else {
        fix = dims == 2 ? needsImage(in, src) : needsSignal(in, src);
      }
      return Inferred.error("expects input " + (dims == 2 ? "(N, C, H, W)" : "(N, C, L)") + " but receives " + in + fix);
    }
    int p = layer.intSetting("pool");
    int s = layer.intSetting("stride");
    int[] out = new int[dims + 1];
    out[0] = in.dim(0);
    for (int i = 1; i <= dims; i++) {
      out[i] = window(in.dim(i), p, s, 0);
      if (out[i] < 1) {
        return Inferred.error("pool " + p + " is larger than its input " + in + ": use a smaller pool or remove this layer");
      }
    }
    return Inferred.ok(Shape.of(out), 0, 0);
  }

  private static Inferred reshape(LayerSpec layer, Shape in) {
    List<Integer> target = layer.intListSetting("shape");
    long known = 1;
    int free = -1;
    for (int i = 0; i < target.size(); i++) {
      int v = target.get(i);
      if (v == 0) {
        return Inferred.error("shape entries must be -1 or at least 1, got " + target + ": replace the 0");
      }
      if (v == -1) {
        if (free >= 0) {
          return Inferred.error("shape may contain -1 only once, got " + target + ": give all sizes but one");
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
            "cannot reshape " + in + " (" + n + " values) to " + target + ": " + n + " is not a multiple of " + known
                + "; change the sizes so that they divide " + n);
      }
      out[free] = (int) (n / known);
    } else if (known != n) {
      return Inferred.error(
          "reshapes " + in + ", which holds " + n + " values, to " + target + ", which holds " + known
              + ": change shape so that its sizes multiply to " + n + ", or use -1 for one of them");
    }
    return Inferred.ok(Shape.of(out), 0, 0);
  }

  private static Inferred embedding(LayerSpec layer, Shape in, Source src) {
    if (in.rank() != 1) {
      return Inferred.error(
          "expects token ids (N, T) but receives "
              + in
              + (src != null && src.isInput()
                  ? ": set the Input shape to the number of tokens per sample, such as 100"
                  : ": put the Embedding right after an Input of shape (T), such as 100"));
    }
    long vocabulary = layer.intSetting("vocabulary");
    int dimension = layer.intSetting("dimension");
    return Inferred.ok(Shape.of(in.dim(0), dimension), vocabulary * dimension, 0);
  }

  private static Inferred recurrent(LayerSpec layer, Shape in, Source src, int gates) {
    if (in.rank() != 2) {
      return Inferred.error("expects a sequence (N, T, F) but receives " + in + needsSequence(in, src));
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

  private static Inferred attention(LayerSpec layer, Shape in, Source src) {
    if (in.rank() != 2) {
      return Inferred.error("expects a sequence (N, T, F) but receives " + in + needsSequence(in, src));
    }
    long t = in.dim(0);
    int f = in.dim(1);
    int heads = layer.intSetting("heads");
    if (f % heads != 0) {
      return Inferred.error(
          "the "
              + f
              + " features of each time step must split evenly into "
              + heads
              + " heads: use "
              + commonDivisors(f, f)
              + " heads, or give the layer before it a multiple of "
              + heads
              + " features");
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

  private static Inferred add(List<Shape> in, List<Source> sources) {
    Shape first = in.get(0);
    for (int i = 1; i < in.size(); i++) {
      Shape other = in.get(i);
      if (!other.equals(first)) {
        return Inferred.error(
            "receives "
                + first
                + " from '"
                + sources.get(0).id
                + "' and "
                + other
                + " from '"
                + sources.get(i).id
                + "', but Add needs equal shapes: "
                + addFix(first, other, sources.get(i).id));
      }
    }
    return Inferred.ok(first, 0, 0);
  }

  private static String addFix(Shape a, Shape b, String bId) {
    if (a.rank() == 3 && b.rank() == 3 && a.dim(1) == b.dim(1) && a.dim(2) == b.dim(2)) {
      return "add a 1x1 Conv2D with " + a.dim(0) + " filters on the path from '" + bId + "'";
    }
    if (a.rank() == 3 && b.rank() == 3 && b.dim(1) > a.dim(1) && b.dim(1) % a.dim(1) == 0) {
      int s = b.dim(1) / a.dim(1);
      return "add a 1x1 Conv2D with " + a.dim(0) + " filters and stride " + s + " on the path from '" + bId + "'";
    }
    return "change the layers on one path so that both end in the same shape";
  }

  private static Inferred concatenate(LayerSpec layer, List<Shape> in, List<Source> sources) {
    int axis = layer.intSetting("axis");
    Shape first = in.get(0);
    if (axis > first.rank()) {
      return Inferred.error(
          "axis " + axis + " does not exist in " + first + ": use an axis from 1 to " + first.rank() + " (1 joins channels or features)");
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
            "receives "
                + first
                + " from '"
                + sources.get(0).id
                + "' and "
                + other
                + " from '"
                + sources.get(i).id
                + "', which differ in more than axis "
                + axis
                + ": make every size equal except along axis "
                + axis
                + ", or choose the axis along which they differ");
      }
      long joined = (long) out[axis - 1] + other.dim(axis - 1);
      if (joined > Integer.MAX_VALUE) {
        return Inferred.error("joins more than " + Integer.MAX_VALUE + " values along axis " + axis + ": use smaller inputs");
      }
      out[axis - 1] = (int) joined;
    }
    return Inferred.ok(Shape.of(out), 0, 0);
  }

  /** What to do when a layer for images (C, H, W) receives another shape. */
  private static String needsImage(Shape in, Source src) {
    return needsLayout(src, "channels, height, width", "1, 28, 28");
  }

  /** What to do when a layer for 1-D signals (C, L) receives another shape. */
  private static String needsSignal(Shape in, Source src) {
    return needsLayout(src, "channels, length", "1, 100");
  }

  /** The fix for a layer that needs samples laid out as {@code layout}, by what feeds it. */
  private static String needsLayout(Source src, String layout, String example) {
    if (src == null || src.isInput()) {
      return ": set the Input shape to " + layout + ", such as " + example;
    }
    if (src.type == LayerType.FLATTEN) {
      return ": remove '" + src.id + "' before it, or add a Reshape to " + layout;
    }
    return ": add a Reshape to " + layout + " after '" + src.id + "'";
  }

  /** What to do when a recurrent or attention layer receives something that is not a sequence (T, F). */
  private static String needsSequence(Shape in, Source src) {
    if (src == null || src.isInput()) {
      return ": set the Input shape to time steps, features, such as 50, 8, or add an Embedding after the Input for token ids";
    }
    if (isRecurrent(src.type) && in.rank() == 1) {
      return ": set output of '" + src.id + "' to sequences so that it passes on every time step";
    }
    return ": add a Reshape to time steps, features after '" + src.id + "'";
  }

  private static boolean isRecurrent(LayerType type) {
    return type == LayerType.SIMPLE_RNN || type == LayerType.LSTM || type == LayerType.GRU;
  }

  private static String after(Source src) {
    return src == null ? "" : " (after '" + src.id + "')";
  }

  /** The numbers that divide both, as "1, 2, 4 or 8" (at most eight of them, smallest first). */
  private static String commonDivisors(int a, int b) {
    List<Integer> divisors = new ArrayList<>();
    for (int d = 1; d <= Math.min(a, b) && divisors.size() < 8; d++) {
      if (a % d == 0 && b % d == 0) {
        divisors.add(d);
      }
    }
    String all = divisors.stream().map(String::valueOf).collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
  }

  /** {@code floor((size + 2 pad - window) / stride) + 1}, or 0 when the window does not fit. */
  static int window(int size, int window, int stride, int pad) {
    long span = (long) size + 2L * pad - window;
    return span < 0 ? 0 : (int) (span / stride + 1);
  }
}
