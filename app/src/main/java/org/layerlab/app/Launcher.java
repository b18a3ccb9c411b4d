package org.layerlab.app;

import javafx.application.Application;
import org.layerlab.runtime.cli.Cli;

/**
 * The main class. A first argument that is a command ({@code train}, {@code runs}, {@code help}) runs the command line and exits with
 * its code, without starting JavaFX; otherwise the window opens ({@code --project PATH} picks the project).
 *
 * <p>This class does not extend {@link Application}: started from the class path, a main class that does fails with "JavaFX runtime
 * components are missing".
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    if (StartupOptions.isCommand(args)) {
      System.exit(Cli.run(args));
    }
    renderingDefaults();
    Application.launch(LayerlabApp.class, args);
  }

  /**
   * JavaFX draws a region's background from a cached image, stretched in nine slices; that saves GPU draw calls, but the software
   * renderer (a machine without a usable GPU, a remote desktop, a virtual machine) pays for every stretched pixel, and with the
   * monitor's charts redrawing while training takes the cores it doubled the window's longest stalls (see docs/architecture.md).
   * Plain rectangles cost a GPU next to nothing, so the cache is off unless {@code -Dprism.disableRegionCaching=false} says otherwise.
   * Must run before the toolkit starts.
   */
  static void renderingDefaults() {
    if (System.getProperty("prism.disableRegionCaching") == null) {
      System.setProperty("prism.disableRegionCaching", "true");
    }
  }
}
