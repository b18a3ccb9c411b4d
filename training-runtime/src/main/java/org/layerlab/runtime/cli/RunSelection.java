package org.layerlab.runtime.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricSummary;
import org.layerlab.runtime.store.RunFilter;
import org.layerlab.runtime.store.RunSort;
import picocli.CommandLine.Option;

/** The filter and sort options that {@code runs list}, {@code export}, {@code delete} and the others share. */
final class RunSelection {

  @Option(
      names = "--status",
      split = ",",
      paramLabel = "STATUS",
      description = "Only runs with one of these statuses: running, finished, stopped, diverged, failed, interrupted.")
  List<RunStatus> statuses = new ArrayList<>();

  @Option(names = "--tag", paramLabel = "TAG", description = "Only runs with this tag; repeat for runs with every one of them.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--project", paramLabel = "NAME", description = "Only runs of the project with this name.")
  String project;

  @Option(names = "--text", paramLabel = "TEXT", description = "Only runs whose name or notes contain TEXT, ignoring case.")
  String text;

  @Option(names = "--group", paramLabel = "ID", description = "Only runs of this group of seeds.")
  String group;

  @Option(names = "--archived", description = "Only archived runs.")
  boolean archivedOnly;

  @Option(names = "--all", description = "Archived runs too.")
  boolean all;

  @Option(
      names = "--sort",
      paramLabel = "METRIC[:final|best]",
      description = "Sort by a series' final (default) or best value, best first, such as epoch/validation_loss:best. Default: newest first.")
  String sort;

  @Option(names = "--asc", description = "Smallest first (with --sort), or oldest first.")
  boolean ascending;

  @Option(names = "--desc", description = "Largest first (with --sort).")
  boolean descending;

  @Option(names = "--limit", paramLabel = "N", description = "At most N runs.")
  int limit;

  /** Whether any filter was given, as opposed to the defaults. */
  boolean filtered() {
    return !statuses.isEmpty() || !tags.isEmpty() || project != null || text != null || group != null || archivedOnly || all;
  }

  RunFilter filter() {
    if (ascending && descending) {
      throw new IllegalArgumentException("--asc and --desc contradict each other: give one");
    }
    if (archivedOnly && all) {
      throw new IllegalArgumentException("--archived and --all contradict each other: give one");
    }
    Set<RunStatus> s = statuses.isEmpty() ? Set.of() : EnumSet.copyOf(statuses);
    RunFilter.Archived archived = archivedOnly ? RunFilter.Archived.ONLY : all ? RunFilter.Archived.INCLUDE : RunFilter.Archived.EXCLUDE;
    return new RunFilter(s, tags, project, text, group, archived, sortOrder(), limit);
  }

  /** The sort metric's tag, or {@code null} when sorting by time. */
  String sortTag() {
    return sort == null ? null : parseSort(sort).tag();
  }

  MetricSummary.Kind sortKind() {
    return sort == null ? MetricSummary.Kind.FINAL : parseSort(sort).kind();
  }

  private RunSort sortOrder() {
    RunSort order = sort == null ? RunSort.NEWEST_FIRST : parseSort(sort);
    if (ascending) {
      return new RunSort(order.tag(), order.kind(), false);
    }
    if (descending) {
      return new RunSort(order.tag(), order.kind(), true);
    }
    return order;
  }

  private static RunSort parseSort(String s) {
    int colon = s.lastIndexOf(':');
    String suffix = colon < 0 ? "" : s.substring(colon + 1).toLowerCase(Locale.ROOT);
    if (suffix.equals("final") || suffix.equals("best")) {
      return RunSort.bestFirst(s.substring(0, colon), MetricSummary.Kind.parse(suffix));
    }
    if (s.equalsIgnoreCase("started") || s.equalsIgnoreCase("time")) {
      return RunSort.NEWEST_FIRST;
    }
    return RunSort.bestFirst(s, MetricSummary.Kind.FINAL);
  }
}
