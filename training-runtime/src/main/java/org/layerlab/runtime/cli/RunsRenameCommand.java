package org.layerlab.runtime.cli;

import java.util.concurrent.Callable;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Renames a run. */
@Command(name = "rename", mixinStandardHelpOptions = true, description = "Give a run a new name.")
final class RunsRenameCommand extends RunsSubcommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUN", description = "The run, by id or its first letters.")
  String run;

  @Parameters(index = "1", paramLabel = "NAME", description = "The new name.")
  String name;

  @Override
  public Integer call() {
    try (Workspace ws = openWorkspace()) {
      RunStore store = ws.runStore();
      String id = resolveOne(store, run);
      store.rename(id, name);
      out().printf("%s  renamed to %s%n", id, name);
      return 0;
    }
  }
}
