package org.layerlab.runtime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerlab.runtime.exchange.RunExporter;
import org.layerlab.runtime.exchange.TensorBoardWriter;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Exports runs as CSV, JSON or TensorBoard event files. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export runs with every point: CSV (one row per point), JSON (runs with their configuration and series) or TensorBoard event files",
      "(a folder per run under OUT). Without RUN, exports the runs the filters select (by default every run not archived)."
    })
final class RunsExportCommand extends RunsSubcommand implements Callable<Integer> {

  @Parameters(arity = "0..*", paramLabel = "RUN", description = "Runs to export, by id or its first letters.")
  List<String> runs = new ArrayList<>();

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, json or tensorboard.")
  String format;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "PATH", description = "The file to write (csv, json) or the log folder (tensorboard).")
  Path outPath;

  @Mixin RunSelection selection;

  @Override
  public Integer call() throws IOException {
    String f = format.toLowerCase(Locale.ROOT);
    if (!List.of("csv", "json", "tensorboard").contains(f)) {
      throw new IllegalArgumentException("--format must be csv, json or tensorboard, not " + format);
    }
    try (Workspace ws = openWorkspace()) {
      RunStore store = ws.runStore();
      List<String> ids = runs.isEmpty() ? store.findRuns(selection.filter()).stream().map(RunEntry::id).toList() : resolve(store, runs);
      if (ids.isEmpty()) {
        err().println("No runs to export: none match.");
        return 1;
      }
      switch (f) {
        case "csv":
          RunExporter.exportCsv(store, ids, outPath);
          break;
        case "json":
          RunExporter.exportJson(store, ids, outPath);
          break;
        default:
          TensorBoardWriter.writeAll(store, ids, outPath);
          break;
      }
      out().printf("Exported %d %s as %s to %s%n", ids.size(), ids.size() == 1 ? "run" : "runs", f, outPath.toAbsolutePath());
      if (f.equals("tensorboard")) {
        out().println("View with: tensorboard --logdir " + outPath.toAbsolutePath());
      }
      return 0;
    }
  }
}
