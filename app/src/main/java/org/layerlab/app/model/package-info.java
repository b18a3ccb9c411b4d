/**
 * The model editor: a palette of layer types, the model as a list of layer cards with their output shapes and parameter counts, and
 * a settings form that validates as the user types. {@link org.layerlab.app.model.ModelEditorViewModel} holds all state and
 * validation; the views only draw it and forward clicks.
 */
package org.layerlab.app.model;
