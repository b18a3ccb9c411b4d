package org.layerlab.runtime.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Archives runs, or brings them back. */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = "Archive runs: lists leave them out (see them with 'runs list --archived'); nothing is deleted.")
final class RunsArchiveCommand extends RunsSubcommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "RUN", description = "Runs to archive, by id or its first letters.")
  List<String> runs;

  @Option(names = "--undo", description = "Bring the runs back from the archive.")
  boolean undo;

  @Override
  public Integer call() {
    try (Workspace ws = openWorkspace()) {
      RunStore store = ws.runStore();
      for (String id : resolve(store, runs)) {
        store.setArchived(id, !undo);
        out().printf("%s  %s%n", id, undo ? "back from the archive" : "archived");
      }
      return 0;
    }
  }
}
