package org.layerlab.app.model;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.model.canvas.ModelCanvas;
import org.layerlab.model.template.ModelTemplate;

/**
 * The model page in three columns: the searchable palette of layer types, the model as a graph on a {@link ModelCanvas} under its
 * toolbar (undo, redo, copy, paste, delete, layout, zoom, templates) with the model's totals and problems, and a right-hand slot
 * for the selected layer's property sheet and the model's summary and code ({@link #setInspector}, {@link #setDetails}).
 */
public final class ModelEditorView extends SplitPane {

  private final ModelEditorViewModel viewModel;
  private final ModelCanvas canvas;
  private final VBox rightColumn = new VBox();
  private final List<Object> strongRefs = new ArrayList<>();
  private Node inspector;
  private Node details;

  public ModelEditorView(ModelEditorViewModel viewModel) {
    this.viewModel = viewModel;
    this.canvas = new ModelCanvas(viewModel.canvas(), viewModel);
    setId("modelEditor");
    getItems().addAll(createPalette(), createModelColumn(), createRightColumn());
    setDividerPositions(0.2, 0.74);
  }

  /** The canvas, for the toolbar's and the window's commands (fit to view). */
  public ModelCanvas canvas() {
    return canvas;
  }

  /** Puts {@code node} in the right-hand column (the window puts the selected layer's property sheet there); {@code null} empties it. */
  public void setInspector(Node node) {
    inspector = node == null ? emptySlot() : node;
    layoutRightColumn();
  }

  /** Puts {@code node} under the inspector in the right-hand column (a summary, a code export); {@code null} leaves it out. */
  public void setDetails(Node node) {
    details = node;
    layoutRightColumn();
  }

  // ---- palette ------------------------------------------------------------------------------------------------------------------

  private VBox createPalette() {
    TreeView<Object> tree = new TreeView<>(new TreeItem<>());
    tree.setId("palette");
    tree.setShowRoot(false);
    tree.setCellFactory(t -> new PaletteCell());
    fill(tree, "");
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

    TextField search = new TextField();
    search.setId("paletteSearch");
    search.setPromptText(Messages.get("palette.search"));
    search.textProperty().addListener((obs, old, text) -> fill(tree, text));
    search.setOnKeyPressed(
        event -> {
          if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
            tree.requestFocus();
            tree.getSelectionModel().select(firstEntry(tree));
            event.consume();
          }
        });

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

    VBox column = new VBox(8, title(Messages.get("palette.title")), search, tree, add, description);
    column.setId("paletteColumn");
    column.setPadding(new Insets(10));
    // wide enough for the longest catalog names (Conv2DTranspose, GlobalAvgPool2D) without a scroll bar
    column.setMinWidth(185);
    return column;
  }

  private void fill(TreeView<Object> tree, String query) {
    TreeItem<Object> root = new TreeItem<>();
    for (PaletteGroup group : viewModel.palette(query)) {
      TreeItem<Object> groupItem = new TreeItem<>(group);
      groupItem.setExpanded(true);
      group.entries().forEach(e -> groupItem.getChildren().add(new TreeItem<>(e)));
      root.getChildren().add(groupItem);
    }
    tree.setRoot(root);
  }

  private static TreeItem<Object> firstEntry(TreeView<Object> tree) {
    for (TreeItem<Object> group : tree.getRoot().getChildren()) {
      if (!group.getChildren().isEmpty()) {
        return group.getChildren().get(0);
      }
    }
    return null;
  }

  // ---- model column -------------------------------------------------------------------------------------------------------------

  private VBox createModelColumn() {
    FlowPane toolbar = createToolbar();
    // a lesson that locks the commands locks the canvas's edits too; looking around stays possible
    canvas.editableProperty().bind(toolbar.disabledProperty().not());

    VBox.setVgrow(canvas, Priority.ALWAYS);
    canvas.addEventHandler(
        KeyEvent.KEY_PRESSED,
        event -> {
          switch (event.getCode()) {
            case UP -> viewModel.selectRelative(-1);
            case DOWN -> viewModel.selectRelative(1);
            default -> {
              return;
            }
          }
          event.consume();
        });

    Label message = new Label();
    message.setId("canvasMessage");
    message.getStyleClass().add("problem-text");
    message.setWrapText(true);
    message.setMinHeight(Region.USE_PREF_SIZE);
    message.textProperty().bind(viewModel.messageProperty());
    message.visibleProperty().bind(message.textProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());

    Label hint = new Label(Messages.get("canvas.hint"));
    hint.setId("canvasHint");
    hint.getStyleClass().addAll("hint-text", "canvas-hint");
    hint.setWrapText(true);
    hint.setMinHeight(Region.USE_PREF_SIZE);

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

    // the problems stay in sight however many there are; a long list scrolls instead of squeezing the canvas
    ScrollPane problemsScroll = new ScrollPane(problems);
    problemsScroll.setId("problemsScroll");
    problemsScroll.getStyleClass().add("problems-scroll");
    problemsScroll.setFitToWidth(true);
    problemsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    problemsScroll.setMaxHeight(96);
    problemsScroll.setMinHeight(Region.USE_PREF_SIZE);
    problemsScroll.prefViewportHeightProperty().bind(problems.heightProperty());

    VBox column = new VBox(6, title(Messages.get("model.title")), toolbar, canvas, message, hint, totals, problemsScroll);
    column.setId("modelColumn");
    column.setPadding(new Insets(10));
    column.setMinWidth(300);
    return column;
  }

  private static HBox group(Node... nodes) {
    HBox box = new HBox(3, nodes);
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add("canvas-tool-group");
    return box;
  }

  private FlowPane createToolbar() {
    Button undo = button("undoButton", "\u21b6", "canvas.undo");
    undo.disableProperty().bind(viewModel.canUndoProperty().not());
    undo.getTooltip().textProperty().bind(viewModel.undoTextProperty());
    undo.setOnAction(e -> viewModel.undo());
    Button redo = button("redoButton", "\u21b7", "canvas.redo");
    redo.disableProperty().bind(viewModel.canRedoProperty().not());
    redo.getTooltip().textProperty().bind(viewModel.redoTextProperty());
    redo.setOnAction(e -> viewModel.redo());

    Button copy = button("copyButton", Messages.get("canvas.copy"), "canvas.copy.tooltip");
    copy.disableProperty().bind(viewModel.canCopyProperty().not());
    copy.setOnAction(e -> viewModel.copy());
    Button paste = button("pasteButton", Messages.get("canvas.paste"), "canvas.paste.tooltip");
    paste.disableProperty().bind(viewModel.canPasteProperty().not());
    paste.setOnAction(e -> viewModel.paste());
    Button remove = button("removeLayerButton", Messages.get("model.remove"), "canvas.remove.tooltip");
    remove.disableProperty().bind(viewModel.canRemoveProperty().not());
    remove.setOnAction(e -> viewModel.removeSelected());

    Button layout = button("layoutButton", Messages.get("canvas.layout"), "canvas.layout.tooltip");
    layout.setOnAction(
        e -> {
          viewModel.relayout();
          canvas.showModel();
        });

    MenuButton templates = new MenuButton(Messages.get("canvas.templates"));
    templates.setId("templatesButton");
    templates.setTooltip(new Tooltip(Messages.get("canvas.templates.tooltip")));
    for (ModelTemplate t : viewModel.templates()) {
      Label name = new Label(t.displayName());
      name.getStyleClass().add("template-name");
      Label text = new Label(t.description(Messages.locale()));
      text.getStyleClass().add("hint-text");
      text.setWrapText(true);
      text.setMaxWidth(380);
      VBox box = new VBox(2, name, text);
      CustomMenuItem item = new CustomMenuItem(box, true);
      item.setId("template-" + t.name());
      item.setOnAction(e -> chooseTemplate(t));
      templates.getItems().add(item);
    }

    // wraps onto a second row in a narrow column instead of hiding commands behind an overflow menu
    FlowPane bar =
        new FlowPane(
            4,
            4,
            group(undo, redo),
            group(copy, paste, remove),
            group(layout, templates));
    bar.setId("layerCommands");
    bar.getStyleClass().add("canvas-toolbar");
    return bar;
  }

  /** Replaces the model by the template, asking first when that would drop unsaved edits (it can be undone either way). */
  private void chooseTemplate(ModelTemplate template) {
    if (viewModel.hasUnsavedEdits()) {
      Alert ask =
          new Alert(Alert.AlertType.CONFIRMATION, Messages.get("canvas.template.confirm", template.displayName()), ButtonType.OK, ButtonType.CANCEL);
      ask.setHeaderText(Messages.get("canvas.template.confirmTitle"));
      ask.setTitle(Messages.get("canvas.templates"));
      if (getScene() != null) {
        ask.initOwner(getScene().getWindow());
      }
      if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
        return;
      }
    }
    viewModel.useTemplate(template);
    canvas.showModel();
  }

  // ---- right-hand slot ----------------------------------------------------------------------------------------------------------

  private VBox createRightColumn() {
    rightColumn.setId("layerSettingsColumn");
    rightColumn.setMinWidth(200);
    inspector = emptySlot();
    layoutRightColumn();
    return rightColumn;
  }

  private static Node emptySlot() {
    Pane slot = new Pane();
    slot.setId("inspectorSlot");
    return slot;
  }

  private void layoutRightColumn() {
    VBox.setVgrow(inspector, Priority.ALWAYS);
    if (details == null) {
      rightColumn.getChildren().setAll(inspector);
    } else {
      rightColumn.getChildren().setAll(inspector, details);
    }
  }

  // ---- helpers ------------------------------------------------------------------------------------------------------------------

  /**
   * Listens weakly, holding the listener here: a language switch rebuilds the views over the same view model, and an old view must
   * not stay listening (and drawing) after it left the window.
   */
  private <T> void keep(ObservableValue<T> value, ChangeListener<? super T> listener) {
    strongRefs.add(listener);
    value.addListener(new WeakChangeListener<>(listener));
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

  private static Button button(String id, String text, String tooltipKey) {
    Button b = new Button(text);
    b.setId(id);
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.setTooltip(new Tooltip(Messages.get(tooltipKey)));
    return b;
  }

  /** Draws a family heading or a layer type with its explanation as a tooltip; a layer type can be dragged onto the canvas. */
  private static final class PaletteCell extends TreeCell<Object> {
    PaletteCell() {
      setOnDragDetected(
          e -> {
            if (getItem() instanceof PaletteEntry && e.getButton() == MouseButton.PRIMARY) {
              startFullDrag();
              if (getScene() != null) {
                getScene().setCursor(Cursor.CLOSED_HAND); // something is in the hand until it is dropped
              }
              e.consume();
            }
          });
      setOnMouseReleased(
          e -> {
            if (getScene() != null && getScene().getCursor() == Cursor.CLOSED_HAND) {
              getScene().setCursor(null);
            }
          });
    }

    @Override
    protected void updateItem(Object value, boolean empty) {
      super.updateItem(value, empty);
      getStyleClass().remove("palette-group");
      getProperties().remove(ModelCanvas.DRAG_TYPE);
      setId(null);
      if (empty || value == null) {
        setText(null);
        setTooltip(null);
      } else if (value instanceof PaletteGroup group) {
        setText(group.title());
        setTooltip(null);
        getStyleClass().add("palette-group");
      } else if (value instanceof PaletteEntry entry) {
        setText(entry.name());
        setId("palette-" + entry.name());
        getProperties().put(ModelCanvas.DRAG_TYPE, entry.type());
        Tooltip tip = new Tooltip(entry.description() + "\n\n" + Messages.get("palette.dragHint"));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        tip.setShowDelay(Duration.millis(300));
        setTooltip(tip);
      }
    }
  }
}
