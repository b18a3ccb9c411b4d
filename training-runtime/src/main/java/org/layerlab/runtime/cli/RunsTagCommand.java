package org.layerlab.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Adds and removes a run's tags. */
@Command(name = "tag", mixinStandardHelpOptions = true, description = "Add tags to runs or remove them; prints each run's tags after.")
final class RunsTagCommand extends RunsSubcommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "RUN", description = "Runs to tag, by id or its first letters.")
  List<String> runs;

  @Option(names = "--add", split = ",", paramLabel = "TAG", description = "Tags to add.")
  List<String> add = new ArrayList<>();

  @Option(names = "--remove", split = ",", paramLabel = "TAG", description = "Tags to remove.")
  List<String> remove = new ArrayList<>();

  @Override
  public Integer call() {
    if (add.isEmpty() && remove.isEmpty()) {
      throw new IllegalArgumentException("give --add TAG or --remove TAG (or both)");
    }
    try (Workspace ws = openWorkspace()) {
      RunStore store = ws.runStore();
      for (String id : resolve(store, runs)) {
        store.addLabels(id, add);
        store.removeLabels(id, remove);
        List<String> now = store.labels(id);
        out().printf("%s  %s%n", id, now.isEmpty() ? "(no tags)" : String.join(", ", now));
      }
      return 0;
    }
  }
}
