package org.layerlab.charts.internal;

import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Whether a chart can be seen. A chart on a tab that is not selected is still in the scene (the tab pane only hides its content),
 * and ChartFX redraws it whenever its data change: with four live charts in a run monitor's tabs, the three hidden ones doubled the
 * drawing a software-rendered window does while training takes the cores. The components therefore keep a hidden chart's redraw
 * pending and do it on the first pulse it is shown.
 */
public final class Visibility {

  private Visibility() {}

  /** JavaFX thread: {@code node} is in a scene and neither it nor any of its parents is hidden. */
  public static boolean shown(Node node) {
    if (node.getScene() == null) {
      return false;
    }
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs {@code check} at the start of every pulse while {@code node} is in a scene (before layout), so that a component can do a
   * redraw it held back while hidden as soon as it is shown again. JavaFX thread.
   */
  public static void onEveryPulse(Node node, Runnable check) {
    node.sceneProperty()
        .addListener(
            (obs, old, now) -> {
              if (old != null) {
                old.removePreLayoutPulseListener(check);
              }
              if (now != null) {
                now.addPreLayoutPulseListener(check);
              }
            });
    Scene scene = node.getScene();
    if (scene != null) {
      scene.addPreLayoutPulseListener(check);
    }
  }
}
