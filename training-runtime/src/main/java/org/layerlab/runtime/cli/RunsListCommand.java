package org.layerlab.runtime.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunFilter;
import org.layerlab.runtime.store.RunSummary;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Lists runs with filters, newest first or by a metric. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the runs, newest first, or sorted by a series' final or best value. Archived runs are left out unless asked for.")
final class RunsListCommand extends RunsSubcommand implements Callable<Integer> {

  @Mixin RunSelection selection;

  @Override
  public Integer call() {
    try (Workspace ws = openWorkspace()) {
      return print(out(), ws, selection);
    }
  }

  static int print(PrintWriter out, Workspace ws, RunSelection selection) {
    RunFilter filter = selection.filter();
    List<RunEntry> runs = ws.runStore().findRuns(filter);
    if (runs.isEmpty()) {
      if (!selection.filtered() && ws.runStore().listRuns().isEmpty()) {
        out.println("No runs yet in " + ws.runStore().file() + ". Train one with: ./layerlab train sample-projects/spiral");
      } else {
        out.println("No runs match" + (selection.filtered() ? " these filters." : "; archived runs show with --all."));
      }
      return 0;
    }
    String sortTag = selection.sortTag();
    String metricHeader = sortTag == null ? "" : "  " + selection.sortKind().name() + " " + sortTag;
    out.printf(
        "%-12s  %-11s  %-19s  %9s  %7s%s  %-8s  %s%n", "ID", "STATUS", "STARTED", "DURATION", "VAL_ACC", metricHeader, "GROUP", "NAME [TAGS]");
    for (RunEntry e : runs) {
      RunSummary r = e.summary();
      String metric =
          sortTag == null ? "" : String.format("  %" + (metricHeader.length() - 2) + "s", Formats.value(e.metricValue(sortTag, selection.sortKind())));
      out.printf(
          Locale.ROOT,
          "%-12s  %-11s  %-19s  %9s  %7s%s  %-8s  %s%s%s%n",
          r.id(),
          r.status(),
          Formats.time(r.startedAtMillis()),
          Formats.seconds(r.duration().toMillis()),
          Formats.value(r.finalValidationAccuracy()),
          metric,
          e.groupId() == null ? "-" : Formats.cut(e.groupId(), 8),
          r.name(),
          e.labels().isEmpty() ? "" : " [" + String.join(", ", e.labels()) + "]",
          e.archived() ? " (archived)" : "");
    }
    return 0;
  }
}
