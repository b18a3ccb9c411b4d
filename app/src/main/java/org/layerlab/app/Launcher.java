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
    Application.launch(LayerlabApp.class, args);
  }
}
