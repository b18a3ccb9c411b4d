package org.layerlab.app.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.runs.RunFileChooser.ExportFormat;
import org.layerlab.runtime.exchange.RunExporter;
import org.layerlab.runtime.exchange.RunJsonImporter;
import org.layerlab.runtime.exchange.TensorBoardImporter;
import org.layerlab.runtime.exchange.TensorBoardWriter;
import org.layerlab.runtime.store.RunStore;

/** The export and import work the runs view starts, on a worker thread, with the runtime's exchange formats. */
final class RunTransfers {

  private RunTransfers() {}

  /**
   * Exports the runs. CSV and JSON are one file written as a whole (replaced only once complete), so they cannot stop half-way;
   * TensorBoard writes a folder per run and stops after the run it is at when cancelled.
   */
  static String export(RunStore store, List<String> ids, ExportFormat format, Path to, JobProgress progress) throws IOException {
    String formatName = Messages.get("runs.format." + format.name());
    progress.setCancellable(format == ExportFormat.TENSORBOARD);
    switch (format) {
      case CSV -> RunExporter.exportCsv(store, ids, to);
      case JSON -> RunExporter.exportJson(store, ids, to);
      case TENSORBOARD -> {
        int done = 0;
        for (String id : ids) {
          if (progress.cancelled()) {
            progress.stoppedEarly();
            break;
          }
          TensorBoardWriter.write(store, id, to);
          progress.set(++done, ids.size());
        }
        return Messages.get("runs.export.done", done, formatName, to.toAbsolutePath());
      }
    }
    progress.set(ids.size(), ids.size());
    return Messages.get("runs.export.done", ids.size(), formatName, to.toAbsolutePath());
  }

  /** Imports every run folder under {@code folder}; one step, the importer stores each run in its own transaction. */
  static String importTensorBoard(RunStore store, Path folder, JobProgress progress) throws IOException {
    progress.setCancellable(false);
    List<TensorBoardImporter.ImportedRun> imported = TensorBoardImporter.importFolder(store, folder);
    long fresh = imported.stream().filter(r -> !r.alreadyImported()).count();
    progress.set(imported.size(), imported.size());
    return Messages.get("runs.import.done", fresh, imported.size() - fresh, folder.toAbsolutePath());
  }

  /** Imports a JSON export run by run, stopping after the run it is at when cancelled. */
  static String importJson(RunStore store, Path file, JobProgress progress) throws IOException {
    List<RunJsonImporter.ExportedRun> runs = RunJsonImporter.read(file);
    Map<String, String> origins = RunJsonImporter.importedOrigins(store);
    int fresh = 0;
    int before = 0;
    for (RunJsonImporter.ExportedRun run : runs) {
      if (progress.cancelled()) {
        progress.stoppedEarly();
        break;
      }
      if (RunJsonImporter.store(store, run, origins).alreadyImported()) {
        before++;
      } else {
        fresh++;
      }
      progress.set(fresh + before, runs.size());
    }
    return Messages.get("runs.import.done", fresh, before, file.toAbsolutePath());
  }
}
