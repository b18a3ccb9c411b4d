/**
 * The model as a graph on a canvas: {@link org.layerlab.app.model.canvas.ModelCanvas} draws nodes with ports and wires and turns
 * gestures into {@link org.layerlab.app.model.canvas.CanvasCommands}; {@link org.layerlab.app.model.canvas.CanvasViewModel} holds
 * what it draws (positions, selection, zoom) and is tested without a screen; {@link org.layerlab.app.model.canvas.GraphLayout} is
 * the layered (Sugiyama-style) automatic layout.
 */
package org.layerlab.app.model.canvas;
