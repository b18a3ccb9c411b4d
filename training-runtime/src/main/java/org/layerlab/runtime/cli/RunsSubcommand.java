package org.layerlab.runtime.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every {@code runs} subcommand has: the workspace option (or its parent's) and run ids given by their first letters. */
abstract class RunsSubcommand {

  @Spec CommandSpec spec;

  @ParentCommand RunsCommand parent;

  @Mixin WorkspaceOption workspaceOption;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** The workspace named on this command, else on {@code runs} before it ({@code runs -w DIR show ...}), else the default. */
  Workspace openWorkspace() {
    if (workspaceOption.workspace == null && parent != null && parent.workspaceOption.workspace != null) {
      return parent.workspaceOption.open();
    }
    return workspaceOption.open();
  }

  /**
   * The full ids of runs given by id or by the first letters of one (as git takes commits), in the order given, each once.
   *
   * @throws IllegalArgumentException naming an id that matches no run, or more than one
   */
  static List<String> resolve(RunStore store, List<String> given) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (String g : given) {
      List<String> found = store.runIdsStartingWith(g.strip());
      if (found.isEmpty()) {
        throw new IllegalArgumentException("no run has an id starting with '" + g + "' in " + store.file() + " (see ./layerlab runs)");
      }
      if (found.size() > 1 && !found.contains(g)) {
        throw new IllegalArgumentException(
            "'" + g + "' starts the ids of " + found.size() + " runs (" + String.join(", ", found.subList(0, Math.min(5, found.size())))
                + "): give more of the id");
      }
      ids.add(found.contains(g) ? g : found.get(0));
    }
    return new ArrayList<>(ids);
  }

  static String resolveOne(RunStore store, String given) {
    return resolve(store, List.of(given)).get(0);
  }
}
