package org.layerlab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.app.MainView;
import org.layerlab.app.i18n.Messages;
import org.layerlab.charts.MetricSeries;
import org.layerlab.charts.schedule.ScheduleChart;
import org.layerlab.model.project.OptimizerKind;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.model.project.TrainingSettings.Algorithm;
import org.layerlab.model.project.TrainingSettings.ScheduleKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings form driven by a robot: typing shows problems at once, and the preview follows the schedule. */
@ExtendWith(ApplicationExtension.class)
class TrainingSetupViewTest {

  private TrainingSetupViewModel viewModel;

  @Start
  void start(Stage stage) {
    Messages.setLocale(Locale.ENGLISH);
    viewModel = new TrainingSetupViewModel(TrainingSettings.defaults());
    viewModel.trainingSamplesProperty().set(500);
    ScrollPane scroll = new ScrollPane(new TrainingSetupView(viewModel));
    scroll.setFitToWidth(true);
    Scene scene = new Scene(scroll, 420, 1400);
    scene.getStylesheets().add(MainView.class.getResource(MainView.STYLESHEET).toExternalForm());
    stage.setScene(scene);
    stage.show();
  }

  /** Clicks into the field, selects all its text and types over it, as a user would. */
  private static void retype(FxRobot robot, String id, String text) {
    TextField field = robot.lookup(id).queryAs(TextField.class);
    robot.clickOn(field);
    robot.interact(() -> {
      field.requestFocus();
      field.selectAll();
    });
    robot.write(text);
  }

  @Test
  void typingABadLearningRateShowsTheProblemUnderTheField(FxRobot robot) {
    Label problem = robot.lookup("#learningRateProblem").queryAs(Label.class);
    assertFalse(problem.isVisible());
    retype(robot, "#learningRateField", "0.0o1");
    assertEquals("0.0o1", robot.lookup("#learningRateField").queryAs(TextField.class).getText());
    assertTrue(problem.isVisible());
    assertEquals("Type a number, such as 0.001 (got '0.0o1').", problem.getText());
    assertFalse(viewModel.settingsValidProperty().get());

    retype(robot, "#learningRateField", "20");
    assertTrue(problem.getText().startsWith("learning rate must be above 0 and at most 10"), problem.getText());
    retype(robot, "#learningRateField", "0.01");
    assertFalse(problem.isVisible());
    assertTrue(viewModel.settingsValidProperty().get());
  }

  @Test
  void changingTheScheduleRedrawsThePreview(FxRobot robot) throws Exception {
    ScheduleChart chart = robot.lookup("#schedulePreview").queryAs(ScheduleChart.class);
    MetricSeries constant = WaitForAsyncUtils.asyncFx(() -> chart.chart().series().get(0)).get();
    assertEquals(0.001, constant.lastY(), 1e-12, "a constant rate ends where it starts");
    assertFalse(robot.lookup("#scheduleGammaField").query().isVisible());

    robot.interact(() -> robot.lookup("#scheduleCombo").<ScheduleKind>queryComboBox().getSelectionModel().select(ScheduleKind.EXPONENTIAL));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup("#scheduleGammaField").query().isVisible());
    retype(robot, "#scheduleGammaField", "0.5");
    MetricSeries decay = WaitForAsyncUtils.asyncFx(() -> chart.chart().series().get(0)).get();
    // Ten epochs: the rate at the last step is the start times 0.5 nine times over.
    assertEquals(0.001 * Math.pow(0.5, 9), decay.lastY(), 1e-12);
    assertNotEquals(constant.lastY(), decay.lastY());
    String line = robot.lookup("#schedulePreviewText").queryAs(Label.class).getText();
    assertTrue(line.startsWith("Starts at 0.001, peaks at 0.001 and ends at 1.95e-6"), line);
  }

  @Test
  void choosingAnOptimizerShowsOnlyItsOptions(FxRobot robot) {
    assertFalse(robot.lookup("#momentumField").query().isVisible());
    assertTrue(robot.lookup("#beta1Field").query().isVisible());
    robot.interact(() -> robot.lookup("#optimizerCombo").<OptimizerKind>queryComboBox().getSelectionModel().select(OptimizerKind.SGD));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup("#momentumField").query().isVisible());
    assertTrue(robot.lookup("#nesterovCheck").query().isVisible());
    assertFalse(robot.lookup("#beta1Field").query().isVisible());
    assertFalse(robot.lookup("#algorithmCombo").query().isVisible(), "SGD has one rule");

    robot.interact(() -> robot.lookup("#optimizerCombo").<OptimizerKind>queryComboBox().getSelectionModel().select(OptimizerKind.ADAM));
    ComboBox<Algorithm> rule = robot.lookup("#algorithmCombo").queryComboBox();
    robot.interact(() -> rule.getSelectionModel().select(Algorithm.RMSPROP));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Algorithm.RMSPROP, viewModel.settingsProperty().get().algorithm());
    assertTrue(robot.lookup("#rhoField").query().isVisible());
    assertFalse(robot.lookup("#beta1Field").query().isVisible());
  }
}
