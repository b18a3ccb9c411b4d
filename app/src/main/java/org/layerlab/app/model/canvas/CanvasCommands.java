package org.layerlab.app.model.canvas;

import org.layerlab.model.layer.LayerType;

/** The model edits a canvas gesture asks for; the model editor's view model runs them as undoable edits. */
public interface CanvasCommands {

  /** Adds a layer of {@code type} with its node centred at ({@code x}, {@code y}) in canvas coordinates, its inputs unconnected. */
  void addLayerAt(LayerType type, double x, double y);

  /** Connects the output of {@code from} to input port {@code port} of {@code to}; returns whether the model took it. */
  boolean connect(String from, String to, int port);

  /** Puts the nodes where the user dragged them, as one undoable step. */
  void placeNodes(java.util.Map<String, org.layerlab.model.project.Layout.Position> positions);

  /** Removes the selected layers, or disconnects the selected wire, as one undoable step. */
  void removeSelected();
}
