package org.layerlab.app.settings;

/** The window's colours: light on Modena, or dark. */
public enum Theme {
  LIGHT(null),
  DARK("dark.css");

  private final String stylesheet;

  Theme(String stylesheet) {
    this.stylesheet = stylesheet;
  }

  /** The stylesheet added after {@code app.css}, beside {@code MainView}; {@code null} for none. */
  public String stylesheet() {
    return stylesheet;
  }
}
