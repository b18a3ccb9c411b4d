package org.layerlab.app.training;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;
import org.layerlab.charts.MetricChart;
import org.layerlab.charts.MetricSeries;
import org.layerlab.model.project.OptimizerKind;

/**
 * The training panel: dataset and settings, Train and Stop, the progress of the run, and its live loss and accuracy curves (training
 * per batch solid, validation per epoch dashed, in one colour).
 */
public final class TrainingView extends VBox {

  private final TrainingViewModel viewModel;

  public TrainingView(TrainingViewModel viewModel) {
    this.viewModel = viewModel;
    setId("trainingView");
    setSpacing(8);
    setPadding(new Insets(10));
    getChildren().addAll(createForm(), createActions(), createCharts());
  }

  private GridPane createForm() {
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
    values.setPrefWidth(120); // the same for both value columns, so the extra width is shared evenly
    grid.getColumnConstraints().addAll(labels, values, labels, values);

    grid.add(label("datasetLabel", Messages.get("training.dataset")), 0, 0);
    grid.add(dataset, 1, 0, 3, 1);
    grid.add(datasetInfo, 1, 1, 3, 1);
    grid.add(problem("datasetProblem", viewModel.datasetProblemProperty()), 1, 2, 3, 1);

    grid.add(label("optimizerLabel", Messages.get("training.optimizer")), 0, 3);
    grid.add(optimizer, 1, 3);
    grid.add(label("learningRateLabel", Messages.get("training.learningRate")), 2, 3);
    grid.add(rate, 3, 3);
    grid.add(problem("learningRateProblem", viewModel.learningRateProblemProperty()), 2, 4, 2, 1);

    grid.add(label("batchSizeLabel", Messages.get("training.batchSize")), 0, 5);
    grid.add(batch, 1, 5);
    grid.add(label("epochsLabel", Messages.get("training.epochs")), 2, 5);
    grid.add(epochs, 3, 5);
    grid.add(problem("batchSizeProblem", viewModel.batchSizeProblemProperty()), 0, 6, 2, 1);
    grid.add(problem("epochsProblem", viewModel.epochsProblemProperty()), 2, 6, 2, 1);
    grid.disableProperty().bind(viewModel.runningProperty());
    return grid;
  }

  private VBox createActions() {
    Button train = new Button(Messages.get("training.train"));
    train.setId("trainButton");
    train.getStyleClass().add("train-button");
    train.disableProperty().bind(viewModel.canTrainProperty().not());
    train.setOnAction(e -> viewModel.train());

    Button stop = new Button(Messages.get("training.stop"));
    stop.setId("stopButton");
    stop.disableProperty().bind(viewModel.canStopProperty().not());
    stop.setOnAction(e -> viewModel.stop());

    ProgressBar bar = new ProgressBar(0);
    bar.setId("progressBar");
    bar.progressProperty().bind(viewModel.progressProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(bar, Priority.ALWAYS);

    HBox buttons = new HBox(8, train, stop, bar);
    buttons.setAlignment(Pos.CENTER_LEFT);

    Label progress = new Label();
    progress.setId("progressLabel");
    progress.getStyleClass().add("progress-text");
    progress.textProperty().bind(viewModel.progressTextProperty());
    progress.visibleProperty().bind(Bindings.isNotEmpty(viewModel.progressTextProperty()));
    progress.managedProperty().bind(progress.visibleProperty());

    Label status = new Label();
    status.setId("statusLabel");
    status.setWrapText(true);
    status.setMinHeight(Region.USE_PREF_SIZE);
    status.textProperty().bind(viewModel.statusTextProperty());

    VBox box = new VBox(4, buttons, progress, status);
    box.setPadding(new Insets(4, 0, 0, 0));
    return box;
  }

  private SplitPane createCharts() {
    String epoch = Messages.get("training.axis.epoch");
    MetricChart loss = new MetricChart(epoch, Messages.get("training.axis.loss"));
    loss.setId("lossChart");
    MetricSeries trainLoss = loss.addSeries(Messages.get("training.series.trainLoss"), 0, false);
    MetricSeries validationLoss = loss.addSeries(Messages.get("training.series.validationLoss"), 0, true);

    MetricChart accuracy = new MetricChart(epoch, Messages.get("training.axis.accuracy"));
    accuracy.setId("accuracyChart");
    MetricSeries trainAccuracy = accuracy.addSeries(Messages.get("training.series.trainAccuracy"), 0, false);
    MetricSeries validationAccuracy = accuracy.addSeries(Messages.get("training.series.validationAccuracy"), 0, true);

    viewModel.attachCurves(new LiveCurves(sink(trainLoss), sink(validationLoss), sink(trainAccuracy), sink(validationAccuracy)));

    SplitPane charts =
        new SplitPane(
            withHint(loss, Messages.get("training.chartHint.loss")), withHint(accuracy, Messages.get("training.chartHint.accuracy")));
    charts.setOrientation(Orientation.VERTICAL);
    charts.setId("liveCharts");
    VBox.setVgrow(charts, Priority.ALWAYS);
    return charts;
  }

  /** The chart with a line over it that says what will appear, until the first run draws. */
  private StackPane withHint(MetricChart chart, String text) {
    Label hint = new Label(text);
    hint.getStyleClass().add("chart-hint");
    hint.setWrapText(true);
    hint.setMaxWidth(380);
    hint.setMouseTransparent(true);
    hint.visibleProperty().bind(viewModel.curvesEmptyProperty());
    return new StackPane(chart, hint);
  }

  /** A chart series as the view model's sink; both of its methods are safe from the training thread. */
  private static PointSink sink(MetricSeries series) {
    return new PointSink() {
      @Override
      public void append(double x, double y) {
        series.append(x, y);
      }

      @Override
      public void clear() {
        series.clear();
      }
    };
  }

  private static TextField field(String id, StringProperty text) {
    TextField f = new TextField();
    f.setId(id);
    f.textProperty().bindBidirectional(text);
    f.setPrefColumnCount(8);
    return f;
  }

  private static Label label(String id, String text) {
    Label l = new Label(text);
    l.setId(id);
    l.getStyleClass().add("field-label");
    return l;
  }

  private static Label problem(String id, ReadOnlyStringProperty text) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add("problem-text");
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.textProperty().bind(text);
    l.visibleProperty().bind(Bindings.isNotEmpty(text));
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }

  private final class OptimizerCell extends ListCell<OptimizerKind> {
    @Override
    protected void updateItem(OptimizerKind kind, boolean empty) {
      super.updateItem(kind, empty);
      setText(empty ? null : viewModel.optimizerLabel(kind));
    }
  }

  private static final class DatasetCell extends ListCell<DatasetChoice> {
    @Override
    protected void updateItem(DatasetChoice choice, boolean empty) {
      super.updateItem(choice, empty);
      setText(empty || choice == null ? null : DatasetCatalog.label(choice.ref()));
    }
  }
}
