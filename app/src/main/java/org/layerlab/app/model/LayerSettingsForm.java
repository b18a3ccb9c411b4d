package org.layerlab.app.model;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;

/**
 * The settings of the selected layer: one control per {@link SettingField}, with the setting's explanation under it and, in red,
 * what is wrong with the typed value. Rebuilt only when another layer is selected, so typing never loses focus.
 */
public final class LayerSettingsForm extends VBox {

  private final Label title = new Label();
  private final VBox fields = new VBox(10);

  private final javafx.beans.value.ChangeListener<LayerEditor> onSelection = (obs, old, editor) -> show(editor);

  public LayerSettingsForm(ModelEditorViewModel viewModel) {
    setId("layerSettings");
    getStyleClass().add("settings-form");
    setSpacing(10);
    Label heading = new Label(Messages.get("settings.heading"));
    heading.getStyleClass().add("section-title");
    title.getStyleClass().add("settings-layer-title");
    getChildren().addAll(heading, title, fields);
    // Weak, held here: a language switch rebuilds this form over the same view model.
    viewModel.selectedLayerProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onSelection));
    show(viewModel.selectedLayerProperty().get());
  }

  private void show(LayerEditor editor) {
    title.textProperty().unbind();
    fields.getChildren().clear();
    if (editor == null) {
      title.setText(Messages.get("settings.none"));
      return;
    }
    title.textProperty().bind(editor.titleProperty());
    for (SettingField field : editor.fields()) {
      fields.getChildren().add(row(field));
    }
  }

  private static VBox row(SettingField field) {
    Label label = new Label(field.label());
    label.getStyleClass().add("field-label");
    Control control;
    if (field.editor() == SettingField.Editor.CHOICE) {
      ComboBox<String> combo = new ComboBox<>();
      combo.getItems().setAll(field.choices());
      combo.valueProperty().bindBidirectional(field.textProperty());
      combo.setMaxWidth(Double.MAX_VALUE);
      control = combo;
    } else {
      TextField text = new TextField();
      text.textProperty().bindBidirectional(field.textProperty());
      control = text;
    }
    control.setId("setting-" + field.key());
    label.setLabelFor(control);

    Label problem = new Label();
    problem.getStyleClass().add("problem-text");
    problem.setWrapText(true);
    problem.setMinHeight(Region.USE_PREF_SIZE);
    problem.textProperty().bind(field.problemProperty());
    problem.visibleProperty().bind(Bindings.isNotEmpty(field.problemProperty()));
    problem.managedProperty().bind(problem.visibleProperty());
    problem.setId("problem-" + field.key());

    Label hint = new Label(field.description());
    hint.getStyleClass().add("hint-text");
    hint.setWrapText(true);
    hint.setMinHeight(Region.USE_PREF_SIZE);
    hint.setVisible(!field.description().isEmpty());
    hint.setManaged(hint.isVisible());

    VBox row = new VBox(3, label, control, problem, hint);
    row.getStyleClass().add("field-row");
    return row;
  }
}
