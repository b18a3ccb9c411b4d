package org.layerlab.app.model;

import javafx.collections.WeakListChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.layerlab.app.i18n.Messages;

/**
 * The model editor in three columns: the palette of layer types, the model as a column of {@link LayerCard}s with its commands, totals
 * and problems, and the {@link LayerSettingsForm} of the selected layer.
 */
public final class ModelEditorView extends SplitPane {

  private final ModelEditorViewModel viewModel;
  private final VBox cards = new VBox(6);
  private final ScrollPane cardScroll = new ScrollPane(cards);
  private final java.util.List<Object> strongRefs = new java.util.ArrayList<>();

  public ModelEditorView(ModelEditorViewModel viewModel) {
    this.viewModel = viewModel;
    setId("modelEditor");
    getItems().addAll(createPalette(), createModelColumn(), createSettingsColumn());
    setDividerPositions(0.22, 0.63);
    initListeners();
  }

  private VBox createPalette() {
    TreeItem<Object> root = new TreeItem<>();
    for (PaletteGroup group : viewModel.palette()) {
      TreeItem<Object> groupItem = new TreeItem<>(group);
      groupItem.setExpanded(true);
      group.entries().forEach(e -> groupItem.getChildren().add(new TreeItem<>(e)));
      root.getChildren().add(groupItem);
    }
    TreeView<Object> tree = new TreeView<>(root);
    tree.setId("palette");
    tree.setShowRoot(false);
    tree.setCellFactory(t -> new PaletteCell());
    tree.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, item) ->
                viewModel.paletteSelectionProperty().set(item != null && item.getValue() instanceof PaletteEntry e ? e.type() : null));
    tree.setOnMouseClicked(
        event -> {
          if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
            viewModel.addSelectedType();
          }
        });
    tree.setOnKeyPressed(
        event -> {
          if (event.getCode() == KeyCode.ENTER) {
            viewModel.addSelectedType();
          }
        });
    VBox.setVgrow(tree, Priority.ALWAYS);

    Button add = new Button(Messages.get("palette.add"));
    add.setId("addLayerButton");
    add.setMaxWidth(Double.MAX_VALUE);
    add.disableProperty().bind(viewModel.canAddProperty().not());
    add.setOnAction(e -> viewModel.addSelectedType());

    Label description = new Label();
    description.setId("paletteDescription");
    description.getStyleClass().add("hint-text");
    description.setWrapText(true);
    description.setMinHeight(Region.USE_PREF_SIZE);
    description.textProperty().bind(viewModel.paletteDescriptionProperty());

    VBox column = new VBox(8, title(Messages.get("palette.title")), tree, add, description);
    column.setId("paletteColumn");
    column.setPadding(new Insets(10));
    // wide enough for the longest catalog names (Conv2DTranspose, GlobalAvgPool2D) without a scroll bar
    column.setMinWidth(185);
    return column;
  }

  private VBox createModelColumn() {
    cards.setId("layerList");
    cards.setPadding(new Insets(4));
    cards.setFillWidth(true);
    ScrollPane scroll = cardScroll;
    scroll.setId("layerScroll");
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("layer-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    scroll.setOnKeyPressed(
        event -> {
          switch (event.getCode()) {
            case UP -> viewModel.selectRelative(-1);
            case DOWN -> viewModel.selectRelative(1);
            case DELETE -> viewModel.removeSelected();
            default -> {
              return;
            }
          }
          event.consume();
        });

    Button remove = button("removeLayerButton", Messages.get("model.remove"));
    remove.disableProperty().bind(viewModel.canRemoveProperty().not());
    remove.setOnAction(e -> viewModel.removeSelected());
    Button up = button("moveUpButton", "\u2191 " + Messages.get("model.moveUp"));
    up.setTooltip(new Tooltip(Messages.get("model.moveUp.tooltip")));
    up.disableProperty().bind(viewModel.canMoveUpProperty().not());
    up.setOnAction(e -> viewModel.moveSelectedUp());
    Button down = button("moveDownButton", "\u2193 " + Messages.get("model.moveDown"));
    down.setTooltip(new Tooltip(Messages.get("model.moveDown.tooltip")));
    down.disableProperty().bind(viewModel.canMoveDownProperty().not());
    down.setOnAction(e -> viewModel.moveSelectedDown());
    HBox commands = new HBox(6, up, down, remove);
    commands.setId("layerCommands");

    Label totals = new Label();
    totals.setId("totalsLabel");
    totals.getStyleClass().add("totals-text");
    totals.setWrapText(true);
    totals.textProperty().bind(viewModel.totalsTextProperty());

    Label problems = new Label();
    problems.setId("problemsLabel");
    problems.setWrapText(true);
    problems.setMinHeight(Region.USE_PREF_SIZE);
    problems.textProperty().bind(viewModel.problemsTextProperty());
    keep(viewModel.validProperty(), (obs, old, valid) -> styleProblems(problems, valid));
    styleProblems(problems, viewModel.isValid());

    VBox column = new VBox(8, title(Messages.get("model.title")), scroll, commands, totals, problems);
    column.setPadding(new Insets(10));
    column.setMinWidth(260);
    return column;
  }

  private ScrollPane createSettingsColumn() {
    LayerSettingsForm form = new LayerSettingsForm(viewModel);
    form.setPadding(new Insets(10));
    ScrollPane scroll = new ScrollPane(form);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setMinWidth(200);
    scroll.getStyleClass().add("settings-scroll");
    scroll.setId("layerSettingsColumn");
    return scroll;
  }

  private void initListeners() {
    ListChangeListener<LayerItem> onItems = c -> rebuildCards();
    strongRefs.add(onItems);
    viewModel.items().addListener(new WeakListChangeListener<>(onItems));
    keep(viewModel.selectedIndexProperty(), (obs, old, index) -> rebuildCards());
    rebuildCards();
  }

  /**
   * Listens weakly, holding the listener here: a language switch rebuilds the views over the same view model, and an old view must
   * not stay listening (and drawing) after it left the window.
   */
  private <T> void keep(javafx.beans.value.ObservableValue<T> value, javafx.beans.value.ChangeListener<? super T> listener) {
    strongRefs.add(listener);
    value.addListener(new javafx.beans.value.WeakChangeListener<>(listener));
  }

  private void rebuildCards() {
    int selected = viewModel.selectedIndexProperty().get();
    cards.getChildren().clear();
    for (LayerItem item : viewModel.items()) {
      LayerCard card = new LayerCard(item, item.index() == selected);
      card.setOnMouseClicked(
          e -> {
            viewModel.select(item.index());
            cardScroll.requestFocus();
          });
      cards.getChildren().add(card);
    }
  }

  private static void styleProblems(Label label, boolean valid) {
    label.getStyleClass().removeAll("problem-text", "ok-text");
    label.getStyleClass().add(valid ? "ok-text" : "problem-text");
  }

  private static Label title(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("section-title");
    return l;
  }

  private static Button button(String id, String text) {
    Button b = new Button(text);
    b.setId(id);
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }

  /** Draws a family heading or a layer type with its explanation as a tooltip. */
  private static final class PaletteCell extends TreeCell<Object> {
    @Override
    protected void updateItem(Object value, boolean empty) {
      super.updateItem(value, empty);
      getStyleClass().remove("palette-group");
      if (empty || value == null) {
        setText(null);
        setTooltip(null);
      } else if (value instanceof PaletteGroup group) {
        setText(group.title());
        setTooltip(null);
        getStyleClass().add("palette-group");
      } else if (value instanceof PaletteEntry entry) {
        setText(entry.name());
        Tooltip tip = new Tooltip(entry.description());
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        tip.setShowDelay(Duration.millis(300));
        setTooltip(tip);
      }
    }
  }
}
