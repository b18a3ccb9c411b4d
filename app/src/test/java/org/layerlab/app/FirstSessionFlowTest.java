package org.layerlab.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.runs.RunRow;
import org.layerlab.charts.scalar.ScalarChart;
import org.layerlab.model.ModelSpec;
import org.layerlab.runtime.events.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new user's first session, as the start page's steps tell it, through the real window and the real runtime: a new project, a
 * hidden layer dragged from the palette and wired in, a run, a second run with another learning rate, both compared, then the
 * window in Chinese with everything still there.
 */
@ExtendWith(ApplicationExtension.class)
class FirstSessionFlowTest {

  @TempDir Path home;
  private RealWindow window;
  private WorkbenchViewModel viewModel;

  @Start
  void start(Stage stage) {
    window = RealWindow.open(stage, home);
    viewModel = window.viewModel;
  }

  @AfterEach
  void close() {
    window.close();
  }

  @Test
  void fromTheStartPageToTwoComparedRunsThenInChinese(FxRobot robot) throws Exception {
    // 1. The start page: a new project.
    page(robot, "startTab");
    MainViewModel before = viewModel.main();
    robot.clickOn("#newProjectCard");
    // The new project is prepared on a worker (its dataset catalog reads the samples) and installed on the FX thread.
    WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> viewModel.main() != before);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("input", "output"), ids(model()));

    // 2. The model page: drag a Dense onto the canvas and wire input -> dense1 -> output.
    page(robot, "modelTab");
    robot.clickOn("#fitButton");
    Bounds surface = bounds(robot.lookup("#canvasSurface").query());
    robot.drag("#palette-Dense", MouseButton.PRIMARY).moveTo(new Point2D(surface.getMinX() + 60, surface.getMaxY() - 60)).drop();
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("input", "output", "dense1"), ids(model()));
    assertTrue(robot.lookup("#badge-dense1").tryQuery().isPresent(), "a dropped layer is not wired to anything yet");
    robot.clickOn("#fitButton");
    wire(robot, "#out-input", "#in-dense1-0");
    wire(robot, "#out-dense1", "#in-output-0");
    assertEquals(List.of("input"), model().find("dense1").orElseThrow().inputs());
    assertEquals(List.of("dense1"), model().find("output").orElseThrow().inputs());
    assertTrue(viewModel.main().modelEditor().isValid(), viewModel.main().modelEditor().problemsTextProperty().get());

    // 3. The training page: two short runs with different learning rates.
    page(robot, "trainingTab");
    type(robot, "#epochsField", "4");
    type(robot, "#learningRateField", "0.01");
    train(robot, 1);
    type(robot, "#learningRateField", "0.003");
    train(robot, 2);

    // 4. The runs page: both selected, overlaid, and their one differing setting shown.
    page(robot, "runsTab");
    TableView<?> runs = robot.lookup("#runsTable").queryTableView();
    WaitForAsyncUtils.waitFor(20, SECONDS, onFx(() -> runs.getItems().size() == 2));
    robot.interact(() -> runs.getSelectionModel().selectAll());
    ScalarChart compare = robot.lookup("#compareChart").queryAs(ScalarChart.class);
    WaitForAsyncUtils.waitFor(20, SECONDS, onFx(() -> compare.runs().size() == 2 && compare.runs().stream().allMatch(r -> r.size() > 0)));
    robot.interact(() -> robot.lookup("#compareTabs").queryAs(TabPane.class).getSelectionModel().select(1));
    TableView<?> diff = robot.lookup("#compareDiffTable").queryTableView();
    WaitForAsyncUtils.waitFor(10, SECONDS, onFx(() -> !diff.getItems().isEmpty()));
    String differing = onFx(() -> diff.getItems().toString()).call();
    assertTrue(differing.contains("0.003") && differing.contains("0.01"), "the diff shows the two learning rates: " + differing);

    // 5. Chinese: the pages speak it, and the model and both runs are still there.
    robot.interact(() -> viewModel.settings().languageProperty().set(Locale.SIMPLIFIED_CHINESE));
    WaitForAsyncUtils.waitForFxEvents();
    TabPane pages = robot.lookup("#pageTabs").queryAs(TabPane.class);
    assertEquals(Messages.get("tab.runs"), pages.getTabs().get(pages.getTabs().size() - 1).getText());
    assertFalse(Messages.get("tab.runs").equals("Runs & compare"), "the bundle is Chinese now");
    assertEquals(List.of("input", "output", "dense1"), ids(model()), "the edited model survives the switch");
    TableView<?> runsAfter = robot.lookup("#runsTable").queryTableView();
    WaitForAsyncUtils.waitFor(20, SECONDS, onFx(() -> runsAfter.getItems().size() == 2));
    assertEquals(Messages.get("training.train"), robot.lookup("#trainButton").queryButton().getText());
  }

  private ModelSpec model() {
    return viewModel.main().modelEditor().getModel();
  }

  private static List<String> ids(ModelSpec model) {
    return model.layers().stream().map(l -> l.id()).toList();
  }

  private void page(FxRobot robot, String tab) {
    robot.interact(() -> robot.lookup("#mainView").queryAs(MainView.class).showPage(tab));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void wire(FxRobot robot, String from, String to) {
    robot.drag(centre(robot.lookup(from).query()), MouseButton.PRIMARY).moveTo(centre(robot.lookup(to).query())).drop();
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void type(FxRobot robot, String id, String text) {
    TextField field = robot.lookup(id).queryAs(TextField.class);
    robot.clickOn(field);
    robot.interact(field::selectAll);
    robot.write(text);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(text, field.getText());
  }

  private void train(FxRobot robot, int finished) throws Exception {
    Button train = robot.lookup("#trainButton").queryButton();
    WaitForAsyncUtils.waitFor(30, SECONDS, () -> !train.isDisabled());
    robot.clickOn(train);
    WaitForAsyncUtils.waitFor(
        120,
        SECONDS,
        () -> viewModel.main().runs().runs().stream().filter(r -> ((RunRow) r).status() == RunStatus.FINISHED).count() == finished
            && !viewModel.main().training().isRunning());
  }

  private static Bounds bounds(Node node) {
    return node.localToScreen(node.getBoundsInLocal());
  }

  private static Point2D centre(Node node) {
    Bounds b = bounds(node);
    return new Point2D(b.getCenterX(), b.getCenterY());
  }

  private static <T> Callable<T> onFx(Callable<T> c) {
    return () -> WaitForAsyncUtils.asyncFx(c).get();
  }
}
