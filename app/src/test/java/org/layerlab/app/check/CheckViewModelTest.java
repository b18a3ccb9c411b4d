package org.layerlab.app.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.layerlab.app.concurrent.SameThreadTaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.check.Finding;
import org.layerlab.runtime.check.Severity;
import org.layerlab.runtime.check.Topic;
import org.layerlab.runtime.preview.Progress;

class CheckViewModelTest {

  private static final Project PROJECT =
      new Project(
          "p",
          "",
          ModelSpec.of(
              LayerSpec.of("input", LayerType.INPUT).with("shape", List.of(2)),
              LayerSpec.of("output", LayerType.DENSE).with("units", 3)),
          new DatasetRef.Spiral(3, 50, 0.2, 7),
          TrainingSettings.defaults());

  private static final List<Finding> FINDINGS =
      List.of(
          new Finding(Topic.SHAPES, Severity.OK, "shapes.ok", List.of("(N, 2)", "(N, 3)", 3), "fits"),
          new Finding(Topic.OVERFIT, Severity.ERROR, "overfit.stuck", List.of(50, 32, "1.10", "1.09", 1), "stuck"),
          new Finding(Topic.BALANCE, Severity.WARNING, "balance.skewed", List.of("a", 300, "b", 20, "15.0"), "skewed"),
          new Finding(Topic.OVERLAP, Severity.OK, "overlap.none.validation", List.of(30), "none"));

  private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
  private final List<Project> checked = new ArrayList<>();

  @AfterEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  @Test
  void findingsAreListedInTheWindowsLanguageWithASummary() {
    Messages.setLocale(Locale.ENGLISH);
    CheckViewModel vm =
        new CheckViewModel(
            () -> PROJECT,
            Path.of("."),
            (project, dir, progress) -> {
              checked.add(project);
              return FINDINGS;
            },
            executor);

    vm.run();

    assertEquals(List.of(PROJECT), checked, "the project a run would train is checked");
    assertEquals(4, vm.items().size());
    CheckItem overfit = vm.items().get(1);
    assertEquals(Severity.ERROR, overfit.severity());
    assertEquals("Overfit one batch", overfit.title());
    assertTrue(overfit.text().startsWith("50 steps on one batch of 32 samples took the loss from 1.10 to 1.09"), overfit.text());
    assertEquals("1 error(s) and 1 warning(s): fix the errors before training.", vm.statusProperty().get());
    assertFalse(vm.runningProperty().get());
    assertEquals(0, executor.activeRepeats());

    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    vm.relocalize();
    assertEquals("过拟合一个批次", vm.items().get(1).title());
    assertTrue(vm.items().get(2).text().contains("“a”"), vm.items().get(2).text());
  }

  @Test
  void progressIsShownWhileItRunsAndCancelStopsItAndDropsTheAnswer() throws Exception {
    Messages.setLocale(Locale.ENGLISH);
    Progress[] seen = new Progress[1];
    TwoPhaseExecutor ex = new TwoPhaseExecutor(executor);
    CheckViewModel vm =
        new CheckViewModel(
            () -> PROJECT,
            Path.of("."),
            (project, dir, progress) -> {
              seen[0] = progress;
              progress.report(0.5, "overfit");
              return FINDINGS;
            },
            ex);

    vm.run();
    assertTrue(vm.runningProperty().get());
    assertEquals("Loading the data as a run would…", vm.statusProperty().get());
    ex.work();
    executor.tick();
    assertEquals(0.5, vm.progressProperty().get());
    assertEquals("Training on one batch…", vm.statusProperty().get());

    vm.cancel();
    ex.deliver();

    assertTrue(seen[0].isCancelled(), "the worker is told to stop");
    assertFalse(vm.runningProperty().get());
    assertEquals(0, executor.activeRepeats());
    assertTrue(vm.items().isEmpty(), "the answer of a cancelled check is dropped");
    assertEquals("The check was cancelled.", vm.statusProperty().get());
  }

  /** Runs background work and hands over its result in two steps the test calls. */
  private static final class TwoPhaseExecutor implements org.layerlab.app.concurrent.TaskExecutor {
    private final SameThreadTaskExecutor ui;
    private java.util.concurrent.Callable<?> work;
    private java.util.function.Consumer<Object> ok;
    private Object result;

    TwoPhaseExecutor(SameThreadTaskExecutor ui) {
      this.ui = ui;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void execute(
        java.util.concurrent.Callable<T> w,
        java.util.function.Consumer<? super T> onSuccess,
        java.util.function.Consumer<? super Throwable> onFailure) {
      work = w;
      ok = (java.util.function.Consumer<Object>) onSuccess;
    }

    void work() throws Exception {
      result = work.call();
    }

    void deliver() {
      ok.accept(result);
    }

    @Override
    public void runOnUiThread(Runnable action) {
      action.run();
    }

    @Override
    public org.layerlab.app.concurrent.Cancellable repeatOnUiThread(java.time.Duration period, Runnable action) {
      return ui.repeatOnUiThread(period, action);
    }
  }

  @Test
  void everyFindingTheRuntimeReportsHasATextInBothLanguages() {
    List<String> keys =
        List.of(
            "data.unreadable",
            "shapes.ok",
            "shapes.problem",
            "overfit.ok",
            "overfit.slow",
            "overfit.stuck",
            "overfit.diverged",
            "overfit.failed",
            "overfit.blocked",
            "overfit.regression",
            "balance.ok",
            "balance.skewed",
            "balance.empty",
            "balance.noClasses",
            "balance.regression",
            "overlap.none.validation",
            "overlap.none.test",
            "overlap.found.validation",
            "overlap.found.test");
    for (Locale locale : Messages.SUPPORTED) {
      ResourceBundle bundle = Messages.bundle(locale);
      for (String key : keys) {
        assertTrue(bundle.containsKey("check." + key), locale + " check." + key);
      }
      for (Topic t : Topic.values()) {
        assertTrue(bundle.containsKey("check.topic." + t.name()), locale + " " + t);
      }
    }
  }
}
