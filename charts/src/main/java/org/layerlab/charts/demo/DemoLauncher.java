package org.layerlab.charts.demo;

import javafx.application.Application;

/**
 * Starts the charts demo: every component of the charts module with generated data, one tab each. A plain main class, because an
 * {@code Application} subclass as main class fails on the class path ("JavaFX runtime components are missing").
 *
 * <p>Arguments: {@code --show=NAME} opens only that component's view, for a screenshot; names are {@code scalar}, {@code
 * smoothing}, {@code confusion}, {@code histogram}, {@code boundary}, {@code samples}, {@code parallel}, {@code schedule} and
 * {@code metric}.
 */
public final class DemoLauncher {

  private DemoLauncher() {}

  public static void main(String[] args) {
    Application.launch(DemoApp.class, args);
  }
}
