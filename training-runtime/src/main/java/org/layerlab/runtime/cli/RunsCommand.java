package org.layerlab.runtime.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerlab.runtime.store.RunSummary;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the recorded runs, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the runs in the workspace's run store, newest first.")
final class RunsCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Spec CommandSpec spec;

  @Mixin WorkspaceOption workspaceOption;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace ws = workspaceOption.open()) {
      List<RunSummary> runs = ws.runStore().listRuns();
      if (runs.isEmpty()) {
        out.println("No runs yet in " + ws.runStore().file() + ". Train one with: ./layerlab train sample-projects/spiral");
        return 0;
      }
      out.printf("%-12s  %-11s  %-19s  %9s  %7s  %s%n", "ID", "STATUS", "STARTED", "DURATION", "VAL_ACC", "NAME");
      for (RunSummary r : runs) {
        out.printf(
            Locale.ROOT,
            "%-12s  %-11s  %-19s  %8.1fs  %7s  %s%n",
            r.id(),
            r.status(),
            TIME.format(Instant.ofEpochMilli(r.startedAtMillis())),
            r.duration().toMillis() / 1000.0,
            Double.isNaN(r.finalValidationAccuracy()) ? "-" : String.format(Locale.ROOT, "%.4f", r.finalValidationAccuracy()),
            r.name());
      }
      return 0;
    }
  }
}
