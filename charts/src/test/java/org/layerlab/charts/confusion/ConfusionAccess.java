package org.layerlab.charts.confusion;

/** Test access to the view's redraw count from other packages. */
public final class ConfusionAccess {

  private ConfusionAccess() {}

  public static long redraws(ConfusionMatrixView view) {
    return view.redraws;
  }
}
