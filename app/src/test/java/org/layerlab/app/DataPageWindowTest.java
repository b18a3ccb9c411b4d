package org.layerlab.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.check.CheckItem;
import org.layerlab.app.data.DatasetChoice;
import org.layerlab.charts.boundary.DecisionBoundaryView;
import org.layerlab.charts.samples.SampleGrid;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.runtime.data.DatasetLoader;
import org.layerlab.runtime.data.LoadedData;
import org.layerlab.runtime.check.Severity;
import org.layerlab.runtime.check.Topic;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The data page of the real window on the spiral sample, driven by a robot. Headless through Monocle. */
@ExtendWith(ApplicationExtension.class)
class DataPageWindowTest {

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
  void close() {
    window.close();
  }

  @Test
  void aGeneratedSetShowsItsPointsAndClassBarsFollowsTheSliderAndPassesTheCheck(FxRobot robot) throws Exception {
    robot.interact(() -> robot.lookup("#mainView").queryAs(MainView.class).showPage("dataTab"));
    ComboBox<DatasetChoice> combo = robot.lookup("#datasetCombo").queryComboBox();
    DatasetChoice clusters =
        combo.getItems().stream()
            .filter(c -> c.ref() instanceof DatasetRef.Synthetic s && s.kind() == DatasetRef.SyntheticKind.GAUSSIANS)
            .findFirst()
            .orElseThrow();
    robot.interact(() -> combo.getSelectionModel().select(clusters));

    WaitForAsyncUtils.waitFor(30, SECONDS, onFx(() -> robot.lookup("#previewScatter").tryQuery().isPresent()));
    DecisionBoundaryView scatter = robot.lookup("#previewScatter").queryAs(DecisionBoundaryView.class);
    assertEquals(400, scatter.getPoints().size(), "every point of the 400 clusters samples");
    BarChart<?, ?> bars = robot.lookup("#classBalanceChart").queryAs(BarChart.class);
    assertEquals(2, onFx(() -> bars.getData().size()).call(), "training and validation bars (no test share)");
    assertEquals(3, onFx(() -> bars.getData().get(0).getData().size()).call(), "one bar per class");
    Label counts = robot.lookup("#dataCountsLabel").queryAs(Label.class);
    assertEquals(countsARunSees(clusters.ref(), 0.2), counts.getText());
    robot.interact(() -> Screenshots.save(scene, "data-1-clusters"));

    // The validation slider: one step to the right holds out 5% more.
    Slider validation = robot.lookup("#validationSlider").queryAs(Slider.class);
    robot.clickOn(validation);
    robot.interact(() -> validation.setValue(0.2));
    robot.type(KeyCode.RIGHT);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(0.25, validation.getValue(), 1e-9);
    assertEquals(countsARunSees(clusters.ref(), 0.25), counts.getText());
    assertNotEquals(countsARunSees(clusters.ref(), 0.2), counts.getText());
    assertEquals(0.25, viewModel.main().training().projectToTrain().training().validationFraction(), 1e-9);

    robot.clickOn("#checkButton");
    VBox results = robot.lookup("#checkResults").queryAs(VBox.class);
    WaitForAsyncUtils.waitFor(90, SECONDS, onFx(() -> !results.getChildren().isEmpty()));
    List<CheckItem> items = viewModel.main().check().items();
    assertEquals(List.of(Topic.SHAPES, Topic.OVERFIT, Topic.BALANCE, Topic.OVERLAP), items.stream().map(CheckItem::topic).toList());
    assertTrue(items.stream().allMatch(i -> i.severity() == Severity.OK), items.toString());
    assertEquals("All checks passed: ready to train.", robot.lookup("#checkStatusLabel").queryAs(Label.class).getText());
    robot.interact(() -> Screenshots.save(scene, "data-2-checked"));
  }

  @Test
  void imagesSequencesAndCurvesEachGetTheirOwnPreview(FxRobot robot) throws Exception {
    robot.interact(() -> robot.lookup("#mainView").queryAs(MainView.class).showPage("dataTab"));
    ComboBox<DatasetChoice> combo = robot.lookup("#datasetCombo").queryComboBox();

    DatasetChoice images =
        combo.getItems().stream()
            .filter(c -> c.ref() instanceof DatasetRef.Idx)
            .min(java.util.Comparator.comparing(c -> ((DatasetRef.Idx) c.ref()).useFullWhenAvailable()))
            .orElseThrow();
    robot.interact(() -> combo.getSelectionModel().select(images));
    WaitForAsyncUtils.waitFor(60, SECONDS, onFx(() -> robot.lookup("#previewSamples").tryQuery().isPresent()));
    SampleGrid grid = robot.lookup("#previewSamples").queryAs(SampleGrid.class);
    assertEquals(40, grid.samples().size(), "four images of each of the ten classes");
    assertEquals("T-shirt/top", grid.samples().get(0).trueLabel());
    assertFalse(robot.lookup("#flipCheck").query().isDisabled(), "images can be augmented");
    robot.interact(() -> Screenshots.save(scene, "data-3-images"));

    for (DatasetRef.SyntheticKind kind : List.of(DatasetRef.SyntheticKind.SEQUENCE, DatasetRef.SyntheticKind.SINE)) {
      DatasetChoice choice =
          combo.getItems().stream()
              .filter(c -> c.ref() instanceof DatasetRef.Synthetic s && s.kind() == kind)
              .findFirst()
              .orElseThrow();
      robot.interact(() -> combo.getSelectionModel().select(choice));
      String id = kind == DatasetRef.SyntheticKind.SINE ? "#previewCurve" : "#previewSequences";
      WaitForAsyncUtils.waitFor(30, SECONDS, onFx(() -> robot.lookup(id).tryQuery().isPresent()));
      LineChart<?, ?> chart = robot.lookup(id).queryAs(LineChart.class);
      int lines = onFx(() -> chart.getData().size()).call();
      assertEquals(kind == DatasetRef.SyntheticKind.SINE ? 1 : 2 * 3, lines, kind + ": one line, or three per class");
      assertTrue(robot.lookup("#flipCheck").query().isDisabled(), kind + " cannot be augmented");
      robot.interact(() -> Screenshots.save(scene, "data-4-" + kind.jsonName()));
    }
  }

  /** The counts line for the split a run of {@code ref} makes with this validation share. */
  private static String countsARunSees(DatasetRef ref, double validation) throws Exception {
    LoadedData run = DatasetLoader.load(ref, Path.of("."), TrainingSettings.defaults().withValidationFraction(validation));
    return "Training " + run.train().size() + " · validation " + run.validation().size() + " · test 0 samples";
  }

  private static <T> Callable<T> onFx(Callable<T> check) {
    return () -> WaitForAsyncUtils.asyncFx(check).get();
  }
}
