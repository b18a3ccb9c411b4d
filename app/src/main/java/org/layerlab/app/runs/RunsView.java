package org.layerlab.app.runs;

import java.util.List;
import java.util.function.Function;
import javafx.collections.WeakListChangeListener;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;
import org.layerlab.charts.MetricChart;

/**
 * The runs table and, under it, the validation accuracy and loss of the selected runs overlaid, one colour a run.
 */
public final class RunsView extends VBox {

  private final RunsViewModel viewModel;
  private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
  private final TableView<RunRow> table = new TableView<>();
  private final MetricChart accuracy;
  private final MetricChart loss;
  private boolean replacingRows;

  public RunsView(RunsViewModel viewModel) {
    this.viewModel = viewModel;
    setId("runsView");
    setSpacing(8);
    setPadding(new Insets(10));

    String epoch = Messages.get("training.axis.epoch");
    accuracy = new MetricChart(epoch, Messages.get("training.axis.accuracy"));
    accuracy.setId("compareAccuracyChart");
    loss = new MetricChart(epoch, Messages.get("training.axis.loss"));
    loss.setId("compareLossChart");

    createTable();
    Label hint = new Label(Messages.get("runs.hint"));
    hint.getStyleClass().add("hint-text");
    hint.setWrapText(true);
    hint.setMinHeight(Region.USE_PREF_SIZE);
    Label count = new Label();
    count.setId("runsStatusLabel");
    count.getStyleClass().add("hint-text");
    count.textProperty().bind(viewModel.statusTextProperty());

    VBox tableBox = new VBox(6, hint, table, count);
    VBox.setVgrow(table, Priority.ALWAYS);

    Label compare = new Label();
    compare.setId("compareLabel");
    compare.setWrapText(true);
    compare.textProperty().bind(viewModel.compareTextProperty());
    SplitPane charts = new SplitPane(titled(Messages.get("runs.compare.accuracy"), accuracy), titled(Messages.get("runs.compare.loss"), loss));
    VBox compareBox = new VBox(6, compare, charts);
    VBox.setVgrow(charts, Priority.ALWAYS);

    SplitPane split = new SplitPane(tableBox, compareBox);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.42);
    VBox.setVgrow(split, Priority.ALWAYS);
    getChildren().add(split);

    initListeners();
  }

  private void createTable() {
    table.setId("runsTable");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    Label empty = new Label(Messages.get("runs.empty"));
    empty.getStyleClass().add("hint-text");
    table.setPlaceholder(empty);
    // How a run ended is its row's tooltip: as a column it would squeeze the others on a laptop screen.
    table.getColumns().add(column("runs.column.name", RunRow::name, 190, true));
    table.getColumns().add(column("runs.column.status", RunRow::statusText, 80, true));
    table.getColumns().add(column("runs.column.started", RunRow::started, 125, true));
    table.getColumns().add(column("runs.column.duration", RunRow::duration, 75, false));
    table.getColumns().add(column("runs.column.accuracy", RunRow::accuracy, 100, false));
    SortedList<RunRow> sorted = new SortedList<>(rows);
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    table.setRowFactory(
        t -> {
          TableRow<RunRow> row = new TableRow<>();
          row.itemProperty()
              .addListener(
                  (obs, old, item) -> {
                    row.setTooltip(item == null || item.message().isEmpty() ? null : tooltip(item.message()));
                  });
          return row;
        });
  }

  private final ListChangeListener<RunRow> onRuns = c -> replaceRows();
  private final ListChangeListener<RunCurves> onComparison = c -> drawComparison();

  private void initListeners() {
    // The table's selection is cleared whenever its rows are replaced; keep the user's selection across a refresh.
    // Weak, held here: a language switch rebuilds this view over the same view model.
    viewModel.runs().addListener(new WeakListChangeListener<>(onRuns));
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
    viewModel.comparison().addListener(new WeakListChangeListener<>(onComparison));
  }

  private void replaceRows() {
    List<String> selected = selectedIds();
    replacingRows = true;
    try {
      rows.setAll(viewModel.runs());
      for (int i = 0; i < table.getItems().size(); i++) {
        if (selected.contains(table.getItems().get(i).id())) {
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

  private void drawComparison() {
    accuracy.clearSeries();
    loss.clearSeries();
    for (RunCurves run : viewModel.comparison()) {
      accuracy.addSeries(run.name(), run.colorIndex(), false).appendAll(run.validationAccuracy().x(), run.validationAccuracy().y());
      loss.addSeries(run.name(), run.colorIndex(), false).appendAll(run.validationLoss().x(), run.validationLoss().y());
    }
    accuracy.resetZoom();
    loss.resetZoom();
  }

  private static TableColumn<RunRow, String> column(String key, Function<RunRow, String> value, double width, boolean sortable) {
    TableColumn<RunRow, String> c = new TableColumn<>(Messages.get(key));
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
    c.setPrefWidth(width);
    c.setSortable(sortable);
    return c;
  }

  private static Tooltip tooltip(String text) {
    Tooltip t = new Tooltip(text);
    t.setWrapText(true);
    t.setMaxWidth(420);
    return t;
  }

  private static VBox titled(String title, Region content) {
    Label l = new Label(title);
    l.getStyleClass().add("panel-title");
    VBox box = new VBox(2, l, content);
    VBox.setVgrow(content, Priority.ALWAYS);
    return box;
  }
}
