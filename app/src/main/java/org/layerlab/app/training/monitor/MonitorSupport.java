package org.layerlab.app.training.monitor;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** What the monitor's view sets up around its charts. */
public final class MonitorSupport {

  private MonitorSupport() {}

  /** Keeps ChartFX's dashed grid patterns cached while {@code node} is shown (see {@link DashPatternPin}). */
  public static void pinDashPatterns(Node node) {
    DashPatternPin.install(node);
  }

  /** A line over an empty chart that says what will appear there; it lets clicks through to the chart. */
  static Label chartHint(String text, double maxWidth) {
    Label hint = new Label(text);
    hint.getStyleClass().add("chart-hint");
    hint.setWrapText(true);
    hint.setMaxWidth(maxWidth);
    hint.setMouseTransparent(true);
    return hint;
  }

  /** How many of ChartFX's grid patterns are held; 0 when its cache could not be reached. */
  public static int pinnedDashPatterns() {
    return DashPatternPin.pinned();
  }
}
