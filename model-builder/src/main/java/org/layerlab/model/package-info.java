/**
 * The model as data: a network is a {@link org.layerlab.model.ModelSpec} of {@link org.layerlab.model.LayerSpec}s.
 *
 * <p>This module knows nothing of JavaFX or of any deep-learning engine; the training runtime compiles a spec to an engine block.
 */
package org.layerlab.model;
