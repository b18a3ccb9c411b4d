package org.layerlab.runtime.store;

import java.util.List;
import java.util.Objects;

/**
 * What a new run carries besides its configuration: the group of repeated runs it belongs to, the user's tags and notes.
 *
 * @param groupId the id shared by the runs of one group (the same project trained with several seeds), or {@code null}
 * @param labels the run's tags, as the user gives them; see {@link RunStore#labels}
 */
public record RunOptions(String groupId, List<String> labels, String notes) {

  public static final RunOptions NONE = new RunOptions(null, List.of(), "");

  public RunOptions {
    labels = List.copyOf(Objects.requireNonNullElse(labels, List.of()));
    notes = notes == null ? "" : notes;
  }

  public RunOptions withGroupId(String id) {
    return new RunOptions(id, labels, notes);
  }

  public RunOptions withLabels(List<String> l) {
    return new RunOptions(groupId, l, notes);
  }

  public RunOptions withNotes(String n) {
    return new RunOptions(groupId, labels, n);
  }
}
