package org.layerlab.app.model.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.app.MainView;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.model.inspect.InspectorModels.HistoryEdits;
import org.layerlab.model.analysis.DataSignature;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The three inspector components side by side on one model, driven by a robot. */
@ExtendWith(ApplicationExtension.class)
class InspectorViewsTest {

  private HistoryEdits edits;
  private StringProperty selected;

  @Start
  void start(Stage stage) {
    Messages.setLocale(Locale.ENGLISH);
    edits = new HistoryEdits(InspectorModels.mlp());
    selected = new SimpleStringProperty("dense1");
    LayerPropertySheet sheet = new LayerPropertySheet(new LayerPropertySheetViewModel(edits.model, selected, edits));
    sheet.setPrefWidth(320);
    ModelSummaryView summary = new ModelSummaryView(new ModelSummaryViewModel(edits.model, new SimpleObjectProperty<DataSignature>()));
    summary.setPrefWidth(520);
    CodeExportView export = new CodeExportView(new CodeExportViewModel(edits.model, new SimpleStringProperty("Spiral")));
    export.setPrefWidth(500);
    Scene scene = new Scene(new HBox(sheet, summary, export), 1340, 700);
    scene.getStylesheets().add(MainView.class.getResource(MainView.STYLESHEET).toExternalForm());
    stage.setScene(scene);
    stage.show();
  }


  @Test
  void typingInTheSheetShowsTheProblemAndEnterAppliesAValidValue(FxRobot robot) {
    TextField units = robot.lookup("#property-units").queryAs(TextField.class);
    Label problem = robot.lookup("#property-units-problem").queryAs(Label.class);
    robot.clickOn(units);
    robot.interact(() -> {
      units.requestFocus();
      units.selectAll();
    });
    robot.write("0");
    assertTrue(problem.isVisible());
    assertEquals("units must be a whole number from 1 to 100000, got 0", problem.getText());
    robot.type(KeyCode.ENTER);
    assertEquals(0, edits.edits, "an invalid value is not applied");

    robot.interact(units::selectAll);
    robot.write("16");
    assertFalse(problem.isVisible());
    robot.type(KeyCode.ENTER);
    assertEquals(16, edits.model.get().find("dense1").orElseThrow().intSetting("units"));
    WaitForAsyncUtils.waitForFxEvents();
    TableView<?> table = robot.lookup("#summaryTable").queryTableView();
    assertEquals(2L * 16 + 16, ((SummaryRow) table.getItems().get(1)).parameters(), "the summary follows the edit");
    String djl = robot.lookup("#exportCode").queryAs(TextArea.class).getText();
    assertTrue(djl.contains("Linear.builder().setUnits(16).build()"), "the export follows the edit: " + djl);
  }

  @Test
  void copyPutsTheCodeOnTheClipboardAndSaysSo(FxRobot robot) throws Exception {
    robot.clickOn("#exportTarget-PYTORCH");
    String code = robot.lookup("#exportCode").queryAs(TextArea.class).getText();
    assertTrue(code.contains("class Spiral(nn.Module):"), code);
    robot.clickOn(robot.lookup("#exportCopy").queryAs(Button.class));
    assertEquals(code, WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get());
    assertTrue(robot.lookup("#exportFeedback").queryAs(Label.class).getText().startsWith("Copied "));
  }

  @Test
  void aModelThatCannotBeExportedShowsTheErrorInsteadOfCode(FxRobot robot) {
    robot.interact(() -> edits.changeSetting("dense2", "units", 0));
    Label error = robot.lookup("#exportError").queryAs(Label.class);
    assertTrue(error.isVisible());
    assertTrue(error.getText().contains("dense2: units must be"), error.getText());
    assertFalse(robot.lookup("#exportCode").query().isVisible());
    assertTrue(robot.lookup("#exportCopy").queryButton().isDisabled());
    assertTrue(robot.lookup("#summaryProblems").queryAs(Label.class).isVisible());
  }
}
