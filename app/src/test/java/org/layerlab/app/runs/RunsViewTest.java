package org.layerlab.app.runs;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.MainView;
import org.layerlab.app.concurrent.FxTaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.charts.scalar.ScalarChart;
import org.layerlab.runtime.events.MetricTags;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.MetricPoint;
import org.layerlab.runtime.store.RunOptions;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.tracking.ConfigDiff;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The runs view on a store of three runs, driven by a robot: select two, see their curves overlaid and their settings diffed. */
@ExtendWith(ApplicationExtension.class)
class RunsViewTest {

  private static final long T0 = 1_790_000_000_000L;

  @TempDir static Path dir;
  private RunStore store;
  private FxTaskExecutor executor;
  private RunsViewModel viewModel;
  private Scene scene;

  @Start
  void start(Stage stage) {
    Messages.setLocale(Locale.ENGLISH);
    store = RunStore.open(dir.resolve("runs-" + System.nanoTime() + ".db"));
    run("adam lr 0.01", 0.01, "ADAM", T0, new double[] {0.6, 0.8, 0.9});
    run("sgd lr 0.1", 0.1, "SGD", T0 + 1000, new double[] {0.4, 0.5, 0.7});
    run("sgd lr 0.5", 0.5, "SGD", T0 + 2000, new double[] {0.3, 0.35, 0.4});
    executor = new FxTaskExecutor();
    viewModel = new RunsViewModel(() -> store, executor, new TestRunChooser());
    RunsView view = new RunsView(viewModel);
    scene = new Scene(view, 1200, 760);
    scene.getStylesheets().add(MainView.class.getResource(MainView.STYLESHEET).toExternalForm());
    stage.setScene(scene);
    stage.show();
    viewModel.refresh();
  }

  private void run(String name, double learningRate, String optimizer, long start, double[] accuracy) {
    String config = "{\"training\":{\"learningRate\":" + learningRate + ",\"optimizer\":\"" + optimizer + "\",\"seed\":1}}";
    String id = store.createRun(name, "Spiral", config, start, RunOptions.NONE);
    for (int e = 0; e < accuracy.length; e++) {
      store.appendMetrics(
          id,
          List.of(
              new MetricPoint(MetricTags.VALIDATION_ACCURACY, e + 1, start + e, accuracy[e]),
              new MetricPoint(MetricTags.VALIDATION_LOSS, e + 1, start + e, 1 - accuracy[e])));
    }
    store.endRun(id, RunStatus.FINISHED, start + 30_000, accuracy[accuracy.length - 1], "Finished.");
  }

  @AfterEach
  void close() {
    executor.close();
    store.close();
  }

  @Test
  void aHiddenPageTakesNewRunsWhenShownAndKeepsTheSelection(FxRobot robot) throws Exception {
    TableView<?> table = robot.lookup("#runsTable").queryTableView();
    WaitForAsyncUtils.waitFor(10, SECONDS, onFx(() -> table.getItems().size() == 3));
    robot.clickOn("sgd lr 0.1");
    RunsView view = robot.lookup("#runsView").queryAs(RunsView.class);
    robot.interact(() -> view.setShown(false));

    run("adam lr 0.001", 0.001, "ADAM", T0 + 3000, new double[] {0.5, 0.6, 0.65});
    robot.interact(viewModel::refresh);
    WaitForAsyncUtils.waitFor(10, SECONDS, onFx(() -> viewModel.runs().size() == 4));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(3, onFx(() -> table.getItems().size()).call(), "a hidden page builds no rows");

    robot.interact(() -> view.setShown(true));
    assertEquals(4, onFx(() -> table.getItems().size()).call(), "shown, it has the new run");
    assertEquals(
        List.of("sgd lr 0.1"),
        onFx(() -> table.getSelectionModel().getSelectedItems().stream().map(r -> ((RunRow) r).name()).toList()).call(),
        "and the selection it had");
  }

  @Test
  void selectingTwoRunsOverlaysTheirCurvesAndDiffsTheirSettings(FxRobot robot) throws Exception {
    TableView<?> table = robot.lookup("#runsTable").queryTableView();
    WaitForAsyncUtils.waitFor(10, SECONDS, onFx(() -> table.getItems().size() == 3));

    // how each run ended is a column of its own, not only a tooltip
    TableColumn<?, ?> ending = onFx(() -> table.getColumns().stream().filter(c -> "runsEndingColumn".equals(c.getId())).findFirst().orElseThrow()).call();
    assertEquals(Messages.get("runs.column.ending"), ending.getText());
    assertEquals("Finished.", onFx(() -> ending.getCellData(0)).call());

    robot.clickOn("adam lr 0.01");
    robot.press(KeyCode.CONTROL).clickOn("sgd lr 0.5").release(KeyCode.CONTROL);

    ScalarChart chart = robot.lookup("#compareChart").queryAs(ScalarChart.class);
    WaitForAsyncUtils.waitFor(
        10, SECONDS, onFx(() -> chart.runs().size() == 2 && chart.runs().stream().allMatch(r -> r.size() == 3)));
    assertEquals(List.of("sgd lr 0.5", "adam lr 0.01"), onFx(() -> chart.runs().stream().map(r -> r.name()).toList()).call());
    assertEquals("2 runs compared on val. accuracy, one colour each; seed groups as their mean with a ± sd band.", robot.lookup("#compareLabel").queryAs(Label.class).getText());

    robot.interact(() -> robot.lookup("#compareTabs").queryAs(TabPane.class).getSelectionModel().select(1));
    TableView<?> diff = robot.lookup("#compareDiffTable").queryTableView();
    List<?> rows = onFx(() -> List.copyOf(diff.getItems())).call();
    assertEquals(
        List.of(
            new ConfigDiff.Row("training.learningRate", List.of("0.5", "0.01")),
            new ConfigDiff.Row("training.optimizer", List.of("SGD", "ADAM"))),
        rows);
    assertEquals(3, onFx(() -> diff.getColumns().size()).call(), "the setting and one column per run");
    assertTrue(robot.lookup("SGD").tryQuery().isPresent(), "the diff shows the values");
  }

  @Test
  void typingInTheSearchBoxFiltersAndANameEditsInPlace(FxRobot robot) throws Exception {
    TableView<?> table = robot.lookup("#runsTable").queryTableView();
    WaitForAsyncUtils.waitFor(10, SECONDS, onFx(() -> table.getItems().size() == 3));

    robot.clickOn("#runsSearchField").write("sgd");
    WaitForAsyncUtils.waitFor(10, SECONDS, onFx(() -> table.getItems().size() == 2));
    assertEquals("Showing 2 of 3 runs", robot.lookup("#runsStatusLabel").queryAs(Label.class).getText());

    robot.doubleClickOn("sgd lr 0.1");
    robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("sgd baseline").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(
        10, SECONDS, () -> store.listRuns().stream().anyMatch(r -> r.name().equals("sgd baseline")));
    WaitForAsyncUtils.waitFor(
        10, SECONDS, onFx(() -> table.getItems().stream().anyMatch(r -> ((RunRow) r).name().equals("sgd baseline"))));
  }

  private static <T> Callable<T> onFx(Callable<T> check) {
    return () -> WaitForAsyncUtils.asyncFx(check).get();
  }
}
