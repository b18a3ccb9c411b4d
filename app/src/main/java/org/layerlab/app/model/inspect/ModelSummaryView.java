package org.layerlab.app.model.inspect;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;

/**
 * The Keras-style model summary: a table of the layers (name and type, output shape, parameters, multiply-accumulates, and for graphs
 * what each is connected to), the totals under it, then any problems. A layer with a problem is marked red, its problems in a tooltip.
 *
 * <p>Node ids: {@code summaryTable}, {@code summaryTotals}, {@code summaryData}, {@code summaryProblems}.
 */
public final class ModelSummaryView extends VBox {

  public ModelSummaryView(ModelSummaryViewModel viewModel) {
    setId("modelSummaryView");
    setSpacing(6);
    setPadding(new Insets(8));
    getStyleClass().add("model-summary");

    TableView<SummaryRow> table = new TableView<>(viewModel.rows());
    table.setId("summaryTable");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label(Messages.get("inspect.summary.empty")));
    TableColumn<SummaryRow, String> layer = textColumn("inspect.summary.column.layer", SummaryRow::layerAndType);
    TableColumn<SummaryRow, String> shape = textColumn("inspect.summary.column.shape", SummaryRow::outputShape);
    shape.getStyleClass().add("mono-column");
    TableColumn<SummaryRow, Number> params = numberColumn("inspect.summary.column.params", SummaryRow::parameters);
    TableColumn<SummaryRow, Number> macs = numberColumn("inspect.summary.column.macs", SummaryRow::macs);
    TableColumn<SummaryRow, String> connected = textColumn("inspect.summary.column.connected", r -> String.join(", ", r.connectedTo()));
    connected.visibleProperty().bind(viewModel.graphProperty());
    layer.setPrefWidth(200);
    shape.setPrefWidth(150);
    params.setPrefWidth(90);
    macs.setPrefWidth(110);
    table.getColumns().setAll(java.util.List.of(layer, shape, params, macs, connected));
    table.setRowFactory(t -> new ProblemRow());
    table.setFixedCellSize(-1);
    VBox.setVgrow(table, Priority.ALWAYS);

    Label data = label("summaryData", "hint-text");
    data.textProperty().bind(viewModel.dataTextProperty());
    Label totals = label("summaryTotals", "summary-totals");
    totals.textProperty().bind(viewModel.totalsTextProperty());
    Label problems = label("summaryProblems", "problem-text");
    problems.textProperty().bind(viewModel.problemsTextProperty());
    problems.visibleProperty().bind(Bindings.isNotEmpty(viewModel.problemsTextProperty()));
    problems.managedProperty().bind(problems.visibleProperty());
    getChildren().addAll(table, data, totals, problems);
  }

  private static Label label(String id, String style) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(style);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  private static TableColumn<SummaryRow, String> textColumn(String key, Function<SummaryRow, String> value) {
    TableColumn<SummaryRow, String> c = new TableColumn<>(Messages.get(key));
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
    c.setSortable(false);
    return c;
  }

  private static TableColumn<SummaryRow, Number> numberColumn(String key, Function<SummaryRow, Long> value) {
    TableColumn<SummaryRow, Number> c = new TableColumn<>(Messages.get(key));
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
    c.setSortable(false);
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : Messages.integer(n.longValue()));
                setAlignment(Pos.CENTER_RIGHT);
              }
            });
    return c;
  }

  /** Marks a layer with problems and lists them in a tooltip. */
  private static final class ProblemRow extends TableRow<SummaryRow> {
    @Override
    protected void updateItem(SummaryRow row, boolean empty) {
      super.updateItem(row, empty);
      boolean bad = !empty && row != null && !row.problems().isEmpty();
      getStyleClass().remove("summary-problem-row");
      if (bad) {
        getStyleClass().add("summary-problem-row");
        setTooltip(new Tooltip(String.join("\n", row.problems())));
      } else {
        setTooltip(null);
      }
    }
  }
}
