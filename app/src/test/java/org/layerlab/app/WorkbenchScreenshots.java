package org.layerlab.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.settings.Theme;
import org.layerlab.app.shortcuts.CheatSheet;
import org.layerlab.runtime.events.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of every main screen in both languages and both themes, for the README and for review. Runs only with
 * {@code -Dlayerlab.screenshots=true}: it trains once and renders sixteen screens, too slow for every build.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchScreenshots {

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
  void everyScreenInBothLanguagesAndThemes(FxRobot robot) throws Exception {
    assumeTrue(Boolean.getBoolean("layerlab.screenshots"), "screenshots only on request");
    WaitForAsyncUtils.waitFor(20, SECONDS, () -> viewModel.main().training().canTrain());
    robot.interact(() -> viewModel.main().setup().epochsTextProperty().set("8"));
    robot.interact(() -> viewModel.main().training().train());
    WaitForAsyncUtils.waitFor(
        90, SECONDS, () -> viewModel.main().runs().runs().stream().anyMatch(r -> r.status() == RunStatus.FINISHED));
    Thread.sleep(7000); // let the run-ended notification fade before the first picture

    for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      for (Theme theme : Theme.values()) {
        robot.interact(() -> {
          viewModel.settings().languageProperty().set(language);
          viewModel.settings().themeProperty().set(theme);
        });
        String prefix = "workbench-" + language.getLanguage() + "-" + theme.name().toLowerCase();
        shoot(robot, "modelTab", prefix + "-model");
        shoot(robot, "dataTab", prefix + "-data");
        shoot(robot, "trainingTab", prefix + "-training");
        shoot(robot, "startTab", prefix + "-start");
        robot.interact(() -> {
          robot.lookup("#mainView").queryAs(MainView.class).showPage("runsTab"); // it builds its rows when shown
          TableView<?> runs = robot.lookup("#runsTable").queryTableView();
          runs.getSelectionModel().selectAll();
        });
        Thread.sleep(500);
        shoot(robot, "runsTab", prefix + "-runs");
      }
      robot.interact(() -> viewModel.settings().themeProperty().set(Theme.LIGHT));
      robot.interact(() -> {
        viewModel.settings().classroomProperty().set(true);
        viewModel.settings().lessonProperty().set("first-network");
      });
      shoot(robot, "trainingTab", "workbench-" + language.getLanguage() + "-classroom-lesson");
      robot.interact(() -> {
        viewModel.settings().classroomProperty().set(false);
        viewModel.settings().lessonProperty().set("");
      });
      CheatSheet[] sheet = new CheatSheet[1];
      robot.interact(() -> sheet[0] = new WorkbenchViewAccess(scene).showCheatSheet());
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> Screenshots.save(sheet[0].getDialogPane().getScene(), "workbench-" + language.getLanguage() + "-shortcuts"));
      robot.interact(() -> sheet[0].close());
    }
  }

  private void shoot(FxRobot robot, String tab, String name) throws Exception {
    robot.interact(() -> robot.lookup("#mainView").queryAs(MainView.class).showPage(tab));
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(400); // a real pulse so the charts redraw (snapshot does not run their post-layout pass)
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> Screenshots.save(scene, name));
  }

  /** The workbench view at the scene's root. */
  private record WorkbenchViewAccess(Scene scene) {
    CheatSheet showCheatSheet() {
      return ((WorkbenchView) scene.getRoot()).showCheatSheet();
    }
  }
}
