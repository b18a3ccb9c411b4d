package org.layerlab.runtime.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.layerlab.runtime.store.MetricSummary;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunFilter;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.tracking.Axis;
import org.layerlab.runtime.tracking.ConfigDiff;
import org.layerlab.runtime.tracking.Curve;
import org.layerlab.runtime.tracking.GroupComparison;
import org.layerlab.runtime.tracking.GroupCurve;
import org.layerlab.runtime.tracking.HyperparameterTable;
import org.layerlab.runtime.tracking.RunComparison;
import org.layerlab.runtime.tracking.SeriesAlignment;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Compares runs, or groups of seeds. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare runs: the settings they differ in, their settings against their final and best results, and their series side by side.",
      "With runs of two or more groups (--group), also each group's mean and spread and whether one group is significantly better."
    })
final class RunsCompareCommand extends RunsSubcommand implements Callable<Integer> {

  @Parameters(arity = "0..*", paramLabel = "RUN", description = "Runs to compare, by id or its first letters.")
  List<String> runs = new ArrayList<>();

  @Option(names = "--group", paramLabel = "ID", description = "Compare every run of this group; repeat to compare groups.")
  List<String> groups = new ArrayList<>();

  @Option(
      names = "--metric",
      paramLabel = "TAG",
      description = "A series to show and test, such as step/loss; repeatable. Default: epoch/validation_accuracy.")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--by", paramLabel = "AXIS", defaultValue = "step", description = "Align series by step, epoch or time. Default: ${DEFAULT-VALUE}.")
  String by;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "11", description = "Rows per series table. Default: ${DEFAULT-VALUE}.")
  int rows;

  @Option(
      names = "--value",
      paramLabel = "final|best",
      defaultValue = "final",
      description = "Which value of the metric groups are tested on. Default: ${DEFAULT-VALUE}.")
  String value;

  @Override
  public Integer call() {
    Axis axis = Axis.parse(by);
    MetricSummary.Kind kind = MetricSummary.Kind.parse(value);
    try (Workspace ws = openWorkspace()) {
      RunStore store = ws.runStore();
      LinkedHashSet<String> ids = new LinkedHashSet<>(resolve(store, runs));
      for (String g : groups) {
        List<RunEntry> members = store.findRuns(RunFilter.ALL.withGroupId(g).withArchived(RunFilter.Archived.INCLUDE));
        if (members.isEmpty()) {
          throw new IllegalArgumentException("no run belongs to group '" + g + "'");
        }
        members.stream().sorted(Comparator.comparing((RunEntry e) -> e.summary().startedAtMillis())).forEach(e -> ids.add(e.id()));
      }
      if (ids.size() < 2) {
        throw new IllegalArgumentException("compare needs two or more runs, or a group of two or more: got " + ids.size());
      }
      List<String> series = metrics.isEmpty() ? List.of(RunComparison.DEFAULT_METRICS.get(0)) : metrics;
      RunComparison c = RunComparison.load(store, List.copyOf(ids), series, metrics.isEmpty() ? null : metrics, axis);
      PrintWriter out = out();
      printRuns(out, c);
      printDiff(out, c);
      printTable(out, c.hyperparameters());
      for (Map.Entry<String, List<Curve>> e : c.curves().entrySet()) {
        printSeries(out, e.getKey(), e.getValue());
      }
      printGroups(out, store, c, series.get(0), kind);
      return 0;
    }
  }

  private static void printRuns(PrintWriter out, RunComparison c) {
    out.printf("Comparing %d runs%n", c.runs().size());
    for (int i = 0; i < c.runs().size(); i++) {
      RunEntry r = c.runs().get(i);
      out.printf(
          "  #%-2d %s  %-11s %s%s%n",
          i + 1,
          r.id(),
          r.summary().status(),
          r.name(),
          r.groupId() == null ? "" : "  (group " + r.groupId() + ")");
    }
  }

  private static void printDiff(PrintWriter out, RunComparison c) {
    ConfigDiff d = c.configDiff();
    if (d.identical()) {
      out.println("Configuration: identical (hash " + c.runs().get(0).configHash().substring(0, 12) + ")");
      return;
    }
    out.printf("Configuration differences (%d %s)%n", d.rows().size(), d.rows().size() == 1 ? "setting" : "settings");
    int width = Math.max(7, d.rows().stream().mapToInt(r -> r.path().length()).max().orElse(7));
    StringBuilder head = new StringBuilder(String.format("  %-" + width + "s", "SETTING"));
    for (int i = 0; i < d.runIds().size(); i++) {
      head.append(String.format("  %-14s", "#" + (i + 1)));
    }
    out.println(head.toString().stripTrailing());
    for (ConfigDiff.Row row : d.rows()) {
      StringBuilder line = new StringBuilder(String.format("  %-" + width + "s", row.path()));
      for (String v : row.values()) {
        line.append(String.format("  %-14s", Formats.cut(v, 14)));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static void printTable(PrintWriter out, HyperparameterTable t) {
    if (t.metrics().isEmpty() && t.parameters().isEmpty()) {
      return;
    }
    out.println("Settings and results");
    StringBuilder head = new StringBuilder("  RUN ");
    for (String p : t.parameters()) {
      head.append(String.format("  %-14s", Formats.cut(shortName(p), 14)));
    }
    int[] width = new int[t.metrics().size()];
    for (int m = 0; m < width.length; m++) {
      String name = shortMetric(t.metrics().get(m));
      width[m] = Math.max(8, 6 + name.length());
      head.append(String.format("  %" + width[m] + "s  %" + width[m] + "s", "final " + name, "best " + name));
    }
    out.println(head.toString().stripTrailing());
    for (int i = 0; i < t.rows().size(); i++) {
      HyperparameterTable.Row row = t.rows().get(i);
      StringBuilder line = new StringBuilder(String.format("  #%-3d", i + 1));
      for (String v : row.parameters()) {
        line.append(String.format("  %-14s", Formats.cut(v, 14)));
      }
      for (int m = 0; m < t.metrics().size(); m++) {
        line.append(String.format("  %" + width[m] + "s  %" + width[m] + "s", Formats.value(row.finals()[m]), Formats.value(row.bests()[m])));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private void printSeries(PrintWriter out, String tag, List<Curve> curves) {
    SeriesAlignment.Table table = SeriesAlignment.sample(curves, rows);
    out.printf("Series %s by %s%n", tag, table.axis().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    StringBuilder head = new StringBuilder(String.format("  %10s", table.axis() == Axis.WALL_TIME ? "SECONDS" : table.axis().name()));
    for (int i = 0; i < curves.size(); i++) {
      head.append(String.format("  %10s", "#" + (i + 1)));
    }
    out.println(head);
    for (int k = 0; k < table.x().length; k++) {
      StringBuilder line = new StringBuilder(String.format("  %10s", Formats.x(table.x()[k])));
      for (double[] y : table.y()) {
        line.append(String.format("  %10s", Formats.value(y[k])));
      }
      out.println(line);
    }
    for (int i = 0; i < curves.size(); i++) {
      if (!curves.get(i).note().isEmpty()) {
        out.printf("  #%d: %s%n", i + 1, curves.get(i).note());
      }
    }
  }

  private void printGroups(PrintWriter out, RunStore store, RunComparison c, String tag, MetricSummary.Kind kind) {
    Map<String, List<RunEntry>> byGroup = new LinkedHashMap<>();
    for (RunEntry r : c.runs()) {
      if (r.groupId() != null) {
        byGroup.computeIfAbsent(r.groupId(), g -> new ArrayList<>()).add(r);
      }
    }
    // Group statistics when asked for with --group, or when the runs hold two groups of two or more runs each.
    if (groups.isEmpty() && byGroup.values().stream().filter(g -> g.size() >= 2).count() < 2) {
      return;
    }
    out.printf("Groups: %s per step, mean ± sd over each group's runs%n", tag);
    for (Map.Entry<String, List<RunEntry>> g : byGroup.entrySet()) {
      GroupCurve curve = GroupCurve.of(tag, g.getValue().stream().map(r -> store.series(r.id(), tag)).toList());
      out.printf(
          "  group %s: %d runs, seeds %s%n",
          g.getKey(),
          g.getValue().size(),
          g.getValue().stream().map(r -> r.seed() == null ? "?" : String.valueOf(r.seed())).toList());
      int n = curve.size();
      int shown = Math.min(rows, n);
      for (int k = 0; k < shown; k++) {
        int i = shown == 1 ? n - 1 : (int) Math.round((double) k * (n - 1) / (shown - 1));
        out.printf(
            "    step %-8d %s ± %s  (n=%d, range %s to %s)%n",
            curve.steps()[i],
            Formats.value(curve.mean()[i]),
            Formats.value(curve.sd()[i]),
            curve.n()[i],
            Formats.value(curve.min()[i]),
            Formats.value(curve.max()[i]));
      }
    }
    List<String> names = List.copyOf(byGroup.keySet());
    for (int a = 0; a < names.size(); a++) {
      for (int b = a + 1; b < names.size(); b++) {
        GroupComparison gc =
            GroupComparison.compare(
                "group " + names.get(a), byGroup.get(names.get(a)), "group " + names.get(b), byGroup.get(names.get(b)), tag, kind);
        out.println(gc.sentence());
      }
    }
  }

  /** A series' name short enough for a column: {@code epoch/validation_accuracy} is {@code val_acc}. */
  private static String shortMetric(String tag) {
    return shortName(tag).replace("validation", "val").replace("accuracy", "acc").replace("samples_per_second", "samples/s");
  }

  /** The last part of a setting's or series' path: {@code learningRate}, {@code validation_accuracy}. */
  private static String shortName(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('/'));
    return path.substring(cut + 1);
  }
}
