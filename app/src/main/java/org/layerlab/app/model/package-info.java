/**
 * The model page: a searchable palette of layer types, the model as a graph on a canvas (package {@code canvas}) with its output
 * shapes, parameter counts and problems, and a right-hand slot with the settings of the selected layer.
 * {@link org.layerlab.app.model.ModelEditorViewModel} holds all state, runs every change as an undoable edit of model-builder's
 * {@code EditHistory}, and validates; the views only draw it and forward gestures.
 */
package org.layerlab.app.model;
