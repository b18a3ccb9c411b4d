package org.layerlab.app.model.canvas;

/** Where the ports of a node are, in canvas coordinates: inputs spread along the top edge, the output in the middle of the bottom. */
public final class CanvasGeometry {

  private CanvasGeometry() {}

  public static double inputPortX(CanvasNode node, int port) {
    return node.x() + CanvasViewModel.NODE_WIDTH * (port + 1) / (node.portCount() + 1);
  }

  public static double inputPortY(CanvasNode node) {
    return node.y();
  }

  public static double outputPortX(CanvasNode node) {
    return node.x() + CanvasViewModel.NODE_WIDTH / 2;
  }

  public static double outputPortY(CanvasNode node) {
    return node.y() + CanvasViewModel.NODE_HEIGHT;
  }

  /**
   * The input port of {@code node} a wire dropped at ({@code x}, {@code y}) goes to: the port within reach of the point, else, for a
   * drop on the node's body, its first open port, its growing port, or its first port; -1 when the point is off the node.
   */
  public static int portAt(CanvasNode node, double x, double y, double reach) {
    for (int p = 0; p < node.portCount(); p++) {
      if (Math.hypot(inputPortX(node, p) - x, inputPortY(node) - y) <= reach) {
        return p;
      }
    }
    boolean inside =
        x >= node.x() && x <= node.x() + CanvasViewModel.NODE_WIDTH && y >= node.y() - reach && y <= node.y() + CanvasViewModel.NODE_HEIGHT;
    if (!inside || node.portCount() == 0) {
      return -1;
    }
    int open = node.inputs().indexOf(org.layerlab.model.LayerSpec.UNCONNECTED);
    if (open >= 0) {
      return open;
    }
    return node.growable() ? node.inputs().size() : 0;
  }
}
