package org.layerlab.app.model;

import java.util.List;

/** The palette's layer types of one family, under a heading such as "Convolution". */
public record PaletteGroup(String title, List<PaletteEntry> entries) {

  public PaletteGroup {
    entries = List.copyOf(entries);
  }
}
