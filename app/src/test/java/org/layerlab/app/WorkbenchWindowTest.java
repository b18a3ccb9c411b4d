package org.layerlab.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.charts.scalar.ScalarChart;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.project.ProjectFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench shell driven by a robot: the language switch and the project file round trip. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

  @TempDir Path home;
  @TempDir Path files;
  private final TestChooser chooser = new TestChooser();
  private RealWindow window;
  private WorkbenchViewModel viewModel;
  private Stage stage;
  private Scene scene;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = RealWindow.open(stage, home, chooser);
    viewModel = window.viewModel;
    scene = window.scene;
  }

  @AfterEach
  void close() {
    window.close();
  }

  @Test
  void theMonitorsProgressWordsAreInTheWindowsFontWithDigitsOfOneWidthInBothThemes(FxRobot robot) {
    TabPane tabs = robot.lookup("#pageTabs").queryAs(TabPane.class);
    robot.interact(
        () -> tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "trainingTab".equals(t.getId())).findFirst().orElseThrow()));
    for (org.layerlab.app.settings.Theme theme : org.layerlab.app.settings.Theme.values()) {
      robot.interact(() -> viewModel.settings().themeProperty().set(theme));
      robot.interact(() -> scene.getRoot().applyCss());
      javafx.scene.text.Font around = robot.lookup("#statusLabel").queryAs(Label.class).getFont();
      for (String id : List.of("#etaLabel", "#progressLabel")) { // "Took 0:42", "Finished"
        javafx.scene.text.Font font = robot.lookup(id).queryAs(Label.class).getFont();
        assertEquals(around.getFamily(), font.getFamily(), id + " in the " + theme + " theme");
        assertFalse(font.getFamily().toLowerCase(Locale.ROOT).contains("mono"), id + " is not monospace: " + font);
        javafx.scene.text.Text zeros = new javafx.scene.text.Text("00:00");
        javafx.scene.text.Text ones = new javafx.scene.text.Text("11:11");
        zeros.setFont(font);
        ones.setFont(font);
        assertEquals(zeros.getLayoutBounds().getWidth(), ones.getLayoutBounds().getWidth(), 0.01, "a counting clock does not jump: " + font);
      }
    }
  }

  @Test
  void switchingToChineseChangesTheMainLabelsAndKeepsTheEditedModel(FxRobot robot) throws Exception {
    assertEquals("startTab", window.firstPage, "a first look starts on the start page and its steps");
    robot.interact(() -> robot.lookup("#mainView").queryAs(MainView.class).showPage("dataTab"));
    robot.interact(() -> viewModel.settings().languageProperty().set(Locale.SIMPLIFIED_CHINESE));
    assertEquals("dataTab", robot.lookup("#mainView").queryAs(MainView.class).selectedPage(), "a language switch keeps the page");
    robot.interact(() -> viewModel.settings().languageProperty().set(Locale.ENGLISH));
    robot.interact(() -> robot.lookup("#mainView").queryAs(MainView.class).showPage("modelTab"));
    Button train = robot.lookup("#trainButton").queryButton();
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> !train.isDisabled());
    robot.clickOn("#node-dense1");
    robot.interact(() -> viewModel.main().modelEditor().addLayer(LayerType.DROPOUT));
    assertEquals("*Layerlab — Spiral", stage.getTitle());
    assertEquals("Train", robot.lookup("#trainButton").queryButton().getText());

    // What the Settings > Language > 中文 menu item does (menus open popups that headless robots click unreliably).
    robot.interact(() -> viewModel.settings().languageProperty().set(Locale.SIMPLIFIED_CHINESE));
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals("训练", robot.lookup("#trainButton").queryButton().getText());
    assertEquals("停止", robot.lookup("#stopButton").queryButton().getText());
    TabPane tabs = robot.lookup("#pageTabs").queryAs(TabPane.class);
    assertEquals(List.of("开始", "模型", "数据", "训练", "运行记录与比较"), tabs.getTabs().stream().map(t -> t.getText()).toList());
    assertEquals(5, robot.lookup(".canvas-node").queryAll().size(), "the added layer is still there");
    assertEquals("Dropout", robot.lookup("#node-dropout1 .node-type").queryAs(Label.class).getText());
    assertTrue(robot.lookup("#totalsLabel").queryAs(Label.class).getText().startsWith("5 层"));
    assertEquals("*Layerlab — 螺旋", stage.getTitle(), "still unsaved, the sample's name in Chinese");
    assertFalse(robot.lookup("#trainButton").queryButton().isDisabled());
  }

  @Test
  void aRunKeepsTrainingAndDrawingThroughALanguageSwitchAndEscStopsIt(FxRobot robot) throws Exception {
    Button train = robot.lookup("#trainButton").queryButton();
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> !train.isDisabled());
    robot.interact(() -> viewModel.main().setup().epochsTextProperty().set("2000"));
    robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(60, SECONDS, () -> viewModel.main().training().trainLossPoints() > 20);

    robot.interact(() -> viewModel.settings().languageProperty().set(Locale.SIMPLIFIED_CHINESE));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(viewModel.main().training().isRunning(), "the run goes on");
    ScalarChart loss = robot.lookup("#lossChart").queryAs(ScalarChart.class);
    int replayed = WaitForAsyncUtils.asyncFx(() -> loss.runs().get(0).size()).get();
    assertTrue(replayed > 20, "the new chart shows the curve so far, got " + replayed);
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> loss.runs().get(0).size()).get() > replayed);

    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> !viewModel.main().training().isRunning());
    assertEquals("已停止", robot.lookup("#progressLabel").queryAs(Label.class).getText());
  }

  @Test
  void aLessonHidesAndLocksItsControlsAndTheThemeAndTextSizeSwitchAtRunTime(FxRobot robot) {
    robot.interact(() -> viewModel.settings().lessonProperty().set("first-network"));
    assertFalse(robot.lookup("#optimizerCombo").query().isVisible(), "hidden");
    assertFalse(robot.lookup("#optimizerLabel").query().isVisible(), "its label too");
    assertFalse(robot.lookup("#beta1Field").query().isVisible(), "the optimizer's own options too, though Adam shows them");
    assertFalse(robot.lookup("#scheduleCombo").query().isVisible(), "a first lesson leaves the schedule out");
    assertTrue(robot.lookup("#datasetCombo").query().isDisabled(), "locked");
    assertFalse(robot.lookup("#epochsField").query().isDisabled(), "the lesson's own control stays usable");
    TabPane tabs = robot.lookup("#pageTabs").queryAs(TabPane.class);
    assertEquals(List.of("startTab", "modelTab", "dataTab", "trainingTab"), tabs.getTabs().stream().map(t -> t.getId()).toList());
    assertEquals("Lesson: Lesson 1: a first network (layers only)", robot.lookup("#lessonLabel").queryAs(Label.class).getText());

    robot.interact(() -> {
      viewModel.settings().themeProperty().set(org.layerlab.app.settings.Theme.DARK);
      viewModel.settings().classroomProperty().set(true);
    });
    assertTrue(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")), scene.getStylesheets().toString());
    // ControlsFX's notification sheet is there before the first notification, so that a run's end does not restyle the window
    assertTrue(
        scene.getStylesheets().get(0).endsWith("org/controlsfx/control/notificationpopup.css"), scene.getStylesheets().toString());
    assertTrue(scene.getRoot().getStyleClass().contains("classroom"));
    double large = robot.lookup("#trainButton").queryButton().getFont().getSize();
    robot.interact(() -> viewModel.settings().classroomProperty().set(false));
    robot.interact(() -> robot.lookup("#trainButton").query().applyCss());
    assertTrue(large > robot.lookup("#trainButton").queryButton().getFont().getSize() + 4, "classroom text is larger: " + large);

    robot.interact(() -> viewModel.settings().lessonProperty().set(""));
    assertTrue(robot.lookup("#optimizerCombo").query().isVisible());
    assertTrue(robot.lookup("#beta1Field").query().isVisible(), "Adam's options come back with the lesson's end");
    assertEquals(5, robot.lookup("#pageTabs").queryAs(TabPane.class).getTabs().size());
  }

  @Test
  void savingThenOpeningThroughTheChooserBringsTheModelBack(FxRobot robot) throws Exception {
    Button train = robot.lookup("#trainButton").queryButton();
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> !train.isDisabled());
    robot.clickOn("#node-dense1");
    robot.interact(() -> viewModel.main().modelEditor().addLayer(LayerType.DROPOUT));
    Path saved = files.resolve("with-dropout.json");
    chooser.answer(saved);

    robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
    // The file is written on a worker; the project takes the file as its own once the write is back on the FX thread.
    Path savedFile = saved.toAbsolutePath().normalize();
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> savedFile.equals(viewModel.project().fileProperty().get()));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(Files.isRegularFile(saved), "Ctrl+S on a sample asks where and saves there");
    assertEquals(5, ProjectFiles.read(saved).model().layers().size());
    assertEquals("Layerlab — Spiral", stage.getTitle(), "saved: no dirty marker");

    robot.clickOn("#node-dropout1");
    robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(4, robot.lookup(".canvas-node").queryAll().size(), "Delete removes the selected layer");
    assertEquals("*Layerlab — Spiral", stage.getTitle());

    chooser.answer(saved);
    MainViewModel beforeOpen = viewModel.main();
    robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
    // Read on a worker: the window switches once the project is back on the FX thread.
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> viewModel.main() != beforeOpen);
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> !robot.lookup("#trainButton").queryButton().isDisabled());
    assertEquals(5, robot.lookup(".canvas-node").queryAll().size());
    assertEquals("Dropout", robot.lookup("#node-dropout1 .node-type").queryAs(Label.class).getText());
    assertEquals("Layerlab — Spiral", stage.getTitle());
    assertEquals(2, chooser.asked());
    assertTrue(robot.lookup("#recentProjects").queryAs(javafx.scene.layout.VBox.class).getChildren().size() == 1);
  }
}
