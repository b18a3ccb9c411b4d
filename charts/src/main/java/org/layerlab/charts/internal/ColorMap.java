package org.layerlab.charts.internal;

import javafx.scene.paint.Color;

/**
 * Viridis, the perceptually uniform colour map of matplotlib (van der Walt and Smith, 2015): dark blue through green to yellow,
 * readable in grey scale and by the common forms of colour blindness. Sampled at nine points and interpolated linearly.
 */
public final class ColorMap {

  private static final double[][] VIRIDIS = {
    {0.267, 0.005, 0.329},
    {0.283, 0.141, 0.458},
    {0.254, 0.265, 0.530},
    {0.207, 0.372, 0.553},
    {0.164, 0.471, 0.558},
    {0.128, 0.567, 0.551},
    {0.135, 0.659, 0.518},
    {0.267, 0.749, 0.441},
    {0.478, 0.821, 0.318},
    {0.741, 0.873, 0.150},
    {0.993, 0.906, 0.144},
  };

  private ColorMap() {}

  /** The colour at t in [0, 1]; values outside are clamped, NaN gives transparent. */
  public static Color viridis(double t) {
    if (Double.isNaN(t)) {
      return Color.TRANSPARENT;
    }
    double u = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
    int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(u));
    double f = u - i;
    double[] a = VIRIDIS[i];
    double[] b = VIRIDIS[i + 1];
    return Color.color(a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2]));
  }

  /** {@link #viridis} as a packed ARGB int, for pixel writers. */
  public static int viridisArgb(double t) {
    Color c = viridis(t);
    return argb(c);
  }

  /** A colour as packed, non-premultiplied ARGB. */
  public static int argb(Color c) {
    return ((int) Math.round(c.getOpacity() * 255) << 24)
        | ((int) Math.round(c.getRed() * 255) << 16)
        | ((int) Math.round(c.getGreen() * 255) << 8)
        | (int) Math.round(c.getBlue() * 255);
  }

  /** Black or white, whichever reads better on the background. */
  public static Color textOn(Color background) {
    double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
    return luminance > 0.5 ? Color.BLACK : Color.WHITE;
  }
}
