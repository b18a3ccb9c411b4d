package org.layerlab.app.training.monitor;

import javafx.scene.Node;

/** What the monitor's view sets up around its charts. */
public final class MonitorSupport {

  private MonitorSupport() {}

  /** Keeps ChartFX's dashed grid patterns cached while {@code node} is shown (see {@link DashPatternPin}). */
  public static void pinDashPatterns(Node node) {
    DashPatternPin.install(node);
  }

  /** How many of ChartFX's grid patterns are held; 0 when its cache could not be reached. */
  public static int pinnedDashPatterns() {
    return DashPatternPin.pinned();
  }
}
