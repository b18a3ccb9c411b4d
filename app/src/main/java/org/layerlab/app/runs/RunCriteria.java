package org.layerlab.app.runs;

import java.time.Duration;
import java.util.Locale;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunFilter;

/**
 * Which runs the table shows. Every condition given must hold; a {@code null} or blank one matches every run.
 *
 * @param text found, ignoring case, in the run's name, id, tags or notes
 * @param status runs with this status
 * @param tag runs that carry this tag
 * @param project runs of the project with this name
 * @param period runs started within this time before now
 * @param archived whether archived runs are left out (the default), shown too, or the only ones
 */
public record RunCriteria(String text, RunStatus status, String tag, String project, Period period, RunFilter.Archived archived) {

  /** How long ago a run started. */
  public enum Period {
    ANY(null),
    DAY(Duration.ofDays(1)),
    WEEK(Duration.ofDays(7)),
    MONTH(Duration.ofDays(30));

    private final Duration span;

    Period(Duration span) {
      this.span = span;
    }

    /** Whether a run started at {@code startedAt} lies in this period before {@code now}. */
    public boolean contains(long startedAt, long now) {
      return span == null || startedAt >= now - span.toMillis();
    }
  }

  /** Every run that is not archived. */
  public static final RunCriteria ALL = new RunCriteria(null, null, null, null, Period.ANY, RunFilter.Archived.EXCLUDE);

  public RunCriteria {
    text = blankToNull(text);
    tag = blankToNull(tag);
    project = blankToNull(project);
    period = period == null ? Period.ANY : period;
    archived = archived == null ? RunFilter.Archived.EXCLUDE : archived;
  }

  public RunCriteria withText(String t) {
    return new RunCriteria(t, status, tag, project, period, archived);
  }

  public RunCriteria withStatus(RunStatus s) {
    return new RunCriteria(text, s, tag, project, period, archived);
  }

  public RunCriteria withTag(String t) {
    return new RunCriteria(text, status, t, project, period, archived);
  }

  public RunCriteria withProject(String p) {
    return new RunCriteria(text, status, tag, p, period, archived);
  }

  public RunCriteria withPeriod(Period p) {
    return new RunCriteria(text, status, tag, project, p, archived);
  }

  public RunCriteria withArchived(RunFilter.Archived a) {
    return new RunCriteria(text, status, tag, project, period, a);
  }

  /** Whether the run passes every condition, {@code now} being the time the period counts back from. */
  public boolean matches(RunEntry run, long now) {
    if (archived == RunFilter.Archived.EXCLUDE && run.archived() || archived == RunFilter.Archived.ONLY && !run.archived()) {
      return false;
    }
    if (status != null && run.summary().status() != status) {
      return false;
    }
    if (tag != null && !run.labels().contains(tag)) {
      return false;
    }
    if (project != null && !project.equals(run.summary().projectName())) {
      return false;
    }
    if (!period.contains(run.summary().startedAtMillis(), now)) {
      return false;
    }
    return text == null || matchesText(run, text.strip().toLowerCase(Locale.ROOT));
  }

  private static boolean matchesText(RunEntry run, String needle) {
    if (contains(run.name(), needle) || contains(run.id(), needle) || contains(run.notes(), needle)) {
      return true;
    }
    for (String label : run.labels()) {
      if (contains(label, needle)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String haystack, String needle) {
    return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
