package org.layerlab.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.model.inspect.CodeExportView;
import org.layerlab.app.model.inspect.CodeExportViewModel;
import org.layerlab.app.model.inspect.LayerEdits;
import org.layerlab.app.model.inspect.LayerPropertySheet;
import org.layerlab.app.model.inspect.LayerPropertySheetViewModel;
import org.layerlab.app.model.inspect.ModelSummaryView;
import org.layerlab.app.model.inspect.ModelSummaryViewModel;
import org.layerlab.app.settings.Theme;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.edit.ChangeSettingEdit;
import org.layerlab.model.edit.EditHistory;
import org.layerlab.model.edit.RenameLayerEdit;
import org.layerlab.model.export.ExportTarget;
import org.layerlab.model.template.ModelTemplate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The model inspector components (property sheet, summary, code export) on the small ResNet template (a graph), in both languages and themes, for review.
 * Runs only with {@code -Dlayerlab.screenshots=true}.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorScreenshots {

  private Scene scene;
  private EditHistory history;
  private final ObjectProperty<ModelSpec> model = new SimpleObjectProperty<>();
  private final StringProperty selected = new SimpleStringProperty();
  private final ObjectProperty<DataSignature> data = new SimpleObjectProperty<>(ModelTemplate.RESNET_SMALL.data());
  private LayerPropertySheetViewModel sheet;
  private ModelSummaryViewModel summary;
  private CodeExportViewModel export;
  private BorderPane root;

  @Start
  void start(Stage stage) {
    Messages.setLocale(Locale.ENGLISH);
    ModelSpec cnn = cnn();
    history = new EditHistory(cnn);
    model.set(cnn);
    LayerEdits edits =
        new LayerEdits() {
          @Override
          public void rename(String layerId, String newName) {
            history.execute(new RenameLayerEdit(layerId, newName));
            model.set(history.model());
          }

          @Override
          public void changeSetting(String layerId, String key, Object value) {
            history.execute(new ChangeSettingEdit(layerId, key, value));
            model.set(history.model());
          }
        };
    sheet = new LayerPropertySheetViewModel(model, selected, edits);
    summary = new ModelSummaryViewModel(model, data);
    export = new CodeExportViewModel(model, new SimpleStringProperty("ResNet small"));
    root = new BorderPane();
    build();
    scene = new Scene(root, 1280, 800);
    stage.setScene(scene);
    stage.show();
  }

  private static ModelSpec cnn() {
    return ModelTemplate.RESNET_SMALL.model();
  }

  private void build() {
    SplitPane bottom = new SplitPane(new LayerPropertySheet(sheet), new CodeExportView(export));
    bottom.setDividerPositions(0.3);
    SplitPane all = new SplitPane(new ModelSummaryView(summary), bottom);
    all.setOrientation(javafx.geometry.Orientation.VERTICAL);
    all.setDividerPositions(0.45);
    root.setCenter(all);
  }

  @AfterEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  @Test
  void inspectorInBothLanguagesAndThemes() throws Exception {
    assumeTrue(Boolean.getBoolean("layerlab.screenshots"), "screenshots only on request");
    FxRobot robot = new FxRobot();
    String layer = model.get().layer(1).id();
    robot.interact(() -> {
      selected.set(layer);
      export.targetProperty().set(ExportTarget.PYTORCH);
    });
    for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      for (Theme theme : Theme.values()) {
        robot.interact(() -> {
          Messages.setLocale(language);
          sheet.relocalize();
          summary.refresh();
          export.relocalize();
          build();
          scene.getStylesheets().setAll(MainView.class.getResource(MainView.STYLESHEET).toExternalForm());
          if (theme.stylesheet() != null) {
            scene.getStylesheets().add(MainView.class.getResource(theme.stylesheet()).toExternalForm());
          }
        });
        shoot("inspector-" + language.getLanguage() + "-" + theme.name().toLowerCase());
      }
    }
    robot.interact(() -> {
      Messages.setLocale(Locale.ENGLISH);
      sheet.relocalize();
      summary.refresh();
      export.relocalize();
      build();
      scene.getStylesheets().setAll(MainView.class.getResource(MainView.STYLESHEET).toExternalForm());
      sheet.property(sheet.properties().get(1).key()).textProperty().set("0");
      history.execute(new ChangeSettingEdit(layer, sheet.properties().get(1).key(), 0));
      model.set(history.model());
    });
    shoot("inspector-en-problems");
  }

  private void shoot(String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(300);
    WaitForAsyncUtils.waitForFxEvents();
    new FxRobot().interact(() -> Screenshots.save(scene, name));
  }
}
