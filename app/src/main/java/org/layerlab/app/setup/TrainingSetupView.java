package org.layerlab.app.setup;

import static org.layerlab.app.ui.FormControls.field;
import static org.layerlab.app.ui.FormControls.label;
import static org.layerlab.app.ui.FormControls.problem;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.project.OptimizerKind;

/** The training settings form: optimizer, learning rate, batch size and epochs. */
public final class TrainingSetupView extends VBox {

  private final TrainingSetupViewModel viewModel;

  public TrainingSetupView(TrainingSetupViewModel viewModel) {
    this.viewModel = viewModel;
    setId("trainingSetupView");
    setSpacing(8);
    setPadding(new Insets(10));
    getChildren().add(createForm());
  }

  private GridPane createForm() {
    ComboBox<OptimizerKind> optimizer = new ComboBox<>();
    optimizer.setId("optimizerCombo");
    optimizer.getItems().setAll(viewModel.optimizers());
    optimizer.setCellFactory(l -> new OptimizerCell());
    optimizer.setButtonCell(new OptimizerCell());
    optimizer.valueProperty().bindBidirectional(viewModel.optimizerProperty());
    optimizer.setMaxWidth(Double.MAX_VALUE);

    TextField rate = field("learningRateField", viewModel.learningRateTextProperty());
    TextField batch = field("batchSizeField", viewModel.batchSizeTextProperty());
    TextField epochs = field("epochsField", viewModel.epochsTextProperty());

    GridPane grid = new GridPane();
    grid.setId("trainingForm");
    grid.setHgap(10);
    grid.setVgap(4);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    values.setPrefWidth(120);
    grid.getColumnConstraints().addAll(labels, values);

    grid.add(label("optimizerLabel", Messages.get("training.optimizer")), 0, 0);
    grid.add(optimizer, 1, 0);
    grid.add(label("learningRateLabel", Messages.get("training.learningRate")), 0, 1);
    grid.add(rate, 1, 1);
    grid.add(problem("learningRateProblem", viewModel.learningRateProblemProperty()), 1, 2);
    grid.add(label("batchSizeLabel", Messages.get("training.batchSize")), 0, 3);
    grid.add(batch, 1, 3);
    grid.add(problem("batchSizeProblem", viewModel.batchSizeProblemProperty()), 1, 4);
    grid.add(label("epochsLabel", Messages.get("training.epochs")), 0, 5);
    grid.add(epochs, 1, 5);
    grid.add(problem("epochsProblem", viewModel.epochsProblemProperty()), 1, 6);
    return grid;
  }

  private final class OptimizerCell extends ListCell<OptimizerKind> {
    @Override
    protected void updateItem(OptimizerKind kind, boolean empty) {
      super.updateItem(kind, empty);
      setText(empty ? null : viewModel.optimizerLabel(kind));
    }
  }
}
