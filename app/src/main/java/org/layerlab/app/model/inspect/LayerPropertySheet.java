package org.layerlab.app.model.inspect;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.ui.FormControls;

/**
 * The selected layer's name and settings in a ControlsFX {@link PropertySheet}, name first, then the settings. Each editor
 * shows its problem under it as the user types; a text is applied on Enter or when the editor loses focus, a choice at once, and
 * only when valid.
 *
 * <p>Node ids: the sheet {@code layerPropertySheet}; per row {@code property-KEY} for the editor and {@code property-KEY-problem} for
 * its problem line ({@code property-name}, {@code property-units}); {@code layerPropertyTitle}, {@code layerPropertyHint}.
 */
public final class LayerPropertySheet extends VBox {

  private final LayerPropertySheetViewModel viewModel;
  private final PropertySheet sheet = new PropertySheet();
  // Held here and listened to weakly: the page may rebuild this view while the view model lives on.
  private final ListChangeListener<LayerProperty> rowsListener = change -> showRows();

  public LayerPropertySheet(LayerPropertySheetViewModel viewModel) {
    this.viewModel = viewModel;
    setId("layerPropertySheetView");
    setSpacing(6);
    setPadding(new Insets(8));
    getStyleClass().add("layer-property-sheet");

    Label title = new Label();
    title.setId("layerPropertyTitle");
    title.getStyleClass().add("panel-title");
    title.textProperty().bind(viewModel.titleProperty());
    Label description = new Label();
    description.setId("layerPropertyDescription");
    description.getStyleClass().add("hint-text");
    description.setWrapText(true);
    description.setMinHeight(Region.USE_PREF_SIZE);
    description.textProperty().bind(viewModel.descriptionProperty());
    Label hint = new Label();
    hint.setId("layerPropertyHint");
    hint.getStyleClass().add("hint-text");
    hint.setWrapText(true);
    hint.textProperty().bind(viewModel.hintProperty());
    hint.visibleProperty().bind(Bindings.isNotEmpty(viewModel.hintProperty()));
    hint.managedProperty().bind(hint.visibleProperty());
    for (Node n : new Node[] {title, description}) {
      n.visibleProperty().bind(viewModel.hasLayerProperty());
      n.managedProperty().bind(n.visibleProperty());
    }

    sheet.setId("layerPropertySheet");
    sheet.setModeSwitcherVisible(false);
    sheet.setSearchBoxVisible(false);
    // One flat list, name first, then the settings in the catalog's order: in category mode the sheet's accordion would show only
    // one of the two groups at a time, hiding the settings behind the name.
    sheet.setMode(PropertySheet.Mode.NAME);
    sheet.setPropertyEditorFactory(item -> new RowEditor(((Row) item).property));
    sheet.visibleProperty().bind(viewModel.hasLayerProperty());
    sheet.managedProperty().bind(sheet.visibleProperty());
    VBox.setVgrow(sheet, Priority.ALWAYS);

    getChildren().addAll(title, description, hint, sheet);
    viewModel.properties().addListener(new WeakListChangeListener<>(rowsListener));
    showRows();
  }

  private void showRows() {
    sheet.getItems().setAll(viewModel.properties().stream().map(Row::new).toList());
  }

  /** A view-model row as the sheet's item. */
  private static final class Row implements PropertySheet.Item {
    private final LayerProperty property;

    Row(LayerProperty property) {
      this.property = property;
    }

    @Override
    public Class<?> getType() {
      return String.class;
    }

    @Override
    public String getCategory() {
      return property.category();
    }

    @Override
    public String getName() {
      return property.label();
    }

    @Override
    public String getDescription() {
      return property.description();
    }

    @Override
    public Object getValue() {
      return property.textProperty().get();
    }

    @Override
    public void setValue(Object value) {
      property.textProperty().set(value == null ? "" : value.toString());
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
      return Optional.of(property.textProperty());
    }
  }

  /** A text field or a choice list bound to the row's text, with the row's problem under it. */
  private final class RowEditor implements PropertyEditor<Object> {
    private final LayerProperty property;
    private final VBox node;

    RowEditor(LayerProperty property) {
      this.property = property;
      String id = "property-" + property.key();
      Node control;
      if (property.editor() == LayerProperty.Editor.CHOICE) {
        ComboBox<String> combo = new ComboBox<>();
        combo.getItems().setAll(property.choices());
        combo.valueProperty().bindBidirectional(property.textProperty());
        combo.setMaxWidth(Double.MAX_VALUE);
        control = combo;
      } else {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(property.textProperty());
        field.setOnAction(e -> viewModel.commit(property));
        field.focusedProperty().addListener((obs, was, now) -> {
          if (!now) {
            viewModel.commit(property);
          }
        });
        control = field;
      }
      control.setId(id);
      if (!property.description().isEmpty() && control instanceof javafx.scene.control.Control c) {
        Tooltip tip = new Tooltip(property.description());
        tip.setWrapText(true);
        tip.setMaxWidth(380);
        c.setTooltip(tip);
      }
      node = new VBox(2, control, FormControls.problem(id + "-problem", property.problemProperty()));
    }

    @Override
    public Node getEditor() {
      return node;
    }

    @Override
    public Object getValue() {
      return property.textProperty().get();
    }

    @Override
    public void setValue(Object value) {
      String text = value == null ? "" : value.toString();
      if (!text.equals(property.textProperty().get())) {
        property.textProperty().set(text);
      }
    }
  }
}
