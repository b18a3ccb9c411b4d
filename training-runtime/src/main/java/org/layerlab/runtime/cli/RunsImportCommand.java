package org.layerlab.runtime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.layerlab.runtime.exchange.TensorBoardImporter;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Imports TensorBoard logs as read-only runs. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import TensorBoard logs as read-only runs: every folder at or below FOLDER that holds event files becomes one run.",
      "A folder imported before is not imported again."
    })
final class RunsImportCommand extends RunsSubcommand implements Callable<Integer> {

  @Parameters(paramLabel = "FOLDER", description = "A TensorBoard log folder (--logdir).")
  Path folder;

  @Override
  public Integer call() throws IOException {
    try (Workspace ws = openWorkspace()) {
      List<TensorBoardImporter.ImportedRun> imported = TensorBoardImporter.importFolder(ws.runStore(), folder);
      int fresh = 0;
      for (TensorBoardImporter.ImportedRun r : imported) {
        out().printf("%s  %s%s%n", r.runId(), r.folder(), r.alreadyImported() ? "  (imported before)" : "");
        fresh += r.alreadyImported() ? 0 : 1;
      }
      out().printf("Imported %d new %s from %s%n", fresh, fresh == 1 ? "run" : "runs", folder.toAbsolutePath());
      return 0;
    }
  }
}
