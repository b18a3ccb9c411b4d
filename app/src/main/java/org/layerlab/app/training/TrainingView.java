package org.layerlab.app.training;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;
import org.layerlab.charts.MetricChart;
import org.layerlab.charts.MetricSeries;

/**
 * The run monitor: Train and Stop, the progress of the run, and its live loss and accuracy curves (training per batch solid,
 * validation per epoch dashed, in one colour).
 */
public final class TrainingView extends VBox {

  private final TrainingViewModel viewModel;

  public TrainingView(TrainingViewModel viewModel) {
    this.viewModel = viewModel;
    setId("trainingView");
    setSpacing(8);
    setPadding(new Insets(10));
    getChildren().addAll(createActions(), createCharts());
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

}
