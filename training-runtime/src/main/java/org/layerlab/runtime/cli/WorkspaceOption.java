package org.layerlab.runtime.cli;

import java.nio.file.Path;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Option;

/** The {@code --workspace} option shared by the commands. */
final class WorkspaceOption {
  @Option(
      names = {"-w", "--workspace"},
      paramLabel = "DIR",
      description = "Workspace folder holding the run store (default: $LAYERLAB_HOME or ~/.layerlab).")
  Path workspace;

  Workspace open() {
    return workspace == null ? Workspace.openDefault() : Workspace.open(workspace);
  }
}
