package org.layerlab.app.model.canvas;

import org.layerlab.model.LayerSpec;

/**
 * The sizes of what the canvas draws, which follow the canvas's text size, and where the ports of a node are, in canvas
 * coordinates: inputs spread along the top edge, the output in the middle of the bottom.
 *
 * <p>Every length is its value at the {@linkplain #STANDARD_TEXT_SIZE standard text size} times {@link #scale()}: larger text (the
 * classroom mode for a projector) gives larger nodes, ports, gaps and wire hit areas, so the larger node texts still fit and the
 * drawing keeps its proportions.
 *
 * @param textSize the canvas's base font size in pixels (the window's text size)
 */
public record CanvasGeometry(double textSize) {

  /** The window's normal text size in pixels (app.css {@code .root}), at which every length below is its nominal value. */
  public static final double STANDARD_TEXT_SIZE = 13;

  /** The geometry at the normal text size. */
  public static final CanvasGeometry STANDARD = new CanvasGeometry(STANDARD_TEXT_SIZE);

  private static final double PORT_RADIUS = 6;
  private static final double WIRE_REACH = 14;

  public CanvasGeometry {
    if (!(textSize > 0) || Double.isInfinite(textSize)) {
      throw new IllegalArgumentException("The canvas text size must be a positive number of pixels, not " + textSize);
    }
  }

  /** How much larger than at the standard text size everything is drawn. */
  public double scale() {
    return textSize / STANDARD_TEXT_SIZE;
  }

  public double nodeWidth() {
    return CanvasViewModel.NODE_WIDTH * scale();
  }

  public double nodeHeight() {
    return CanvasViewModel.NODE_HEIGHT * scale();
  }

  public double portRadius() {
    return PORT_RADIUS * scale();
  }

  /** How near a port a wire must be dropped to go into it. */
  public double wireReach() {
    return WIRE_REACH * scale();
  }

  /** The room left around the drawing. */
  public double margin() {
    return GraphLayout.MARGIN * scale();
  }

  public double inputPortX(CanvasNode node, int port) {
    return node.x() + nodeWidth() * (port + 1) / (node.portCount() + 1);
  }

  public double inputPortY(CanvasNode node) {
    return node.y();
  }

  public double outputPortX(CanvasNode node) {
    return node.x() + nodeWidth() / 2;
  }

  public double outputPortY(CanvasNode node) {
    return node.y() + nodeHeight();
  }

  /**
   * The input port of {@code node} a wire dropped at ({@code x}, {@code y}) goes to: the port within reach of the point, else, for a
   * drop on the node's body, its first open port, its growing port, or its first port; -1 when the point is off the node.
   */
  public int portAt(CanvasNode node, double x, double y, double reach) {
    for (int p = 0; p < node.portCount(); p++) {
      if (Math.hypot(inputPortX(node, p) - x, inputPortY(node) - y) <= reach) {
        return p;
      }
    }
    boolean inside = x >= node.x() && x <= node.x() + nodeWidth() && y >= node.y() - reach && y <= node.y() + nodeHeight();
    if (!inside || node.portCount() == 0) {
      return -1;
    }
    int open = node.inputs().indexOf(LayerSpec.UNCONNECTED);
    if (open >= 0) {
      return open;
    }
    return node.growable() ? node.inputs().size() : 0;
  }
}
