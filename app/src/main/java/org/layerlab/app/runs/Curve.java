package org.layerlab.app.runs;

/** Points of one curve, x and y of equal length. The arrays are not copied: treat them as read-only. */
public record Curve(double[] x, double[] y) {

  public Curve {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
    }
  }

  public int size() {
    return x.length;
  }
}
