package org.layerlab.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Deletes runs for good. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete runs for good, with their points and their folder in the workspace. A run still being recorded is refused.",
      "Runs selected by filters instead of ids are only listed unless --yes is given."
    })
final class RunsDeleteCommand extends RunsSubcommand implements Callable<Integer> {

  @Parameters(arity = "0..*", paramLabel = "RUN", description = "Runs to delete, by id or its first letters.")
  List<String> runs = new ArrayList<>();

  @Mixin RunSelection selection;

  @Option(names = "--yes", description = "Delete the runs the filters select, not just list them.")
  boolean yes;

  @Override
  public Integer call() {
    if (runs.isEmpty() && !selection.filtered()) {
      throw new IllegalArgumentException("name the runs to delete, or select them with filters such as --status failed");
    }
    try (Workspace ws = openWorkspace()) {
      RunStore store = ws.runStore();
      List<String> ids;
      if (runs.isEmpty()) {
        List<RunEntry> selected = store.findRuns(selection.filter());
        ids = selected.stream().map(RunEntry::id).toList();
        if (!yes) {
          for (RunEntry e : selected) {
            out().printf("%s  %-11s %s%n", e.id(), e.summary().status(), e.name());
          }
          out().printf("%d %s would be deleted: add --yes to delete %s.%n", ids.size(), ids.size() == 1 ? "run" : "runs", ids.size() == 1 ? "it" : "them");
          return 0;
        }
      } else {
        ids = resolve(store, runs);
      }
      for (String id : ids) {
        ws.deleteRun(id);
        out().printf("%s  deleted%n", id);
      }
      return 0;
    }
  }
}
