package org.layerlab.app.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.runs.RunFileChooser.ExportFormat;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.RunFilter;

/**
 * The runs of the workspace: filters over a table of runs (inline rename and notes, tag chips, metric columns of the user's choice,
 * sorting by any column), actions on the selected runs, export and import, and under it the comparison of the selected runs.
 */
public final class RunsView extends VBox {

  private final RunsViewModel viewModel;
  private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
  private final TableView<RunRow> table = new TableView<>();
  private final List<TableColumn<RunRow, ?>> metricTableColumns = new ArrayList<>();
  private boolean replacingRows;
  /** Listeners the view model holds weakly, kept as long as this view. */
  private final List<Object> keepAlive = new ArrayList<>();

  /** Whether the page is on screen; a view on its own (tests, dialogs) is. */
  private boolean shown = true;
  private boolean rowsStale;
  private boolean columnsStale;
  private final ListChangeListener<RunRow> onRuns =
      c -> {
        if (shown) {
          replaceRows();
        } else {
          rowsStale = true;
        }
      };
  private final ListChangeListener<MetricColumn> onMetricColumns =
      c -> {
        if (shown) {
          rebuildMetricColumns();
        } else {
          columnsStale = true;
        }
      };

  public RunsView(RunsViewModel viewModel) {
    this.viewModel = viewModel;
    setId("runsView");
    setSpacing(6);
    setPadding(new Insets(8, 10, 8, 10));

    createTable();
    Label count = new Label();
    count.setId("runsStatusLabel");
    count.getStyleClass().add("hint-text");
    count.textProperty().bind(viewModel.statusTextProperty());
    Label action = new Label();
    action.setId("runsActionLabel");
    action.getStyleClass().add("runs-action-text");
    action.setWrapText(true);
    action.setMinWidth(0);
    action.textProperty().bind(viewModel.actionTextProperty());
    HBox statusLine = new HBox(12, count, action);
    statusLine.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(action, Priority.ALWAYS);

    Label hint = new Label(Messages.get("runs.table.hint"));
    hint.getStyleClass().add("hint-text");
    hint.setWrapText(true);
    hint.setMinHeight(Region.USE_PREF_SIZE);
    VBox tableBox = new VBox(6, filterBar(), table, actionBar(), hint, jobBar(), statusLine);
    VBox.setVgrow(table, Priority.ALWAYS);

    RunsCompareView compare = new RunsCompareView(viewModel);
    SplitPane split = new SplitPane(tableBox, compare);
    split.setId("runsSplit");
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.44);
    VBox.setVgrow(split, Priority.ALWAYS);
    getChildren().add(split);

    initListeners();
  }

  // ---- filters -------------------------------------------------------------------------------------------------------------

  private FlowPane filterBar() {
    TextField search = new TextField(viewModel.criteriaProperty().get().text() == null ? "" : viewModel.criteriaProperty().get().text());
    search.setId("runsSearchField");
    search.setPromptText(Messages.get("runs.filter.search"));
    search.setPrefColumnCount(14);
    search.textProperty().addListener((obs, old, now) -> update(c -> c.withText(now)));

    ComboBox<RunStatus> status = new ComboBox<>();
    status.setId("runsStatusFilter");
    status.getItems().add(null);
    status.getItems().addAll(RunStatus.values());
    status.setConverter(converter(s -> s == null ? Messages.get("runs.filter.anyStatus") : Messages.get("status." + s.name())));
    status.setValue(viewModel.criteriaProperty().get().status());
    status.valueProperty().addListener((obs, old, now) -> update(c -> c.withStatus(now)));

    ComboBox<String> tag = optionCombo("runsTagFilter", viewModel.availableTags(), "runs.filter.anyTag", viewModel.criteriaProperty().get().tag());
    tag.valueProperty().addListener((obs, old, now) -> update(c -> c.withTag(now)));
    ComboBox<String> project =
        optionCombo("runsProjectFilter", viewModel.availableProjects(), "runs.filter.anyProject", viewModel.criteriaProperty().get().project());
    project.valueProperty().addListener((obs, old, now) -> update(c -> c.withProject(now)));

    ComboBox<RunCriteria.Period> period = new ComboBox<>(FXCollections.observableArrayList(RunCriteria.Period.values()));
    period.setId("runsPeriodFilter");
    period.setConverter(converter(p -> Messages.get("runs.filter.period." + p.name())));
    period.setValue(viewModel.criteriaProperty().get().period());
    period.valueProperty().addListener((obs, old, now) -> update(c -> c.withPeriod(now)));

    ComboBox<RunFilter.Archived> archived = new ComboBox<>(FXCollections.observableArrayList(RunFilter.Archived.values()));
    archived.setId("runsArchivedFilter");
    archived.setConverter(converter(a -> Messages.get("runs.filter.archived." + a.name())));
    archived.setValue(viewModel.criteriaProperty().get().archived());
    archived.valueProperty().addListener((obs, old, now) -> update(c -> c.withArchived(now)));

    MenuButton columns = new MenuButton(Messages.get("runs.columns"));
    columns.setId("runsColumnsButton");
    columns.setOnShowing(e -> fillColumnsMenu(columns));
    columns.getItems().add(new MenuItem()); // a menu needs an item to open; the real ones are made as it shows

    MenuButton importButton = new MenuButton(Messages.get("runs.import"));
    importButton.setId("runsImportButton");
    MenuItem importTb = new MenuItem(Messages.get("runs.import.tensorboard"));
    importTb.setId("runsImportTensorBoard");
    importTb.setOnAction(e -> viewModel.importTensorBoard());
    MenuItem importJson = new MenuItem(Messages.get("runs.import.json"));
    importJson.setId("runsImportJson");
    importJson.setOnAction(e -> viewModel.importJson());
    importButton.getItems().addAll(importTb, importJson);

    MenuButton exportButton = new MenuButton(Messages.get("runs.export"));
    exportButton.setId("runsExportButton");
    exportButton.setTooltip(new Tooltip(Messages.get("runs.export.tooltip")));
    for (ExportFormat f : ExportFormat.values()) {
      MenuItem item = new MenuItem(Messages.get("runs.export.as." + f.name()));
      item.setId("runsExport" + f.name());
      item.setOnAction(e -> viewModel.export(f));
      exportButton.getItems().add(item);
    }
    importButton.disableProperty().bind(viewModel.busyProperty());
    exportButton.disableProperty().bind(viewModel.busyProperty());

    // The runs tab may be narrow (the model editor shares the window): the filters wrap instead of squeezing to "...".
    FlowPane bar = new FlowPane(6, 6, search, status, tag, project, period, archived, columns, importButton, exportButton);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("runs-filter-bar");
    search.setPrefColumnCount(16);
    for (javafx.scene.Node n : bar.getChildren()) {
      ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
    }
    return bar;
  }

  private void update(Function<RunCriteria, RunCriteria> change) {
    viewModel.criteriaProperty().set(change.apply(viewModel.criteriaProperty().get()));
  }

  private ComboBox<String> optionCombo(String id, ObservableList<String> options, String anyKey, String value) {
    ComboBox<String> combo = new ComboBox<>();
    combo.setId(id);
    combo.getItems().add(null);
    combo.getItems().addAll(options);
    // Keep the choice while the options are replaced after a refresh. Weak, held by this view: a language switch rebuilds the view
    // over the same view model.
    ListChangeListener<String> onOptions =
            c -> {
              String chosen = combo.getValue();
              List<String> items = new ArrayList<>();
              items.add(null);
              items.addAll(options);
              if (chosen != null && !items.contains(chosen)) {
                items.add(chosen);
              }
              combo.getItems().setAll(items);
              combo.setValue(chosen);
            };
    keepAlive.add(onOptions);
    options.addListener(new WeakListChangeListener<>(onOptions));
    combo.setConverter(converter(s -> s == null ? Messages.get(anyKey) : s));
    combo.setValue(value);
    return combo;
  }

  private void fillColumnsMenu(MenuButton menu) {
    List<MenuItem> items = new ArrayList<>();
    List<String> metrics = new ArrayList<>(viewModel.availableMetrics());
    for (MetricColumn shown : viewModel.metricColumns()) {
      if (!metrics.contains(shown.tag())) {
        metrics.add(shown.tag());
      }
    }
    for (String tag : metrics) {
      for (MetricColumn column : List.of(MetricColumn.finalOf(tag), MetricColumn.bestOf(tag))) {
        CheckMenuItem item = new CheckMenuItem(column.label());
        item.setId("runsColumn-" + column.kind().name().toLowerCase() + "-" + tag.replace('/', '-'));
        item.setSelected(viewModel.metricColumns().contains(column));
        item.selectedProperty()
            .addListener(
                (obs, old, on) -> {
                  if (on && !viewModel.metricColumns().contains(column)) {
                    viewModel.metricColumns().add(column);
                  } else if (!on) {
                    viewModel.metricColumns().remove(column);
                  }
                });
        items.add(item);
      }
    }
    if (items.isEmpty()) {
      MenuItem none = new MenuItem(Messages.get("runs.columns.none"));
      none.setDisable(true);
      items.add(none);
    }
    menu.getItems().setAll(items);
  }

  // ---- table ---------------------------------------------------------------------------------------------------------------

  private void createTable() {
    table.setId("runsTable");
    table.setEditable(true);
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    Label empty = new Label(Messages.get("runs.empty"));
    empty.getStyleClass().add("hint-text");
    table.setPlaceholder(empty);

    TableColumn<RunRow, String> name = textColumn("runsNameColumn", "runs.column.name", RunRow::name, 170, RunOrder.Column.NAME);
    name.setCellFactory(TextFieldTableCell.forTableColumn());
    name.setEditable(true);
    name.setOnEditCommit(
        e -> {
          if (!viewModel.rename(e.getRowValue().id(), e.getNewValue())) {
            table.refresh();
          }
        });
    TableColumn<RunRow, RunRow> tags = new TableColumn<>(Messages.get("runs.column.tags"));
    tags.setId("runsTagsColumn");
    tags.setUserData(RunOrder.Column.TAGS);
    tags.setPrefWidth(150);
    tags.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    tags.setCellFactory(c -> new TagCell());
    TableColumn<RunRow, String> notes = textColumn("runsNotesColumn", "runs.column.notes", RunRow::notes, 170, null);
    notes.setSortable(false);
    notes.setCellFactory(TextFieldTableCell.forTableColumn());
    notes.setEditable(true);
    notes.setOnEditCommit(e -> viewModel.setNotes(e.getRowValue().id(), e.getNewValue()));

    table.getColumns().add(name);
    table.getColumns().add(textColumn("runsStatusColumn", "runs.column.status", RunRow::statusText, 85, RunOrder.Column.STATUS));
    // how the run ended, in words (why it diverged, where it stopped), not only in a tooltip a new user would not find
    TableColumn<RunRow, String> ending = textColumn("runsEndingColumn", "runs.column.ending", RunRow::message, 230, null);
    ending.setSortable(false);
    table.getColumns().add(ending);
    table.getColumns().add(tags);
    table.getColumns().add(textColumn("runsStartedColumn", "runs.column.started", RunRow::started, 125, RunOrder.Column.STARTED));
    table.getColumns().add(textColumn("runsDurationColumn", "runs.column.duration", RunRow::duration, 80, RunOrder.Column.DURATION));
    table.getColumns().add(textColumn("runsProjectColumn", "runs.column.project", RunRow::project, 100, RunOrder.Column.PROJECT));
    table.getColumns().add(notes);
    rebuildMetricColumns();

    table.setItems(rows);
    // The view model sorts (in the background, over every run); a header click only tells it the new order.
    table.setSortPolicy(
        t -> {
          RunOrder wanted = RunOrder.NEWEST_FIRST;
          if (!t.getSortOrder().isEmpty()) {
            TableColumn<RunRow, ?> c = t.getSortOrder().get(0);
            boolean descending = c.getSortType() == TableColumn.SortType.DESCENDING;
            if (c.getUserData() instanceof MetricColumn m) {
              wanted = RunOrder.byMetric(m, descending);
            } else if (c.getUserData() instanceof RunOrder.Column column) {
              wanted = RunOrder.by(column, descending);
            }
          }
          if (!wanted.equals(viewModel.orderProperty().get())) {
            viewModel.orderProperty().set(wanted);
          }
          return true;
        });
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.DELETE && table.getEditingCell() == null) {
            askDelete();
            e.consume();
          }
        });
    table.setRowFactory(
        t -> {
          TableRow<RunRow> row = new TableRow<>();
          row.itemProperty()
              .addListener(
                  (obs, old, item) -> {
                    row.setTooltip(item == null || item.message().isEmpty() ? null : tooltip(item.message()));
                    row.pseudoClassStateChanged(ARCHIVED, item != null && item.archived());
                  });
          return row;
        });
  }

  private static final javafx.css.PseudoClass ARCHIVED = javafx.css.PseudoClass.getPseudoClass("archived");

  private void rebuildMetricColumns() {
    table.getColumns().removeAll(metricTableColumns);
    metricTableColumns.clear();
    for (MetricColumn m : viewModel.metricColumns()) {
      TableColumn<RunRow, RunRow> c = new TableColumn<>(m.label());
      c.setId("runsMetric-" + m.kind().name().toLowerCase() + "-" + m.tag().replace('/', '-'));
      c.setUserData(m);
      javafx.scene.text.Text header = new javafx.scene.text.Text(m.label());
      header.setFont(javafx.scene.text.Font.font(13));
      c.setPrefWidth(Math.max(90, Math.ceil(header.getLayoutBounds().getWidth()) + 28));
      c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
      c.setCellFactory(
          col ->
              new TableCell<>() {
                @Override
                protected void updateItem(RunRow item, boolean empty) {
                  super.updateItem(item, empty);
                  setText(empty || item == null ? null : item.metricText(m));
                }
              });
      c.getStyleClass().add("runs-metric-column");
      metricTableColumns.add(c);
    }
    // Right after the name: on a narrow tab the results are what the user came for.
    table.getColumns().addAll(Math.min(1, table.getColumns().size()), metricTableColumns);
  }

  private static TableColumn<RunRow, String> textColumn(
      String id, String key, Function<RunRow, String> value, double width, RunOrder.Column sortBy) {
    TableColumn<RunRow, String> c = new TableColumn<>(Messages.get(key));
    c.setId(id);
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
    c.setPrefWidth(width);
    c.setUserData(sortBy);
    c.setSortable(sortBy != null);
    c.setEditable(false);
    return c;
  }

  /** A run's tags as chips. */
  private static final class TagCell extends TableCell<RunRow, RunRow> {
    private final HBox chips = new HBox(4);

    @Override
    protected void updateItem(RunRow item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null || item.tags().isEmpty()) {
        setGraphic(null);
        return;
      }
      chips.getChildren().clear();
      for (String tag : item.tags()) {
        Label chip = new Label(tag);
        chip.getStyleClass().add("run-tag-chip");
        chips.getChildren().add(chip);
      }
      setGraphic(chips);
    }
  }

  // ---- actions -------------------------------------------------------------------------------------------------------------

  private FlowPane actionBar() {
    Button addTag = button("runsAddTagButton", "runs.action.addTag", e -> askTags());
    Button removeTag = button("runsRemoveTagButton", "runs.action.removeTag", e -> askTagToRemove());
    Button notes = button("runsNotesButton", "runs.action.notes", e -> askNotes());
    Button archive = button("runsArchiveButton", "runs.action.archive", e -> {
      List<String> ids = selectedIds();
      viewModel.setArchived(ids, !viewModel.allArchived(ids));
    });
    Button delete = button("runsDeleteButton", "runs.action.delete", e -> askDelete());
    delete.getStyleClass().add("danger-button");
    table.getSelectionModel()
        .getSelectedItems()
        .addListener(
            (ListChangeListener<RunRow>)
                c -> {
                  List<String> ids = selectedIds();
                  boolean none = ids.isEmpty();
                  addTag.setDisable(none);
                  removeTag.setDisable(none);
                  notes.setDisable(ids.size() != 1);
                  archive.setDisable(none);
                  delete.setDisable(none);
                  archive.setText(Messages.get(viewModel.allArchived(ids) ? "runs.action.unarchive" : "runs.action.archive"));
                });
    for (Button b : List.of(addTag, removeTag, notes, archive, delete)) {
      b.setDisable(true);
    }
    FlowPane bar = new FlowPane(6, 6, addTag, removeTag, notes, archive, delete);
    bar.setAlignment(Pos.CENTER_LEFT);
    for (javafx.scene.Node n : bar.getChildren()) {
      ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
    }
    return bar;
  }

  private HBox jobBar() {
    ProgressBar progress = new ProgressBar();
    progress.setId("runsJobProgress");
    progress.setPrefWidth(220);
    progress.progressProperty().bind(viewModel.progressProperty());
    Label text = new Label();
    text.setId("runsJobLabel");
    text.textProperty().bind(viewModel.jobTextProperty());
    Button cancel = new Button(Messages.get("runs.job.cancel"));
    cancel.setId("runsJobCancel");
    cancel.setOnAction(e -> viewModel.cancelJob());
    cancel.disableProperty().bind(viewModel.jobCancellableProperty().not());
    HBox bar = new HBox(8, progress, text, cancel);
    bar.setId("runsJobBox");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.visibleProperty().bind(viewModel.busyProperty());
    bar.managedProperty().bind(viewModel.busyProperty());
    return bar;
  }

  private static Button button(String id, String key, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
    Button b = new Button(Messages.get(key));
    b.setId(id);
    b.setOnAction(action);
    return b;
  }

  private void askTags() {
    List<String> ids = selectedIds();
    TextInputDialog dialog = new TextInputDialog();
    prepare(dialog, "runs.tags.title");
    dialog.setHeaderText(Messages.get("runs.tags.header", ids.size()));
    dialog.getEditor().setId("runsTagInput");
    dialog.getEditor().setPromptText(Messages.get("runs.tags.prompt"));
    dialog.showAndWait().ifPresent(text -> viewModel.addTags(ids, text));
  }

  private void askTagToRemove() {
    List<String> ids = selectedIds();
    List<String> tags = viewModel.tagsOf(ids);
    if (tags.isEmpty()) {
      Alert none = new Alert(Alert.AlertType.INFORMATION, Messages.get("runs.tags.noneToRemove"), ButtonType.OK);
      prepare(none, "runs.tags.removeTitle");
      none.setHeaderText(null);
      none.showAndWait();
      return;
    }
    ChoiceDialog<String> dialog = new ChoiceDialog<>(tags.get(0), tags);
    prepare(dialog, "runs.tags.removeTitle");
    dialog.setHeaderText(Messages.get("runs.tags.removeHeader", ids.size()));
    dialog.showAndWait().ifPresent(tag -> viewModel.removeTag(ids, tag));
  }

  private void askNotes() {
    RunRow row = table.getSelectionModel().getSelectedItem();
    if (row == null) {
      return;
    }
    Dialog<String> dialog = new Dialog<>();
    prepare(dialog, "runs.notes.title");
    dialog.setHeaderText(row.name());
    TextArea area = new TextArea(row.notes());
    area.setId("runsNotesArea");
    area.setWrapText(true);
    area.setPrefRowCount(8);
    area.setPrefColumnCount(50);
    dialog.getDialogPane().setContent(area);
    ButtonType save = new ButtonType(Messages.get("runs.notes.save"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
    dialog.setResultConverter(b -> b == save ? area.getText() : null);
    dialog.showAndWait().ifPresent(text -> viewModel.setNotes(row.id(), text));
  }

  private void askDelete() {
    List<String> ids = selectedIds();
    if (ids.isEmpty()) {
      return;
    }
    ButtonType delete = new ButtonType(Messages.get("runs.delete.confirm", ids.size()), ButtonBar.ButtonData.OK_DONE);
    ButtonType keep = new ButtonType(Messages.get("runs.delete.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
    Alert alert = new Alert(Alert.AlertType.WARNING, viewModel.deleteQuestion(ids), delete, keep);
    prepare(alert, "runs.delete.title");
    alert.setHeaderText(Messages.get("runs.delete.header"));
    Optional<ButtonType> answer = alert.showAndWait();
    if (answer.isPresent() && answer.get() == delete) {
      viewModel.delete(ids);
    }
  }

  private void prepare(Dialog<?> dialog, String titleKey) {
    dialog.setTitle(Messages.get(titleKey));
    Window owner = getScene() == null ? null : getScene().getWindow();
    if (owner != null) {
      dialog.initOwner(owner);
      dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
    }
  }

  // ---- rows and selection --------------------------------------------------------------------------------------------------

  private void initListeners() {
    // Weak, held here: a language switch rebuilds this view over the same view model.
    viewModel.runs().addListener(new WeakListChangeListener<>(onRuns));
    viewModel.metricColumns().addListener(new WeakListChangeListener<>(onMetricColumns));
    replaceRows();
    table.getSelectionModel()
        .getSelectedItems()
        .addListener(
            (ListChangeListener<RunRow>)
                c -> {
                  if (!replacingRows) {
                    viewModel.compare(selectedIds());
                  }
                });
  }

  /**
   * Tells the view whether its page is on screen. A hidden page keeps its rows and columns as they were until it is shown: a run's
   * start and end change the list behind the run monitor, and the table building rows nobody saw froze the monitor for a frame or
   * two. The selection is kept either way.
   */
  public void setShown(boolean value) {
    shown = value;
    if (value && columnsStale) {
      columnsStale = false;
      rebuildMetricColumns();
    }
    if (value && rowsStale) {
      rowsStale = false;
      replaceRows();
    }
  }

  /** Shows the view model's rows, keeping the user's selection (the table clears it whenever its rows are replaced). */
  private void replaceRows() {
    List<String> selected = selectedIds();
    replacingRows = true;
    try {
      rows.setAll(viewModel.runs());
      for (int i = 0; i < rows.size(); i++) {
        if (selected.contains(rows.get(i).id())) {
          table.getSelectionModel().select(i);
        }
      }
    } finally {
      replacingRows = false;
    }
    if (!selected.equals(selectedIds())) {
      viewModel.compare(selectedIds());
    }
  }

  private List<String> selectedIds() {
    return table.getSelectionModel().getSelectedItems().stream().filter(r -> r != null).map(RunRow::id).toList();
  }

  private static Tooltip tooltip(String text) {
    Tooltip t = new Tooltip(text);
    t.setWrapText(true);
    t.setMaxWidth(420);
    return t;
  }

  static <T> StringConverter<T> converter(Function<T, String> text) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return text.apply(value);
      }

      @Override
      public T fromString(String s) {
        throw new UnsupportedOperationException("not editable");
      }
    };
  }
}
