/** The exporters for DJL, PyTorch and Keras, and the plan they share: graph order, output layer, identifiers per layer. */
package org.layerlab.model.export.spi;
