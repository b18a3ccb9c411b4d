package org.layerlab.runtime.store;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.layerlab.runtime.events.RunStatus;

/**
 * Which runs {@link RunStore#findRuns} returns, and in what order. Every condition given must hold; a {@code null} or empty condition
 * matches every run. {@link #ALL} is the starting point: every run that is not archived, newest first.
 *
 * @param statuses runs with one of these statuses
 * @param labels runs that carry every one of these tags
 * @param projectName runs of the project with this name (exactly)
 * @param text runs whose name or notes contain this text, ignoring case
 * @param groupId runs of this group
 * @param archived whether archived runs are left out, included, or the only ones
 * @param limit at most this many runs, 0 for no limit
 */
public record RunFilter(
    Set<RunStatus> statuses,
    List<String> labels,
    String projectName,
    String text,
    String groupId,
    Archived archived,
    RunSort sort,
    int limit) {

  /** How a filter treats archived runs. */
  public enum Archived {
    EXCLUDE,
    INCLUDE,
    ONLY
  }

  /** Every run that is not archived, newest first. */
  public static final RunFilter ALL = new RunFilter(Set.of(), List.of(), null, null, null, Archived.EXCLUDE, RunSort.NEWEST_FIRST, 0);

  public RunFilter {
    statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    labels = labels == null ? List.of() : List.copyOf(labels);
    projectName = blankToNull(projectName);
    text = blankToNull(text);
    groupId = blankToNull(groupId);
    archived = Objects.requireNonNullElse(archived, Archived.EXCLUDE);
    sort = Objects.requireNonNullElse(sort, RunSort.NEWEST_FIRST);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 (none) or more, got " + limit);
    }
  }

  public RunFilter withStatuses(Set<RunStatus> s) {
    return new RunFilter(s, labels, projectName, text, groupId, archived, sort, limit);
  }

  public RunFilter withLabels(List<String> l) {
    return new RunFilter(statuses, l, projectName, text, groupId, archived, sort, limit);
  }

  public RunFilter withProjectName(String p) {
    return new RunFilter(statuses, labels, p, text, groupId, archived, sort, limit);
  }

  public RunFilter withText(String t) {
    return new RunFilter(statuses, labels, projectName, t, groupId, archived, sort, limit);
  }

  public RunFilter withGroupId(String g) {
    return new RunFilter(statuses, labels, projectName, text, g, archived, sort, limit);
  }

  public RunFilter withArchived(Archived a) {
    return new RunFilter(statuses, labels, projectName, text, groupId, a, sort, limit);
  }

  public RunFilter sortedBy(RunSort s) {
    return new RunFilter(statuses, labels, projectName, text, groupId, archived, s, limit);
  }

  public RunFilter withLimit(int n) {
    return new RunFilter(statuses, labels, projectName, text, groupId, archived, sort, n);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
