package org.layerlab.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.training.TrainingViewModel;
import org.layerlab.app.training.monitor.BoundaryPane;
import org.layerlab.app.training.monitor.ConfusionPane;
import org.layerlab.charts.scalar.ScalarChart;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The run monitor in the real window on the spiral sample: confusion matrix, decision boundary, pause, single step and resume. */
@ExtendWith(ApplicationExtension.class)
class RunMonitorWindowTest {

  @TempDir Path home;
  private RealWindow window;
  private WorkbenchViewModel viewModel;
  private Scene scene;

  @Start
  void start(Stage stage) {
    window = RealWindow.open(stage, home);
    viewModel = window.viewModel;
    scene = window.scene;
  }

  @AfterEach
  void closeWorkspace() {
    window.close();
  }

  @Test
  void theSpiralFillsTheConfusionMatrixAndBoundaryAndPausesStepsAndResumes(FxRobot robot) throws Exception {
    Button train = robot.lookup("#trainButton").queryButton();
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> !train.isDisabled());
    TrainingViewModel training = viewModel.main().training();
    robot.interact(
        () -> {
          robot.lookup("#mainView").queryAs(MainView.class).showPage("trainingTab");
          viewModel.main().setup().epochsTextProperty().set("400"); // long enough to pause it
        });
    assertTrue(robot.lookup("#pauseButton").queryButton().isDisabled(), "nothing to pause yet");
    robot.clickOn("#trainButton");

    // The first epoch ends: a confusion matrix and a decision boundary.
    BoundaryPane boundary = robot.lookup("#boundaryPane").queryAs(BoundaryPane.class);
    WaitForAsyncUtils.waitFor(
        90, SECONDS, onFx(() -> training.confusionProperty().get() != null && boundary.view().getField() != null));
    robot.interact(() -> robot.lookup("#monitorTabs").queryAs(TabPane.class).getSelectionModel().select(2));
    WaitForAsyncUtils.waitFor(10, SECONDS, onFx(() -> boundary.view().fieldsDrawn() > 0));
    assertEquals(training.latestBoundary().columns(), boundary.view().getField().columns());
    assertTrue(onFx(() -> boundary.view().getEpoch() >= 1).call(), "the field is from a training epoch, which its status names");
    assertFalse(robot.lookup("#boundaryHint").query().isVisible(), "the hint gives way to the boundary");
    assertTrue(boundary.view().getPoints().size() > 100, "the training points on top");

    // A click on a cell of the confusion matrix lists its samples.
    robot.interact(() -> robot.lookup("#monitorTabs").queryAs(TabPane.class).getSelectionModel().select(1));
    ConfusionPane confusion = robot.lookup("#confusionPane").queryAs(ConfusionPane.class);
    WaitForAsyncUtils.waitFor(10, SECONDS, onFx(() -> confusion.matrix().cellBounds(0, 0) != null));
    int[] fullest = onFx(() -> fullestCell(training.confusionProperty().get())).call();
    Bounds cell = onFx(() -> confusion.matrix().localToScreen(confusion.matrix().cellBounds(fullest[0], fullest[1]))).call();
    robot.clickOn(cell.getCenterX(), cell.getCenterY());
    WaitForAsyncUtils.waitForFxEvents();
    String cellText = robot.lookup("#cellLabel").queryAs(Label.class).getText();
    List<String> names = training.confusionProperty().get().classNames();
    assertTrue(cellText.startsWith("True " + names.get(fullest[0]) + ", predicted " + names.get(fullest[1]) + ": "), cellText);
    ListView<?> points = robot.lookup("#cellPointsList").queryAs(ListView.class);
    // Read together on the FX thread: each epoch's new matrix refreshes the chosen cell, list and all.
    int[] sizes = onFx(() -> new int[] {training.cellSamples().size(), points.getItems().size()}).call();
    assertTrue(sizes[1] > 0, "the spiral's points of that cell");
    assertEquals(sizes[0], sizes[1]);

    // Pause, one step, resume.
    robot.clickOn("#pauseButton");
    WaitForAsyncUtils.waitFor(20, SECONDS, onFx(() -> training.pausedProperty().get()));
    Button step = robot.lookup("#stepButton").queryButton();
    WaitForAsyncUtils.waitFor(5, SECONDS, () -> !step.isDisabled());
    assertFalse(robot.lookup("#resumeButton").queryButton().isDisabled());
    assertTrue(robot.lookup("#pauseButton").queryButton().isDisabled());
    int before = onFx(training::trainLossPoints).call();
    Thread.sleep(300);
    assertEquals(before, onFx(training::trainLossPoints).call(), "a paused run trains nothing");
    robot.clickOn("#stepButton");
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> onFx(training::trainLossPoints).call() == before + 1 && !step.isDisabled());
    String status = robot.lookup("#statusLabel").queryAs(Label.class).getText();
    assertTrue(status.startsWith("Paused after step " + String.format(Locale.ENGLISH, "%,d", before + 1) + " "), status);
    robot.interact(() -> Screenshots.save(scene, "monitor-paused"));

    robot.clickOn("#resumeButton");
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> onFx(training::trainLossPoints).call() > before + 5);
    assertTrue(step.isDisabled(), "no single step while it runs");
    ScalarChart loss = robot.lookup("#lossChart").queryAs(ScalarChart.class);
    assertTrue(onFx(() -> loss.runs().get(0).size()).call() > before);

    robot.clickOn("#stopButton");
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> !training.isRunning());
    assertNotNull(training.lastRunProperty().get());

    // The charts' dashed grid patterns survive a garbage collection, so a redraw need not render them again.
    int pinned = onFx(org.layerlab.app.training.monitor.MonitorSupport::pinnedDashPatterns).call();
    assertTrue(pinned > 0, "the grid patterns drawn so far are held");
    System.gc();
    robot.interact(() -> robot.lookup("#monitorTabs").queryAs(TabPane.class).getSelectionModel().select(0));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(onFx(() -> dashPatternCache().size()).call() >= pinned, "nothing was dropped from ChartFX's cache");
  }

  /** ChartFX's own cache of dashed-line patterns. */
  private static java.util.Map<?, ?> dashPatternCache() throws Exception {
    java.lang.reflect.Field f =
        Class.forName("io.fair_acc.chartfx.renderer.spi.utils.DashPatternStyle").getDeclaredField("dashHashMap");
    f.setAccessible(true);
    return (java.util.Map<?, ?>) f.get(null);
  }

  private static int[] fullestCell(org.layerlab.runtime.events.ValidationConfusion c) {
    int[] best = {0, 0};
    for (int t = 0; t < c.classNames().size(); t++) {
      for (int p = 0; p < c.classNames().size(); p++) {
        if (c.count(t, p) > c.count(best[0], best[1])) {
          best = new int[] {t, p};
        }
      }
    }
    return best;
  }

  private static <T> Callable<T> onFx(Callable<T> c) {
    return () -> WaitForAsyncUtils.asyncFx(c).get();
  }
}
