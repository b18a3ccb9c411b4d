package org.layerlab.app.runs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.app.concurrent.TaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;

/**
 * The runs of the workspace, newest first, and the comparison of the selected ones.
 *
 * <p>Every read of the store happens in the executor's background; the lists change on the UI thread. A comparison asked for while
 * an older one is still loading replaces it.
 */
public final class RunsViewModel {

  private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Supplier<RunStore> store;
  private final TaskExecutor executor;
  private final ZoneId zone;

  private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
  private final ObservableList<RunCurves> comparison = FXCollections.observableArrayList();
  // One wrapper each, kept: a wrapper listens to its source weakly, so a new one per call could drop the caller's listeners.
  private final ObservableList<RunRow> runsView = FXCollections.unmodifiableObservableList(runs);
  private final ObservableList<RunCurves> comparisonView = FXCollections.unmodifiableObservableList(comparison);
  private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
  private final ReadOnlyStringWrapper compareText = new ReadOnlyStringWrapper(this, "compareText", Messages.get("runs.compare.hint"));
  private long comparisonRequest;

  /**
   * Creates the view model; nothing is read until {@link #refresh()}.
   *
   * @param store the run store, asked for in the background (opening it reads the disk)
   */
  public RunsViewModel(Supplier<RunStore> store, TaskExecutor executor) {
    this(store, executor, ZoneId.systemDefault());
  }

  RunsViewModel(Supplier<RunStore> store, TaskExecutor executor, ZoneId zone) {
    this.store = Objects.requireNonNull(store, "store");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.zone = zone;
  }

  /** The runs, newest first. */
  public ObservableList<RunRow> runs() {
    return runsView;
  }

  /** The curves of the selected runs, in selection order, one colour each. */
  public ObservableList<RunCurves> comparison() {
    return comparisonView;
  }

  /** How many runs there are, or why they could not be read. */
  public ReadOnlyStringProperty statusTextProperty() {
    return statusText.getReadOnlyProperty();
  }

  /** What the comparison shows, or how to start one. */
  public ReadOnlyStringProperty compareTextProperty() {
    return compareText.getReadOnlyProperty();
  }

  /** Reads the runs again. */
  /** Reads the runs again so that their texts (status, duration) are in the current language; the comparison starts over. */
  public void relocalize() {
    compare(List.of());
    refresh();
  }

  public void refresh() {
    executor.execute(
        () -> store.get().listRuns(),
        list -> {
          runs.setAll(list.stream().map(this::row).toList());
          statusText.set(Messages.get("runs.count", list.size()));
        },
        error -> statusText.set(Messages.get("runs.readFailed", error.getMessage())));
  }

  /** Overlays the validation curves of the given runs (in this order); an empty list clears the comparison. */
  public void compare(List<String> runIds) {
    List<String> ids = List.copyOf(runIds);
    long request = ++comparisonRequest;
    if (ids.isEmpty()) {
      comparison.clear();
      compareText.set(Messages.get("runs.compare.hint"));
      return;
    }
    Map<String, String> names = runs.stream().collect(Collectors.toMap(RunRow::id, RunRow::name, (a, b) -> a));
    executor.execute(
        () -> {
          RunStore s = store.get();
          List<RunCurves> loaded = new ArrayList<>();
          for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            loaded.add(
                new RunCurves(
                    id,
                    names.getOrDefault(id, id),
                    i,
                    curve(s.metrics(id, MetricTags.VALIDATION_ACCURACY), v -> 100 * v),
                    curve(s.metrics(id, MetricTags.VALIDATION_LOSS), v -> v)));
          }
          return loaded;
        },
        loaded -> {
          if (request == comparisonRequest) {
            comparison.setAll(loaded);
            boolean empty = loaded.stream().allMatch(c -> c.validationAccuracy().size() == 0 && c.validationLoss().size() == 0);
            compareText.set(
                empty
                    ? Messages.get("runs.compare.noEpochs")
                    : Messages.get(ids.size() == 1 ? "runs.compare.one" : "runs.compare.many", ids.size()));
          }
        },
        error -> {
          if (request == comparisonRequest) {
            comparison.clear();
            compareText.set(Messages.get("runs.readFailed", error.getMessage()));
          }
        });
  }

  private static Curve curve(List<MetricPoint> points, Function<Double, Double> scale) {
    double[] x = new double[points.size()];
    double[] y = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      x[i] = points.get(i).step();
      y[i] = scale.apply(points.get(i).value());
    }
    return new Curve(x, y);
  }

  private RunRow row(RunSummary s) {
    return new RunRow(
        s.id(),
        s.name(),
        s.status(),
        Messages.get("status." + s.status().name()),
        START.format(Instant.ofEpochMilli(s.startedAtMillis()).atZone(zone)),
        duration(s.duration()),
        Messages.percent(s.finalValidationAccuracy()),
        s.message() == null ? "" : s.message());
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
}
