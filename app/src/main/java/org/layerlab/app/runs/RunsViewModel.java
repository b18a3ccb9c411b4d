package org.layerlab.app.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.app.concurrent.Cancellable;
import org.layerlab.app.concurrent.TaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.runs.RunFileChooser.ExportFormat;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunFilter;
import org.layerlab.runtime.store.RunStore;

/**
 * The runs of the workspace as a filtered, sorted table; curating them (rename, tags, notes, archive, delete); comparing the
 * selected ones; exporting and importing runs.
 *
 * <p>The store is only ever read or written in the executor's background. One query reads every run with its tags and series
 * summaries; filters and sorting then work on that list, also in the background, so typing in the search box never waits for the
 * disk. Results reach the lists on the UI thread; a result older than the latest request is dropped.
 */
public final class RunsViewModel {

  private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The metric columns the table opens with. */
  public static final List<MetricColumn> DEFAULT_COLUMNS =
      List.of(
          MetricColumn.finalOf(MetricTags.VALIDATION_ACCURACY),
          MetricColumn.bestOf(MetricTags.VALIDATION_ACCURACY),
          MetricColumn.finalOf(MetricTags.VALIDATION_LOSS));

  private final Supplier<RunStore> store;
  private final TaskExecutor executor;
  private final RunFileChooser chooser;
  private final ZoneId zone;
  private final LongSupplier clock;

  /** Every run of the last load, archived ones included; replaced on the UI thread only. */
  private List<RunEntry> all = List.of();

  private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
  // One wrapper each, kept: a wrapper listens to its source weakly, so a new one per call could drop the caller's listeners.
  private final ObservableList<RunRow> runsView = FXCollections.unmodifiableObservableList(runs);
  private final ObservableList<MetricColumn> metricColumns = FXCollections.observableArrayList(DEFAULT_COLUMNS);
  private final ObservableList<String> availableMetrics = FXCollections.observableArrayList();
  private final ObservableList<String> availableTags = FXCollections.observableArrayList();
  private final ObservableList<String> availableProjects = FXCollections.observableArrayList();
  private final ObjectProperty<RunCriteria> criteria = new SimpleObjectProperty<>(this, "criteria", RunCriteria.ALL);
  private final ObjectProperty<RunOrder> order = new SimpleObjectProperty<>(this, "order", RunOrder.NEWEST_FIRST);
  private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
  private final ReadOnlyStringWrapper actionText = new ReadOnlyStringWrapper(this, "actionText", "");
  private long viewRequest;
  private boolean loaded;

  private List<String> selected = List.of();
  private final StringProperty compareMetric = new SimpleStringProperty(this, "compareMetric", MetricTags.VALIDATION_ACCURACY);
  private final ReadOnlyObjectWrapper<RunsComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison", RunsComparison.EMPTY);
  private final ReadOnlyStringWrapper compareText = new ReadOnlyStringWrapper(this, "compareText", Messages.get("runs.compare.start"));
  private long comparisonRequest;

  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyStringWrapper jobText = new ReadOnlyStringWrapper(this, "jobText", "");
  private final ReadOnlyBooleanWrapper jobCancellable = new ReadOnlyBooleanWrapper(this, "jobCancellable", false);
  private JobProgress job;

  /**
   * Creates the view model with the JavaFX file choosers; nothing is read until {@link #refresh()}.
   *
   * @param store the run store, asked for in the background (opening it reads the disk)
   */
  public RunsViewModel(Supplier<RunStore> store, TaskExecutor executor) {
    this(store, executor, FxRunFileChooser.ofFocusedWindow());
  }

  public RunsViewModel(Supplier<RunStore> store, TaskExecutor executor, RunFileChooser chooser) {
    this(store, executor, chooser, ZoneId.systemDefault(), System::currentTimeMillis);
  }

  RunsViewModel(Supplier<RunStore> store, TaskExecutor executor, ZoneId zone) {
    this(store, executor, FxRunFileChooser.ofFocusedWindow(), zone, System::currentTimeMillis);
  }

  RunsViewModel(Supplier<RunStore> store, TaskExecutor executor, RunFileChooser chooser, ZoneId zone, LongSupplier clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.chooser = Objects.requireNonNull(chooser, "chooser");
    this.zone = zone;
    this.clock = clock;
    criteria.addListener((obs, old, now) -> applyView());
    order.addListener((obs, old, now) -> applyView());
    compareMetric.addListener((obs, old, now) -> compare(selected));
  }

  // ---- the table -----------------------------------------------------------------------------------------------------------

  /** The runs the criteria select, in the chosen order. */
  public ObservableList<RunRow> runs() {
    return runsView;
  }

  /** Which runs the table shows; changing it filters again, in the background. */
  public ObjectProperty<RunCriteria> criteriaProperty() {
    return criteria;
  }

  /** The table's order; changing it sorts again, in the background. */
  public ObjectProperty<RunOrder> orderProperty() {
    return order;
  }

  /** The metric columns the table shows, in order; the user adds and removes them. */
  public ObservableList<MetricColumn> metricColumns() {
    return metricColumns;
  }

  /** Every series any run has, epoch series first, for choosing metric columns and the compared metric. */
  public ObservableList<String> availableMetrics() {
    return availableMetrics;
  }

  /** Every tag any run carries, sorted, for the tag filter. */
  public ObservableList<String> availableTags() {
    return availableTags;
  }

  /** Every project any run was trained from, sorted, for the project filter. */
  public ObservableList<String> availableProjects() {
    return availableProjects;
  }

  /** How many runs there are and how many are shown, or why they could not be read. */
  public ReadOnlyStringProperty statusTextProperty() {
    return statusText.getReadOnlyProperty();
  }

  /** What the last action (rename, tag, delete, export...) came to, or why it failed. */
  public ReadOnlyStringProperty actionTextProperty() {
    return actionText.getReadOnlyProperty();
  }

  /** Reads every run again, then filters and sorts them. */
  public void refresh() {
    long request = ++viewRequest;
    RunCriteria c = criteria.get();
    RunOrder o = order.get();
    executor.execute(
        () -> {
          List<RunEntry> entries = store.get().findRuns(RunFilter.ALL.withArchived(RunFilter.Archived.INCLUDE));
          return new Loaded(entries, rows(entries, c, o));
        },
        result -> {
          all = result.entries();
          loaded = true;
          publishOptions();
          if (request == viewRequest) {
            runs.setAll(result.rows());
            publishCount();
          } else {
            applyView();
          }
        },
        error -> statusText.set(Messages.get("runs.readFailed", message(error))));
  }

  /** Texts in the current language: the rows again, the comparison starts over (the view's selection is new). */
  public void relocalize() {
    compare(List.of());
    refresh();
  }

  private record Loaded(List<RunEntry> entries, List<RunRow> rows) {}

  /** Filters and sorts the loaded runs again, in the background. */
  private void applyView() {
    if (!loaded) {
      return;
    }
    long request = ++viewRequest;
    List<RunEntry> snapshot = all;
    RunCriteria c = criteria.get();
    RunOrder o = order.get();
    executor.execute(
        () -> rows(snapshot, c, o),
        rows -> {
          if (request == viewRequest) {
            runs.setAll(rows);
            publishCount();
          }
        },
        error -> statusText.set(Messages.get("runs.readFailed", message(error))));
  }

  private List<RunRow> rows(List<RunEntry> entries, RunCriteria c, RunOrder o) {
    long now = clock.getAsLong();
    return entries.stream().filter(r -> c.matches(r, now)).sorted(o.comparator(now)).map(this::row).toList();
  }

  private void publishCount() {
    long notArchived = all.stream().filter(r -> !r.archived()).count();
    if (all.isEmpty()) {
      statusText.set(Messages.get("runs.count", 0));
    } else if (runs.size() == notArchived && criteria.get().equals(RunCriteria.ALL)) {
      statusText.set(Messages.get("runs.count", runs.size()));
    } else {
      statusText.set(Messages.get("runs.showing", runs.size(), all.size()));
    }
  }

  private void publishOptions() {
    Set<String> tags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Set<String> projects = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Set<String> metrics = new TreeSet<>((a, b) -> rank(a) != rank(b) ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
    for (RunEntry r : all) {
      tags.addAll(r.labels());
      if (r.summary().projectName() != null && !r.summary().projectName().isBlank()) {
        projects.add(r.summary().projectName());
      }
      metrics.addAll(r.metrics().keySet());
    }
    setIfChanged(availableTags, List.copyOf(tags));
    setIfChanged(availableProjects, List.copyOf(projects));
    setIfChanged(availableMetrics, List.copyOf(metrics));
  }

  /** Epoch series first, then test results, then the rest (step series, imported tags). */
  private static int rank(String tag) {
    return tag.startsWith("epoch/") ? 0 : tag.startsWith("test/") ? 1 : 2;
  }

  private static <T> void setIfChanged(ObservableList<T> list, List<T> now) {
    if (!list.equals(now)) {
      list.setAll(now);
    }
  }

  private RunRow row(RunEntry e) {
    return new RunRow(
        e,
        Messages.get("status." + e.summary().status().name()),
        START.format(Instant.ofEpochMilli(e.summary().startedAtMillis()).atZone(zone)),
        duration(e.summary().duration()));
  }

  /** A duration as people say it: "42 s", "3 min 05 s", "1 h 02 min". */
  static String duration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 60) {
      return Messages.get("duration.seconds", seconds);
    }
    if (seconds < 3600) {
      return Messages.get("duration.minutes", seconds / 60, String.format("%02d", seconds % 60));
    }
    return Messages.get("duration.hours", seconds / 3600, String.format("%02d", (seconds % 3600) / 60));
  }

  // ---- curating ------------------------------------------------------------------------------------------------------------

  /** One change to one run in the store. */
  private interface Change {
    void apply(RunStore store, String runId);
  }

  /**
   * Gives a run a new name.
   *
   * @return false when the name is blank: nothing changes and {@link #actionTextProperty()} says why
   */
  public boolean rename(String runId, String name) {
    if (name == null || name.isBlank()) {
      actionText.set(Messages.get("runs.rename.empty"));
      return false;
    }
    String clean = name.strip();
    change(List.of(runId), (s, id) -> s.rename(id, clean), Messages.get("runs.rename.done", clean));
    return true;
  }

  /**
   * Adds tags, given as text separated by commas, to the runs.
   *
   * @return false when the text holds no tag
   */
  public boolean addTags(Collection<String> runIds, String text) {
    List<String> tags = parseTags(text);
    if (tags.isEmpty()) {
      actionText.set(Messages.get("runs.tags.empty"));
      return false;
    }
    if (runIds.isEmpty()) {
      actionText.set(Messages.get("runs.selectFirst"));
      return false;
    }
    change(List.copyOf(runIds), (s, id) -> s.addLabels(id, tags), Messages.get("runs.tags.added", String.join(", ", tags), runIds.size()));
    return true;
  }

  /** Removes a tag from the runs that carry it. */
  public void removeTag(Collection<String> runIds, String tag) {
    if (tag == null || tag.isBlank() || runIds.isEmpty()) {
      actionText.set(Messages.get(runIds.isEmpty() ? "runs.selectFirst" : "runs.tags.empty"));
      return;
    }
    change(List.copyOf(runIds), (s, id) -> s.removeLabels(id, List.of(tag)), Messages.get("runs.tags.removed", tag, runIds.size()));
  }

  /** The tags of the given runs, for offering which to remove. */
  public List<String> tagsOf(Collection<String> runIds) {
    Set<String> out = new TreeSet<>();
    for (RunEntry r : all) {
      if (runIds.contains(r.id())) {
        out.addAll(r.labels());
      }
    }
    return List.copyOf(out);
  }

  /** Replaces a run's notes. */
  public void setNotes(String runId, String notes) {
    String text = notes == null ? "" : notes.strip();
    change(List.of(runId), (s, id) -> s.setNotes(id, text), Messages.get("runs.notes.saved"));
  }

  /** Archives the runs (hidden unless the filter shows archived runs; nothing is deleted), or brings them back. */
  public void setArchived(Collection<String> runIds, boolean archived) {
    if (runIds.isEmpty()) {
      actionText.set(Messages.get("runs.selectFirst"));
      return;
    }
    change(
        List.copyOf(runIds),
        (s, id) -> s.setArchived(id, archived),
        Messages.get(archived ? "runs.archive.done" : "runs.unarchive.done", runIds.size()));
  }

  /** Whether every one of the runs is archived, so the archive action reads "unarchive". */
  public boolean allArchived(Collection<String> runIds) {
    return !runIds.isEmpty() && all.stream().filter(r -> runIds.contains(r.id())).allMatch(RunEntry::archived);
  }

  /** What the delete confirmation asks, naming the runs. */
  public String deleteQuestion(List<String> runIds) {
    List<String> names = all.stream().filter(r -> runIds.contains(r.id())).map(RunEntry::name).toList();
    String shown = String.join(", ", names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? ", …" : "");
    return Messages.get("runs.delete.question", runIds.size(), shown);
  }

  /**
   * Deletes the runs with every point, tag and note. There is no undo; the view asks first. A run still being recorded by a live
   * process is refused and the others are deleted.
   */
  public void delete(Collection<String> runIds) {
    List<String> ids = List.copyOf(runIds);
    if (ids.isEmpty()) {
      actionText.set(Messages.get("runs.selectFirst"));
      return;
    }
    executor.execute(
        () -> {
          RunStore s = store.get();
          List<String> deleted = new ArrayList<>();
          List<String> refused = new ArrayList<>();
          for (String id : ids) {
            try {
              if (s.deleteRun(id)) {
                deleted.add(id);
                // The checkpoints and reports go with the record, as the command line's `runs delete` does.
                org.layerlab.runtime.workspace.Workspace.of(s).ifPresent(w -> w.deleteRunFolder(id));
              }
            } catch (RuntimeException e) {
              refused.add(message(e));
            }
          }
          return new Deleted(deleted, refused);
        },
        result -> {
          Set<String> gone = Set.copyOf(result.deleted());
          all = all.stream().filter(r -> !gone.contains(r.id())).toList();
          publishOptions();
          applyView();
          if (selected.stream().anyMatch(gone::contains)) {
            compare(selected.stream().filter(id -> !gone.contains(id)).toList());
          }
          String done = Messages.get("runs.delete.done", result.deleted().size());
          actionText.set(result.refused().isEmpty() ? done : done + " " + Messages.get("runs.delete.refused", String.join("; ", result.refused())));
        },
        error -> actionText.set(Messages.get("runs.action.failed", message(error))));
  }

  private record Deleted(List<String> deleted, List<String> refused) {}

  private void change(List<String> ids, Change change, String done) {
    executor.execute(
        () -> {
          RunStore s = store.get();
          List<RunEntry> changed = new ArrayList<>();
          for (String id : ids) {
            change.apply(s, id);
            s.entry(id).ifPresent(changed::add);
          }
          return changed;
        },
        changed -> {
          replace(changed);
          actionText.set(done);
        },
        error -> {
          actionText.set(Messages.get("runs.action.failed", message(error)));
          refresh();
        });
  }

  /** Puts freshly read runs in place of their old entries and filters again. */
  private void replace(List<RunEntry> changed) {
    Map<String, RunEntry> byId = new LinkedHashMap<>();
    changed.forEach(e -> byId.put(e.id(), e));
    all = all.stream().map(r -> byId.getOrDefault(r.id(), r)).toList();
    publishOptions();
    applyView();
  }

  static List<String> parseTags(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
  }

  // ---- comparing -----------------------------------------------------------------------------------------------------------

  /** The series the comparison overlays and tests, {@code epoch/validation_accuracy} at first. */
  public StringProperty compareMetricProperty() {
    return compareMetric;
  }

  /** What the comparison shows of the selected runs; {@link RunsComparison#EMPTY} when none is selected. */
  public ReadOnlyObjectProperty<RunsComparison> comparisonProperty() {
    return comparison.getReadOnlyProperty();
  }

  /** What the comparison shows, or how to start one. */
  public ReadOnlyStringProperty compareTextProperty() {
    return compareText.getReadOnlyProperty();
  }

  /** The selected runs, in selection order. */
  public List<String> selection() {
    return selected;
  }

  /**
   * Compares the given runs (in this order): their curves of the compared metric, the settings they differ in, settings against the
   * metric, and the seed groups among them. An empty list clears the comparison.
   */
  public void compare(List<String> runIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(runIds));
    selected = ids;
    long request = ++comparisonRequest;
    if (ids.isEmpty()) {
      comparison.set(RunsComparison.EMPTY);
      compareText.set(Messages.get("runs.compare.start"));
      return;
    }
    String tag = compareMetric.get() == null || compareMetric.get().isBlank() ? MetricTags.VALIDATION_ACCURACY : compareMetric.get();
    executor.execute(
        () -> RunsComparisons.load(store.get(), ids, tag),
        loaded -> {
          if (request == comparisonRequest) {
            comparison.set(loaded);
            boolean empty = loaded.curves().stream().allMatch(c -> c.size() == 0);
            compareText.set(
                empty
                    ? Messages.get("runs.compare.noPoints", MetricColumn.metricName(tag))
                    : Messages.get(ids.size() == 1 ? "runs.compare.oneMetric" : "runs.compare.manyMetric", ids.size(), MetricColumn.metricName(tag)));
          }
        },
        error -> {
          if (request == comparisonRequest) {
            comparison.set(RunsComparison.EMPTY);
            compareText.set(Messages.get("runs.readFailed", message(error)));
          }
        });
  }

  // ---- export and import ---------------------------------------------------------------------------------------------------

  /** Whether an export or import is running. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** The running job's progress from 0 to 1, or -1 while it cannot tell. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** What the running job is doing. */
  public ReadOnlyStringProperty jobTextProperty() {
    return jobText.getReadOnlyProperty();
  }

  /** The runs an export writes: the selected ones, or every run shown when none is selected. */
  public List<String> exportIds() {
    return selected.isEmpty() ? runs.stream().map(RunRow::id).toList() : selected;
  }

  /** Whether the running job can stop part-way (a CSV or JSON file is written as a whole and cannot). */
  public ReadOnlyBooleanProperty jobCancellableProperty() {
    return jobCancellable.getReadOnlyProperty();
  }

  /** Asks where to, then exports {@link #exportIds()} in the background with progress. */
  public void export(ExportFormat format) {
    List<String> ids = exportIds();
    if (ids.isEmpty()) {
      actionText.set(Messages.get("runs.export.none"));
      return;
    }
    Optional<Path> target =
        format == ExportFormat.TENSORBOARD
            ? chooser.chooseExportFolder()
            : chooser.chooseExportFile(format, "runs." + (format == ExportFormat.CSV ? "csv" : "json"));
    if (target.isEmpty()) {
      return;
    }
    Path to = target.get();
    String title = Messages.get("runs.export.running", ids.size(), Messages.get("runs.format." + format.name()));
    startJob(title, p -> RunTransfers.export(store.get(), ids, format, to, p), false);
  }

  /** Asks for a TensorBoard log folder, then imports its runs in the background. */
  public void importTensorBoard() {
    chooser
        .chooseTensorBoardFolder()
        .ifPresent(folder -> startJob(Messages.get("runs.import.running", folder.getFileName()), p -> RunTransfers.importTensorBoard(store.get(), folder, p), true));
  }

  /** Asks for a Layerlab JSON export, then imports its runs in the background, run by run. */
  public void importJson() {
    chooser
        .chooseJsonToImport()
        .ifPresent(file -> startJob(Messages.get("runs.import.running", file.getFileName()), p -> RunTransfers.importJson(store.get(), file, p), true));
  }

  /** Stops the running export or import after the run it is at; what was done stays done. */
  public void cancelJob() {
    if (job != null && job.cancellable()) {
      job.cancel();
      jobText.set(Messages.get("runs.job.cancelling"));
    }
  }

  /** A long action's work, which reports its progress and stops early once cancelled; returns what it did, in words. */
  interface Job {
    String run(JobProgress progress) throws Exception;
  }

  private void startJob(String title, Job work, boolean refreshAfter) {
    if (job != null) {
      actionText.set(Messages.get("runs.job.busy"));
      return;
    }
    JobProgress p = new JobProgress();
    job = p;
    busy.set(true);
    jobCancellable.set(false);
    progress.set(-1);
    jobText.set(title);
    Cancellable poll =
        executor.repeatOnUiThread(
            Duration.ofMillis(120),
            () -> {
              progress.set(p.fraction());
              jobCancellable.set(p.cancellable() && !p.cancelled());
              if (!p.cancelled()) {
                jobText.set(p.detail().isEmpty() ? title : title + " " + p.detail());
              }
            });
    Callable<String> call = () -> work.run(p);
    executor.execute(
        call,
        result -> {
          endJob(poll);
          actionText.set(p.hasStoppedEarly() ? Messages.get("runs.job.cancelled", result) : result);
          if (refreshAfter) {
            refresh();
          }
        },
        error -> {
          endJob(poll);
          actionText.set(Messages.get("runs.job.failed", title, message(error)));
          if (refreshAfter) {
            refresh();
          }
        });
  }

  private void endJob(Cancellable poll) {
    poll.cancel();
    job = null;
    busy.set(false);
    jobCancellable.set(false);
    progress.set(0);
    jobText.set("");
  }

  /**
   * What went wrong, in the window's language when the runtime can say it there; else the first message in the cause chain, or the
   * error's class name.
   */
  static String message(Throwable e) {
    return Messages.describe(e);
  }
}
