/**
 * Inspector components for the model page, each usable on its own: {@link org.layerlab.app.model.inspect.LayerPropertySheet} edits
 * the selected layer's name and settings through {@link org.layerlab.app.model.inspect.LayerEdits}, {@link
 * org.layerlab.app.model.inspect.ModelSummaryView} shows the Keras-style summary table with totals, and {@link
 * org.layerlab.app.model.inspect.CodeExportView} shows the model as DJL, PyTorch or Keras code with a Copy button.
 *
 * <p>None of them changes the model: they read it from an {@code ObservableValue<ModelSpec>} and ask for edits through {@code
 * LayerEdits}, which the model page implements with the model builder's undoable edits.
 */
package org.layerlab.app.model.inspect;
