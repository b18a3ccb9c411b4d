package org.layerlab.app.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.layerlab.app.i18n.Messages;
import org.layerlab.runtime.store.MetricSeries;
import org.layerlab.runtime.store.MetricSummary;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.tracking.Axis;
import org.layerlab.runtime.tracking.ConfigDiff;
import org.layerlab.runtime.tracking.GroupComparison;
import org.layerlab.runtime.tracking.HyperparameterTable;
import org.layerlab.runtime.tracking.stats.Sample;
import org.layerlab.runtime.tracking.stats.TTest;

/** Builds a {@link RunsComparison} from the store with the runtime's tracking: config diff, hyperparameter table, group t-tests. */
final class RunsComparisons {

  /** At most this many settings become axes of the parallel coordinates, so the axes stay readable. */
  static final int MAX_PARALLEL_SETTINGS = 8;

  private RunsComparisons() {}

  /** Reads the runs' entries and their series of {@code tag}; call on a worker thread. */
  static RunsComparison load(RunStore store, List<String> ids, String tag) {
    List<RunEntry> runs = new ArrayList<>();
    for (String id : ids) {
      runs.add(store.entry(id).orElseThrow(() -> new IllegalArgumentException(Messages.get("runs.compare.gone", id))));
    }
    Map<String, Map<String, MetricSeries>> points = store.series(ids, List.of(tag));
    Map<String, String> configs = new LinkedHashMap<>();
    List<RunCurve> curves = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      RunEntry r = runs.get(i);
      configs.put(r.id(), r.summary().configJson());
      curves.add(curve(r, i, points.get(r.id()).get(tag)));
    }
    Map<String, List<RunEntry>> byGroup = new LinkedHashMap<>();
    for (RunEntry r : runs) {
      if (r.groupId() != null) {
        byGroup.computeIfAbsent(r.groupId(), g -> new ArrayList<>()).add(r);
      }
    }
    byGroup.values().removeIf(members -> members.size() < 2);
    List<SeedGroupSummary> groups = new ArrayList<>();
    int color = runs.size();
    for (Map.Entry<String, List<RunEntry>> g : byGroup.entrySet()) {
      Sample s = Sample.of(g.getValue().stream().mapToDouble(r -> r.metricValue(tag, MetricSummary.Kind.FINAL)).toArray());
      String name = groupName(g.getKey(), g.getValue());
      groups.add(
          new SeedGroupSummary(
              g.getKey(), name, g.getValue().stream().map(RunEntry::id).toList(), color++, s.n(), s.mean(), s.sd(),
              name + ": " + describe(tag, s)));
    }
    List<String> statements = new ArrayList<>();
    List<String> groupIds = List.copyOf(byGroup.keySet());
    for (int a = 0; a < groupIds.size(); a++) {
      for (int b = a + 1; b < groupIds.size(); b++) {
        List<RunEntry> ga = byGroup.get(groupIds.get(a));
        List<RunEntry> gb = byGroup.get(groupIds.get(b));
        GroupComparison gc =
            GroupComparison.compare(groupName(groupIds.get(a), ga), ga, groupName(groupIds.get(b), gb), gb, tag, MetricSummary.Kind.FINAL);
        statements.add(statement(gc));
      }
    }
    if (groups.isEmpty()) {
      statements.add(Messages.get("runs.stats.noGroups"));
    } else if (groups.size() == 1) {
      statements.add(Messages.get("runs.stats.oneGroup"));
    }
    return new RunsComparison(
        tag, curves, runs.stream().map(RunEntry::name).toList(), ConfigDiff.of(configs), parallel(runs, tag), groups, statements);
  }

  private static RunCurve curve(RunEntry r, int index, MetricSeries s) {
    int n = s.size();
    double[] steps = new double[n];
    double[] epochs = new double[n];
    boolean epochTag = Axis.isEpochTag(s.tag());
    Integer perEpoch = r.batchesPerEpoch();
    for (int i = 0; i < n; i++) {
      steps[i] = s.steps()[i];
      epochs[i] = epochTag ? s.steps()[i] : perEpoch != null && perEpoch > 0 ? (double) s.steps()[i] / perEpoch : Double.NaN;
    }
    return new RunCurve(r.id(), r.name(), index, r.groupId(), steps, epochs, s.wallTimesMillis().clone(), s.values().clone());
  }

  static String groupName(String groupId, List<RunEntry> members) {
    String project = members.get(0).summary().projectName();
    return Messages.get("runs.group.name", groupId, project == null ? "" : project);
  }

  private static String describe(String tag, Sample s) {
    if (s.n() == 0) {
      return Messages.get("runs.stats.describe.none");
    }
    if (s.n() == 1) {
      return Messages.get("runs.stats.describe.one", MetricColumn.format(tag, s.mean()));
    }
    return Messages.get("runs.stats.describe.many", MetricColumn.format(tag, s.mean()), MetricColumn.format(tag, s.sd()), s.n());
  }

  /**
   * The outcome of a group comparison in the current language, with the same content as the command line's sentence
   * ({@link GroupComparison#sentence()}): each group's mean ± sd, which is higher, the test with t, df and p, and whether the
   * difference is significant at the 5% level.
   */
  static String statement(GroupComparison gc) {
    String tag = gc.tag();
    StringBuilder s = new StringBuilder();
    s.append(
        Messages.get(
            "runs.stats.head",
            Messages.get("runs.metric.kind." + gc.kind().name(), MetricColumn.metricName(tag)),
            gc.nameA(),
            describe(tag, gc.a()),
            gc.nameB(),
            describe(tag, gc.b())));
    TTest.Result test = gc.test();
    if (test == null) {
      return s.append(' ').append(Messages.get("runs.stats.noTest")).toString();
    }
    boolean lower = MetricSummary.lowerIsBetter(tag);
    double diff = test.difference();
    s.append(' ');
    if (diff == 0) {
      s.append(Messages.get("runs.stats.equal"));
    } else {
      s.append(
          Messages.get(
              lower ? "runs.stats.higher.lowerBetter" : "runs.stats.higher.higherBetter",
              diff > 0 ? gc.nameA() : gc.nameB(),
              MetricColumn.format(tag, Math.abs(diff))));
    }
    s.append(' ');
    if (Double.isInfinite(test.t())) {
      s.append(Messages.get("runs.stats.exact." + test.kind().name()));
    } else {
      s.append(
          Messages.get(
              "runs.stats.test." + test.kind().name(),
              String.format(Locale.ROOT, "%.2f", test.t()),
              String.format(Locale.ROOT, "%.1f", test.df()),
              test.p() < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", test.p())));
    }
    s.append(' ');
    if (!test.significant(GroupComparison.ALPHA)) {
      return s.append(Messages.get("runs.stats.notSignificant")).toString();
    }
    String better = (diff > 0) != lower ? gc.nameA() : gc.nameB();
    return s.append(Messages.get("runs.stats.significant", better)).toString();
  }

  /** The settings the runs differ in against the final value of {@code tag}, as parallel coordinates. */
  static ParallelData parallel(List<RunEntry> runs, String tag) {
    HyperparameterTable table = HyperparameterTable.of(runs, List.of(tag));
    List<String> paths = table.parameters();
    List<Integer> kept = new ArrayList<>();
    for (int p = 0; p < paths.size() && kept.size() < MAX_PARALLEL_SETTINGS; p++) {
      if (!paths.get(p).endsWith(".order")) {
        kept.add(p);
      }
    }
    List<String> names = axisNames(kept.stream().map(paths::get).toList());
    Map<String, List<String>> categories = new LinkedHashMap<>();
    for (int k = 0; k < kept.size(); k++) {
      int p = kept.get(k);
      if (!table.rows().stream().allMatch(row -> isNumber(row.parameters().get(p)))) {
        Set<String> values = new TreeSet<>();
        table.rows().forEach(row -> values.add(row.parameters().get(p)));
        categories.put(names.get(k), List.copyOf(values));
      }
    }
    String metric = MetricColumn.finalOf(tag).label();
    List<ParallelData.Trial> trials = new ArrayList<>();
    for (HyperparameterTable.Row row : table.rows()) {
      Map<String, Double> values = new LinkedHashMap<>();
      for (int k = 0; k < kept.size(); k++) {
        String value = row.parameters().get(kept.get(k));
        List<String> cats = categories.get(names.get(k));
        if (cats != null) {
          values.put(names.get(k), (double) cats.indexOf(value));
        } else if (!value.equals(ConfigDiff.ABSENT)) {
          values.put(names.get(k), Double.parseDouble(value));
        }
      }
      values.put(metric, row.finals()[0]);
      trials.add(new ParallelData.Trial(row.runName(), values));
    }
    List<String> dims = new ArrayList<>(names);
    dims.add(metric);
    return new ParallelData(dims, metric, categories, trials);
  }

  /** The last part of each path, or the whole path where two last parts are the same. */
  private static List<String> axisNames(List<String> paths) {
    List<String> shorts = paths.stream().map(p -> p.substring(Math.max(p.lastIndexOf('.'), p.lastIndexOf(']')) + 1)).toList();
    Set<String> seen = new LinkedHashSet<>();
    Set<String> twice = new LinkedHashSet<>();
    shorts.forEach(s -> (seen.add(s) ? seen : twice).add(s));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      out.add(twice.contains(shorts.get(i)) || shorts.get(i).isEmpty() ? paths.get(i) : shorts.get(i));
    }
    return out;
  }

  private static boolean isNumber(String s) {
    if (s.equals(ConfigDiff.ABSENT)) {
      return true;
    }
    try {
      return Double.isFinite(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
