package org.layerlab.app.data;

import static org.layerlab.app.ui.FormControls.label;
import static org.layerlab.app.ui.FormControls.problem;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;

/** The data page: which dataset to train on and what it feeds the model. */
public final class DataView extends VBox {

  private final DataViewModel viewModel;

  public DataView(DataViewModel viewModel) {
    this.viewModel = viewModel;
    setId("dataView");
    setSpacing(8);
    setPadding(new Insets(10));
    getChildren().add(createChooser());
  }

  private GridPane createChooser() {
    ComboBox<DatasetChoice> dataset = new ComboBox<>(viewModel.datasets());
    dataset.setId("datasetCombo");
    dataset.valueProperty().bindBidirectional(viewModel.datasetProperty());
    dataset.setMaxWidth(Double.MAX_VALUE);
    // Labels are made when shown, so that a language switch relabels the datasets too.
    dataset.setCellFactory(l -> new DatasetCell());
    dataset.setButtonCell(new DatasetCell());

    Label datasetInfo = new Label();
    datasetInfo.setId("datasetInfoLabel");
    datasetInfo.getStyleClass().add("hint-text");
    datasetInfo.textProperty().bind(viewModel.datasetInfoProperty());

    GridPane grid = new GridPane();
    grid.setId("datasetForm");
    grid.setHgap(10);
    grid.setVgap(4);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(labels, values);
    grid.add(label("datasetLabel", Messages.get("training.dataset")), 0, 0);
    grid.add(dataset, 1, 0);
    grid.add(datasetInfo, 1, 1);
    grid.add(problem("datasetProblem", viewModel.datasetProblemProperty()), 1, 2);
    return grid;
  }

  private static final class DatasetCell extends ListCell<DatasetChoice> {
    @Override
    protected void updateItem(DatasetChoice choice, boolean empty) {
      super.updateItem(choice, empty);
      setText(empty || choice == null ? null : DatasetCatalog.label(choice.ref()));
    }
  }
}
