package org.layerlab.charts.scalar;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * Rasterises x-monotone curves into an ARGB buffer one pixel column at a time, and shows the result as a row of image strips.
 *
 * <p>Why not stroke the curves on the canvas: with Prism's software pipeline (Xvfb, remote desktops, many laptops' fallback) every
 * polyline goes through the general path rasteriser on the render thread, and ten runs of thousands of reduced points cost over a
 * second per frame there. A time-series curve is a function of x, so in each pixel column it covers one vertical span: the union of
 * its segments' spans in that column. Filling that span, with fractional coverage at its two ends for anti-aliasing, costs one
 * pass over the column's pixels and draws the envelope of a dense curve exactly, with no overdraw to darken translucent lines.
 *
 * <p>The buffer holds premultiplied ARGB, blended source-over. It is kept column by column, so that filling a span walks adjacent
 * memory; {@link #publish} copies the columns drawn into the strips' row-major images (filling row-major spans cost a cache miss
 * per pixel and made a frame of ten dense runs take 50 ms).
 *
 * <p>Why strips: JavaFX repaints whole nodes. When points arrive at the right end of live curves only the last strip or two
 * change, so the render thread repaints a sliver of the plot instead of all of it; with one image (or the chart's canvas) the
 * software pipeline repainted a million pixels sixty times a second, and the render thread's backlog stalled the FX thread for
 * 150 ms at a time. JavaFX thread only.
 */
final class SpanRaster {

  /** Width of one image strip in pixels. */
  static final int STRIP = 64;

  private final Pane layer;
  private int width;
  private int height;
  /** The pixels column by column: pixel (x, y) at {@code x * height + y}. */
  private int[] columns = new int[0];
  private Strip[] strips = new Strip[0];
  private float[] top = new float[0];
  private float[] bottom = new float[0];
  private int spanFrom;
  private int window;
  private int spanTo;

  /** One image strip: columns [x, x + width) of the raster. */
  private static final class Strip {
    final int x;
    final int width;
    final int[] pixels;
    final PixelBuffer<IntBuffer> buffer;
    final ImageView view;

    Strip(int x, int width, int height) {
      this.x = x;
      this.width = width;
      this.pixels = new int[width * height];
      this.buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
      this.view = new ImageView(new WritableImage(buffer));
      view.setManaged(false);
      view.setMouseTransparent(true);
      view.relocate(x, 0);
    }
  }

  /** @param layer the pane the strips are shown in, laid over the plot area with the same origin */
  SpanRaster(Pane layer) {
    this.layer = layer;
  }

  /** Makes the buffer w x h pixels and transparent, and every column writable. */
  void reset(int w, int h) {
    w = Math.max(1, w);
    h = Math.max(1, h);
    if (w != width || h != height) {
      width = w;
      height = h;
      columns = new int[w * h];
      top = new float[w];
      bottom = new float[w];
      strips = new Strip[(w + STRIP - 1) / STRIP];
      List<ImageView> views = new ArrayList<>();
      for (int k = 0; k < strips.length; k++) {
        strips[k] = new Strip(k * STRIP, Math.min(STRIP, w - k * STRIP), h);
        views.add(strips[k].view);
      }
      layer.getChildren().setAll(views);
    } else {
      Arrays.fill(columns, 0);
    }
    window = 0;
    clearSpans();
  }

  /**
   * Keeps columns left of {@code from} as drawn in the last frame, clears the others and lets drawing touch only those: a live
   * frame in which points arrived at the right end redraws only the right end.
   */
  void keepLeftOf(int from) {
    window = Math.max(0, Math.min(width, from));
    Arrays.fill(columns, window * height, width * height, 0);
    clearSpans();
  }

  /** First column the current frame draws into. */
  int window() {
    return window;
  }

  /** Whether a frame has set the raster's size yet. */
  boolean sized(int w, int h) {
    return w == width && h == height;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** Copies the columns drawn since {@link #reset} or {@link #keepLeftOf} into the strips and tells JavaFX which changed. */
  void publish() {
    for (Strip strip : strips) {
      int from = Math.max(window, strip.x);
      int to = strip.x + strip.width;
      if (from >= to) {
        continue;
      }
      for (int y0 = 0; y0 < height; y0 += 32) {
        int y1 = Math.min(height, y0 + 32);
        for (int x = from; x < to; x++) {
          int source = x * height;
          int target = x - strip.x;
          for (int y = y0; y < y1; y++) {
            strip.pixels[y * strip.width + target] = columns[source + y];
          }
        }
      }
      int dirtyX = from - strip.x;
      strip.buffer.updateBuffer(b -> new Rectangle2D(dirtyX, 0, to - from, height));
    }
  }

  /** The colour at a pixel, unpremultiplied; for tests. */
  Color colorAt(int x, int y) {
    int p = columns[x * height + y];
    int a = p >>> 24;
    if (a == 0) {
      return Color.TRANSPARENT;
    }
    return Color.rgb(
        Math.min(255, ((p >> 16) & 0xff) * 255 / a),
        Math.min(255, ((p >> 8) & 0xff) * 255 / a),
        Math.min(255, (p & 0xff) * 255 / a),
        a / 255.0);
  }

  // ---- curves ------------------------------------------------------------------------------------------------------------

  private void clearSpans() {
    Arrays.fill(top, Float.NaN);
    Arrays.fill(bottom, Float.NaN);
    spanFrom = Integer.MAX_VALUE;
    spanTo = Integer.MIN_VALUE;
  }

  /** Adds a polyline through pixel positions to the current curve; points with a non-finite coordinate break it. */
  void addPolyline(double[] xs, double[] ys, int n) {
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
        continue;
      }
      boolean joined = i > 0 && Double.isFinite(xs[i - 1]) && Double.isFinite(ys[i - 1]);
      if (joined) {
        addSegment(xs[i - 1], ys[i - 1], xs[i], ys[i]);
      } else {
        addSegment(xs[i], ys[i], xs[i], ys[i]);
      }
    }
  }

  /** Adds a vertical span [y0, y1] at column x to the current curve, as a band's edge-to-edge fill would. */
  void addSpan(int column, double y0, double y1) {
    if (column < window || column >= width) {
      return;
    }
    unite(column, (float) Math.min(y0, y1), (float) Math.max(y0, y1));
  }

  private void addSegment(double x0, double y0, double x1, double y1) {
    if (x1 < x0) {
      double t = x0;
      x0 = x1;
      x1 = t;
      t = y0;
      y0 = y1;
      y1 = t;
    }
    if (x1 < 0 || x0 >= width) {
      return;
    }
    // Columns left of the window are kept from the last frame; the one just left of it still widens its neighbour.
    int c0 = Math.max((int) Math.floor(Math.max(x0, 0)), window - 1);
    int c1 = (int) Math.min(width - 1, Math.floor(Math.min(x1, width - 1e-9)));
    double dx = x1 - x0;
    if (dx < 1e-9) {
      if (c0 <= c1) {
        unite(c0, (float) Math.min(y0, y1), (float) Math.max(y0, y1));
      }
      return;
    }
    if (c0 > c1) {
      return;
    }
    double slope = (y1 - y0) / dx;
    for (int c = c0; c <= c1; c++) {
      double xa = Math.max(x0, c);
      double xb = Math.min(x1, c + 1.0);
      double ya = y0 + (xa - x0) * slope;
      double yb = y0 + (xb - x0) * slope;
      unite(c, (float) Math.min(ya, yb), (float) Math.max(ya, yb));
    }
  }

  private void unite(int c, float t, float b) {
    if (Float.isNaN(top[c])) {
      top[c] = t;
      bottom[c] = b;
    } else {
      top[c] = Math.min(top[c], t);
      bottom[c] = Math.max(bottom[c], b);
    }
    spanFrom = Math.min(spanFrom, c);
    spanTo = Math.max(spanTo, c);
  }

  /**
   * Fills the current curve's spans in a colour and forgets them. The line width widens each span vertically; from 1.5 pixels up
   * each column also reaches halfway into its neighbours' spans, so that steep parts of the line look as thick as flat ones.
   *
   * @param lineWidth 0 fills the spans as they are, as for a band
   */
  void fill(Color color, double lineWidth) {
    if (spanFrom > spanTo) {
      return;
    }
    double half = lineWidth / 2;
    boolean widen = lineWidth >= 1.5;
    int argb = premultiplied(color);
    for (int c = Math.max(spanFrom, window); c <= spanTo; c++) {
      float t = top[c];
      float b = bottom[c];
      if (widen) {
        float nextTop = c + 1 < width ? top[c + 1] : Float.NaN;
        float nextBottom = c + 1 < width ? bottom[c + 1] : Float.NaN;
        float prevTop = c > 0 ? top[c - 1] : Float.NaN;
        float prevBottom = c > 0 ? bottom[c - 1] : Float.NaN;
        // Reach halfway into the neighbours' spans: the line then covers half a column more on each side, as a line about
        // two pixels wide does, so steep parts look as thick as flat ones without turning into a three-pixel band.
        t = min(min(t, halfway(t, prevTop)), halfway(t, nextTop));
        b = max(max(b, halfway(b, prevBottom)), halfway(b, nextBottom));
      }
      if (Float.isNaN(t)) {
        continue;
      }
      fillColumn(c, t - half, b + half, argb);
    }
    clearSpans();
  }

  /** The point halfway from a to b; a if b is NaN; b if a is NaN. */
  private static float halfway(float a, float b) {
    return Float.isNaN(b) ? a : Float.isNaN(a) ? b : (a + b) / 2;
  }

  private static float min(float a, float b) {
    return Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.min(a, b);
  }

  private static float max(float a, float b) {
    return Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.max(a, b);
  }

  /** Fills rows [y0, y1) of a column, the end rows by the share of them covered. */
  private void fillColumn(int c, double y0, double y1, int argb) {
    if (y1 - y0 < 1) {
      // A span thinner than a pixel still covers a pixel's worth, centred, so flat 1-pixel lines keep their colour.
      double mid = (y0 + y1) / 2;
      y0 = mid - 0.5;
      y1 = mid + 0.5;
    }
    int r0 = (int) Math.max(0, Math.floor(y0));
    int r1 = (int) Math.min(height - 1, Math.ceil(y1) - 1);
    if (r0 > r1) {
      return;
    }
    int base = c * height;
    blend(base + r0, argb, coverage(y0, y1, r0));
    for (int r = r0 + 1; r < r1; r++) {
      blend(base + r, argb, 256);
    }
    if (r1 > r0) {
      blend(base + r1, argb, coverage(y0, y1, r1));
    }
  }

  private static int coverage(double y0, double y1, int row) {
    double cover = Math.min(y1, row + 1.0) - Math.max(y0, row);
    return cover >= 1 ? 256 : cover <= 0 ? 0 : (int) (cover * 256);
  }

  /** A filled disc, anti-aliased by the share of each pixel's centre distance inside the radius. */
  void fillDisc(double cx, double cy, double radius, Color color) {
    int argb = premultiplied(color);
    int x0 = (int) Math.max(window, Math.floor(cx - radius - 1));
    int x1 = (int) Math.min(width - 1, Math.ceil(cx + radius + 1));
    int y0 = (int) Math.max(0, Math.floor(cy - radius - 1));
    int y1 = (int) Math.min(height - 1, Math.ceil(cy + radius + 1));
    for (int x = x0; x <= x1; x++) {
      for (int y = y0; y <= y1; y++) {
        double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        double cover = Math.max(0, Math.min(1, radius + 0.5 - d));
        if (cover > 0) {
          blend(x * height + y, argb, (int) (cover * 256));
        }
      }
    }
  }

  /** A triangle pointing down with its base on row {@code top}: the mark of a non-finite value. */
  void fillTriangleDown(double cx, double top, double halfWidth, double tall, Color fill) {
    int argb = premultiplied(fill);
    int x0 = (int) Math.max(window, Math.floor(cx - halfWidth));
    int x1 = (int) Math.min(width - 1, Math.ceil(cx + halfWidth));
    for (int x = x0; x <= x1; x++) {
      double share = 1 - Math.abs(x + 0.5 - cx) / halfWidth;
      if (share <= 0) {
        continue;
      }
      double bottomEdge = top + tall * share;
      int y1 = (int) Math.min(height - 1, Math.ceil(bottomEdge));
      for (int y = (int) Math.max(0, top); y <= y1; y++) {
        double cover = Math.max(0, Math.min(1, bottomEdge - y));
        if (cover > 0) {
          blend(x * height + y, argb, (int) (cover * 256));
        }
      }
    }
  }

  /** A vertical dashed line at a column: {@code on} pixels drawn, {@code off} skipped. */
  void dashedColumn(int c, Color color, int on, int off) {
    if (c < window || c >= width) {
      return;
    }
    int argb = premultiplied(color);
    int period = on + off;
    int base = c * height;
    for (int r = 0; r < height; r++) {
      if (r % period < on) {
        blend(base + r, argb, 256);
      }
    }
  }

  /** Source-over of a premultiplied colour scaled by {@code coverage}/256 onto one pixel of {@link #columns}. */
  private void blend(int index, int src, int coverage) {
    if (coverage >= 256 && (src >>> 24) == 255) {
      columns[index] = src;
      return;
    }
    int sa = ((src >>> 24) * coverage) >> 8;
    if (sa == 0) {
      return;
    }
    int sr = (((src >> 16) & 0xff) * coverage) >> 8;
    int sg = (((src >> 8) & 0xff) * coverage) >> 8;
    int sb = ((src & 0xff) * coverage) >> 8;
    int dst = columns[index];
    int keep = 255 - sa;
    int a = sa + div255((dst >>> 24) * keep);
    int r = sr + div255(((dst >> 16) & 0xff) * keep);
    int g = sg + div255(((dst >> 8) & 0xff) * keep);
    int b = sb + div255((dst & 0xff) * keep);
    columns[index] = (a << 24) | (r << 16) | (g << 8) | b;
  }

  /** x / 255 rounded, exact for 0 <= x <= 255 * 255, without a division. */
  private static int div255(int x) {
    x += 128;
    return (x + (x >> 8)) >> 8;
  }

  private static int premultiplied(Color c) {
    double a = c.getOpacity();
    int ai = (int) Math.round(a * 255);
    int r = (int) Math.round(c.getRed() * a * 255);
    int g = (int) Math.round(c.getGreen() * a * 255);
    int b = (int) Math.round(c.getBlue() * a * 255);
    return (ai << 24) | (r << 16) | (g << 8) | b;
  }
}
