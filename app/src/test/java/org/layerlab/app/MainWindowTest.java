package org.layerlab.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.layerlab.app.model.ModelEditorViewModel;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.runs.RunRow;
import org.layerlab.charts.SeriesPalette;
import org.layerlab.charts.scalar.ScalarChart;
import org.layerlab.charts.scalar.ScalarRun;
import org.layerlab.model.project.OptimizerKind;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on the spiral sample, driven by a robot, with a fresh workspace. Headless through Monocle. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

  @TempDir Path home;
  private RealWindow window;
  private Workspace workspace;
  private WorkbenchViewModel viewModel;
  private Scene scene;

  @Start
  void start(Stage stage) {
    window = RealWindow.open(stage, home);
    workspace = window.workspace;
    viewModel = window.viewModel;
    scene = window.scene;
  }

  @AfterEach
  void closeWorkspace() {
    window.close();
  }

  @Test
  void trainingTheSpiralSampleDrawsLiveCurvesAndRecordsAFinishedRun(FxRobot robot) throws Exception {
    Button train = robot.lookup("#trainButton").queryButton();
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> !train.isDisabled());
    assertEquals(4, robot.lookup(".canvas-node").queryAll().size());

    robot.interact(() -> Screenshots.save(scene, "1-start"));
    robot.interact(() -> robot.lookup("#mainView").queryAs(MainView.class).showPage("trainingTab"));
    // Click, then select all: a double-click selects only a word, and under load it can arrive as two single clicks.
    robot.clickOn("#epochsField");
    robot.interact(() -> robot.lookup("#epochsField").queryAs(TextField.class).selectAll());
    robot.write("3");
    assertEquals("3", robot.lookup("#epochsField").queryAs(TextField.class).getText());
    robot.clickOn("#trainButton");

    ScalarChart loss = robot.lookup("#lossChart").queryAs(ScalarChart.class);
    TableView<?> runs = robot.lookup("#runsTable").queryTableView();
    WaitForAsyncUtils.waitFor(
        90,
        SECONDS,
        onFx(
            () ->
                loss.runs().get(0).size() > 0
                    && viewModel.main().runs().runs().stream().anyMatch(r -> r.status() == RunStatus.FINISHED)));

    robot.interact(() -> Screenshots.save(scene, "2-trained"));
    RunRow run = onFx(() -> viewModel.main().runs().runs().get(0)).call();
    assertEquals(RunStatus.FINISHED, run.status());
    assertTrue(run.name().startsWith("Spiral "), run.name());
    assertTrue(run.message().startsWith("Finished 3 epochs"), run.message());
    assertEquals(3, onFx(() -> loss.runs().get(1).size()).call(), "one validation point per epoch");
    assertEquals("Finished", robot.lookup("#progressLabel").queryAs(Label.class).getText());
    assertFalse(train.isDisabled());

    // A second run with SGD, then both selected: their validation curves overlay, one colour each.
    robot.interact(() -> robot.lookup("#optimizerCombo").queryComboBox().getSelectionModel().select(OptimizerKind.SGD));
    robot.clickOn("#trainButton");
    WaitForAsyncUtils.waitFor(
        90,
        SECONDS,
        onFx(() -> viewModel.main().runs().runs().stream().filter(r -> r.status() == RunStatus.FINISHED).count() == 2));
    // the runs page builds its rows when it is shown
    robot.interact(() -> robot.lookup("#mainView").queryAs(MainView.class).showPage("runsTab"));
    assertEquals(2, onFx(() -> runs.getItems().stream().filter(r -> ((RunRow) r).status() == RunStatus.FINISHED).count()).call());
    robot.interact(() -> runs.getSelectionModel().selectAll());
    ScalarChart compare = robot.lookup("#compareChart").queryAs(ScalarChart.class);
    WaitForAsyncUtils.waitFor(
        10,
        SECONDS,
        onFx(() -> compare.runs().size() == 2 && compare.runs().stream().allMatch(series -> series.size() == 3)));
    assertEquals(
        List.of(SeriesPalette.color(0), SeriesPalette.color(1)),
        onFx(() -> compare.runs().stream().map(ScalarRun::color).toList()).call());
    robot.interact(
        () -> {
          robot.lookup("#mainView").queryAs(MainView.class).showPage("runsTab");
          robot.lookup("#compareChart").query().applyCss();
        });
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> Screenshots.save(scene, "3-runs"));
  }

  @Test
  void thePropertySheetRefusesAnUnreadableValueAndAppliesAGoodOneAsOneUndoStep(FxRobot robot) throws Exception {
    Button train = robot.lookup("#trainButton").queryButton();
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> !train.isDisabled());
    ModelEditorViewModel editor = viewModel.main().modelEditor();

    robot.clickOn("#node-dense1");
    TextField units = robot.lookup("#property-units").queryAs(TextField.class);
    robot.clickOn(units);
    robot.interact(units::selectAll);
    robot.write("6x4");
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals("6x4", units.getText(), "the typed text stays for the user to fix");
    Label problem = robot.lookup("#property-units-problem").queryAs(Label.class);
    assertTrue(problem.isVisible() && !problem.getText().isEmpty(), "the field says why");
    assertEquals(64, ((Number) editor.getModel().find("dense1").orElseThrow().settings().get("units")).intValue(), "nothing unreadable is applied");
    assertFalse(train.isDisabled(), "the model is still the last valid one");
    robot.interact(() -> Screenshots.save(scene, "4-invalid-edit"));

    robot.interact(units::selectAll);
    robot.write("8").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(8, ((Number) editor.getModel().find("dense1").orElseThrow().settings().get("units")).intValue());
    assertFalse(problem.isVisible());
    String shape = robot.lookup("#node-dense1 .node-shape").queryAs(Label.class).getText();
    assertTrue(shape.contains("8"), "the node shows the new output shape: " + shape);

    robot.interact(editor::undo);
    assertEquals(64, ((Number) editor.getModel().find("dense1").orElseThrow().settings().get("units")).intValue(), "one undo step");
  }

  @Test
  void choosingFashionMnistShowsTheInputShapeFixOnTheInputNode(FxRobot robot) throws Exception {
    Button train = robot.lookup("#trainButton").queryButton();
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> !train.isDisabled());

    robot.interact(() -> robot.lookup("#datasetCombo").queryComboBox().getSelectionModel().select(1));
    WaitForAsyncUtils.waitFor(20, SECONDS, onFx(() -> robot.lookup("#node-input").query().getStyleClass().contains("invalid")));

    assertTrue(train.isDisabled());
    assertEquals("Samples (N, 1, 28, 28) · 10 classes", robot.lookup("#datasetInfoLabel").queryAs(Label.class).getText());
    String problems = robot.lookup("#problemsLabel").queryAs(Label.class).getText();
    assertTrue(problems.contains("set shape to 1, 28, 28"), problems);
    String badge = robot.lookup("#badge-input").queryAs(Label.class).getTooltip().getText();
    assertTrue(badge.contains("set shape to 1, 28, 28"), "the badge's tooltip is the analyzer's message: " + badge);
    robot.interact(() -> Screenshots.save(scene, "5-fashion-mismatch"));
  }

  private static <T> Callable<T> onFx(Callable<T> check) {
    return () -> WaitForAsyncUtils.asyncFx(check).get();
  }
}
