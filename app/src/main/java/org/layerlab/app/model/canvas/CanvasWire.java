package org.layerlab.app.model.canvas;

import java.util.List;
import org.layerlab.model.project.Layout.Position;

/**
 * A connection as the canvas draws it: from the output of {@code from} into input port {@code port} of {@code to}, through the bend
 * points the automatic layout gave a wire that spans several rows (none once either end was placed by hand).
 */
public record CanvasWire(String from, String to, int port, List<Position> bends) {

  public CanvasWire {
    bends = List.copyOf(bends);
  }

  /** Whether this is the wire between the same ports as {@code other}, wherever it is drawn. */
  public boolean sameEnds(CanvasWire other) {
    return other != null && from.equals(other.from) && to.equals(other.to) && port == other.port;
  }
}
