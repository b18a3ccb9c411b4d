package org.layerlab.app.model;

import org.layerlab.model.layer.LayerType;

/** One layer type in the palette, with the name and explanation shown for it. */
public record PaletteEntry(LayerType type, String name, String description) {}
