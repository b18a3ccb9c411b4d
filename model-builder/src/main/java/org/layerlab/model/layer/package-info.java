/** The layer catalog: every layer type with its typed settings, defaults, allowed ranges and explanations. */
package org.layerlab.model.layer;
