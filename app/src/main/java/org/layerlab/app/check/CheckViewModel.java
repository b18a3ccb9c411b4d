package org.layerlab.app.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.app.concurrent.Cancellable;
import org.layerlab.app.concurrent.TaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.project.Project;
import org.layerlab.runtime.check.Finding;
import org.layerlab.runtime.check.PreTrainingCheck;
import org.layerlab.runtime.check.Severity;
import org.layerlab.runtime.preview.Progress;

/**
 * "Check before training": checks the project a run would train now (its shapes, whether it can overfit one batch, the class
 * balance and the overlap of the splits) in the background, shows the progress, can be cancelled, and lists what it found in the
 * window's language. One check at a time; running it again replaces the list.
 */
public final class CheckViewModel {

  /** How often the progress is shown while the check runs. */
  static final long PROGRESS_PERIOD_MILLIS = 100;

  private final Supplier<Project> project;
  private final Path projectDir;
  private final CheckRunner runner;
  private final TaskExecutor executor;
  private final ObservableList<CheckItem> items = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private List<Finding> findings = List.of();
  private Progress current;
  private Cancellable refresh;
  private long runId;
  private boolean cancelled;

  /**
   * @param project the project a run would train now (the model, the data page's dataset, the training settings)
   * @param projectDir the folder its relative dataset paths start from
   */
  public CheckViewModel(Supplier<Project> project, Path projectDir, CheckRunner runner, TaskExecutor executor) {
    this.project = Objects.requireNonNull(project, "project");
    this.projectDir = Objects.requireNonNull(projectDir, "projectDir");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** A check with the runtime's {@link PreTrainingCheck}. */
  public CheckViewModel(Supplier<Project> project, Path projectDir, TaskExecutor executor) {
    this(project, projectDir, (p, dir, progress) -> PreTrainingCheck.run(p, dir, progress, Messages.locale()), executor);
  }

  /** The findings of the last check, in the window's language. */
  public ObservableList<CheckItem> items() {
    return items;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** From 0 to 1 while the check runs. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** What the check is doing, or how it ended. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Starts the check in the background; does nothing while one runs. */
  public void run() {
    if (running.get()) {
      return;
    }
    Project toCheck = project.get();
    Progress p = new Progress();
    current = p;
    long id = ++runId;
    cancelled = false;
    findings = List.of();
    items.clear();
    progress.set(0);
    status.set(stageText("load"));
    running.set(true);
    refresh =
        executor.repeatOnUiThread(
            Duration.ofMillis(PROGRESS_PERIOD_MILLIS),
            () -> {
              if (id == runId) {
                progress.set(Math.max(0, p.fraction()));
                status.set(stageText(p.stage()));
              }
            });
    executor.execute(
        () -> runner.run(toCheck, projectDir, p),
        result -> {
          if (id == runId) {
            end();
            findings = List.copyOf(result);
            showFindings();
          }
        },
        error -> {
          if (id == runId) {
            end();
            status.set(
                error instanceof CancellationException
                    ? Messages.get("check.cancelled")
                    : Messages.get("check.failed", Messages.describe(error)));
          }
        });
  }

  /** Stops a running check at its next step. */
  public void cancel() {
    if (!running.get()) {
      return;
    }
    current.cancel();
    runId++;
    cancelled = true;
    end();
    status.set(Messages.get("check.cancelled"));
  }

  /** Republishes the findings and the status in the current language. */
  public void relocalize() {
    if (running.get()) {
      status.set(stageText(current.stage()));
    } else if (cancelled) {
      status.set(Messages.get("check.cancelled"));
    } else if (!findings.isEmpty()) {
      showFindings();
    }
  }

  private void end() {
    if (refresh != null) {
      refresh.cancel();
      refresh = null;
    }
    running.set(false);
    progress.set(1);
  }

  private void showFindings() {
    items.setAll(findings.stream().map(CheckViewModel::item).toList());
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    status.set(
        errors > 0
            ? Messages.get("check.summary.errors", errors, warnings)
            : warnings > 0 ? Messages.get("check.summary.warnings", warnings) : Messages.get("check.summary.ok"));
  }

  /** A finding in the window's language: the text of its key with its figures. */
  static CheckItem item(Finding f) {
    return new CheckItem(
        f.topic(), f.severity(), Messages.get("check.topic." + f.topic().name()), Messages.get("check." + f.key(), f.args().toArray()));
  }

  private static String stageText(String stage) {
    return switch (stage) {
      case "shapes" -> Messages.get("check.stage.shapes");
      case "balance" -> Messages.get("check.stage.balance");
      case "overlap" -> Messages.get("check.stage.overlap");
      case "overfit" -> Messages.get("check.stage.overfit");
      case "done" -> Messages.get("check.stage.done");
      default -> Messages.get("check.stage.load");
    };
  }
}
