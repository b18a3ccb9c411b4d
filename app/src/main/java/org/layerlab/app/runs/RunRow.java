package org.layerlab.app.runs;

import java.util.List;
import org.layerlab.app.i18n.Messages;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.RunEntry;

/**
 * One row of the runs table: the run as the store lists it (with its tags, notes and series summaries) and its cells in words.
 *
 * @param started the local start time, such as "2026-11-29 14:03"
 * @param duration such as "1 min 05 s"
 */
public record RunRow(RunEntry entry, String statusText, String started, String duration) {

  public String id() {
    return entry.id();
  }

  public String name() {
    return entry.name();
  }

  public RunStatus status() {
    return entry.summary().status();
  }

  /**
   * How the run ended, in a user's words, in the window's language when the store kept the ending so (runs recorded before schema
   * 5 and imported runs say it in English); empty while it runs. Asked each time, so a page rebuilt after a language switch says it
   * in the new language.
   */
  public String message() {
    return entry.summary().message(Messages.locale());
  }

  /** The final validation accuracy, such as "97.3%", or a dash. */
  public String accuracy() {
    return MetricColumn.format("epoch/validation_accuracy", entry.summary().finalValidationAccuracy());
  }

  public List<String> tags() {
    return entry.labels();
  }

  public String notes() {
    return entry.notes() == null ? "" : entry.notes();
  }

  public boolean archived() {
    return entry.archived();
  }

  public String project() {
    return entry.summary().projectName() == null ? "" : entry.summary().projectName();
  }

  /** The seed group the run belongs to, or an empty string. */
  public String group() {
    return entry.groupId() == null ? "" : entry.groupId();
  }

  /** The column's value for this run, NaN when the run lacks the series. */
  public double metric(MetricColumn column) {
    return entry.metricValue(column.tag(), column.kind());
  }

  /** The column's value as text. */
  public String metricText(MetricColumn column) {
    return MetricColumn.format(column.tag(), metric(column));
  }
}
