package org.layerlab.runtime.cli;

import java.util.concurrent.Callable;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The recorded runs: without a subcommand, lists them as {@code runs list} does. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "List, inspect, compare, export, import and curate the runs in the workspace's run store.",
      "Without a subcommand, lists the runs (as 'runs list'). Runs are named by their id or its first letters."
    },
    subcommands = {
      RunsListCommand.class,
      RunsShowCommand.class,
      RunsCompareCommand.class,
      RunsExportCommand.class,
      RunsImportCommand.class,
      RunsTagCommand.class,
      RunsRenameCommand.class,
      RunsNoteCommand.class,
      RunsArchiveCommand.class,
      RunsDeleteCommand.class
    })
final class RunsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WorkspaceOption workspaceOption;

  @Mixin RunSelection selection;

  @Override
  public Integer call() {
    try (Workspace ws = workspaceOption.open()) {
      return RunsListCommand.print(spec.commandLine().getOut(), ws, selection);
    }
  }
}
