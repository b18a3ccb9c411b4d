package org.layerlab.app.training.monitor;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.training.CurveAxis;
import org.layerlab.app.training.LiveCurves;
import org.layerlab.app.training.PointSink;
import org.layerlab.app.training.TrainingViewModel;
import org.layerlab.charts.scalar.RunEvent;
import org.layerlab.charts.scalar.ScalarChart;
import org.layerlab.charts.scalar.ScalarRun;
import org.layerlab.charts.scalar.Smoothing;
import org.layerlab.charts.scalar.XAxisMode;

/**
 * Loss and accuracy of the live run on two {@link ScalarChart}s: training per step, validation per epoch, smoothed with
 * TensorBoard's moving average, against step, epoch or time, with learning-rate changes marked. One toolbar drives both charts.
 */
public final class CurvesPane extends BorderPane {

  private final TrainingViewModel viewModel;
  private final ScalarChart loss;
  private final ScalarChart accuracy;

  public CurvesPane(TrainingViewModel viewModel) {
    this.viewModel = viewModel;
    setId("curvesPane");
    loss = chart("lossChart", Messages.get("training.axis.loss"));
    accuracy = chart("accuracyChart", Messages.get("training.axis.accuracy"));
    // Short names: the legend is narrow, the y axis names the metric and the hint says per batch and per epoch.
    ScalarRun trainLoss = loss.addRun(Messages.get("monitor.series.train"), 0);
    ScalarRun validationLoss = loss.addRun(Messages.get("monitor.series.validation"), 1);
    ScalarRun trainAccuracy = accuracy.addRun(Messages.get("monitor.series.train"), 0);
    ScalarRun validationAccuracy = accuracy.addRun(Messages.get("monitor.series.validation"), 1);
    viewModel.attachCurves(new LiveCurves(sink(trainLoss), sink(validationLoss), sink(trainAccuracy), sink(validationAccuracy)));

    SplitPane charts =
        new SplitPane(
            withHint(loss, Messages.get("monitor.chartHint.loss")), withHint(accuracy, Messages.get("training.chartHint.accuracy")));
    charts.setOrientation(Orientation.VERTICAL);
    charts.setId("liveCharts");
    setTop(toolbar());
    setCenter(charts);
    applySmoothing();
    applyAxis();
    applyLogY();
    applyMetric();
    viewModel.regressionProperty().addListener(new javafx.beans.value.WeakChangeListener<>(metricListener));
    viewModel.smoothingProperty().addListener(o -> applySmoothing());
    viewModel.curveAxisProperty().addListener(o -> applyAxis());
    viewModel.logYProperty().addListener(o -> applyLogY());
  }

  // Kept in a field: the view model outlives a view rebuilt on a language switch, and listens to it weakly.
  private final javafx.beans.value.ChangeListener<Boolean> metricListener = (obs, old, now) -> applyMetric();

  /** Accuracy for a classification, R-squared for a regression. */
  private void applyMetric() {
    accuracy.setYAxisLabel(Messages.get(viewModel.regressionProperty().get() ? "monitor.axis.r2" : "training.axis.accuracy"));
  }

  private static ScalarChart chart(String id, String yLabel) {
    ScalarChart c = new ScalarChart(yLabel);
    c.setId(id);
    c.setTop(null); // the pane's toolbar drives both charts, in the window's language
    c.getStyleClass().add("monitor-chart");
    return c;
  }

  private HBox toolbar() {
    Label smoothingLabel = new Label(Messages.get("monitor.smoothing"));
    Slider slider = new Slider(0, 0.99, viewModel.smoothingProperty().get());
    slider.setId("smoothingSlider");
    slider.setPrefWidth(160);
    slider.valueProperty().bindBidirectional(viewModel.smoothingProperty());
    Label value = new Label();
    value.setId("smoothingValue");
    value.setMinWidth(40);
    value.textProperty().bind(viewModel.smoothingProperty().asString("%.2f"));

    Label axisLabel = new Label(Messages.get("monitor.axis"));
    ChoiceBox<CurveAxis> axis = new ChoiceBox<>(FXCollections.observableArrayList(CurveAxis.values()));
    axis.setId("curveAxisChoice");
    axis.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(CurveAxis a) {
            return a == null ? "" : Messages.get("monitor.axis." + a.name());
          }

          @Override
          public CurveAxis fromString(String s) {
            return null;
          }
        });
    axis.valueProperty().bindBidirectional(viewModel.curveAxisProperty());

    CheckBox log = new CheckBox(Messages.get("monitor.logY"));
    log.setId("logYToggle");
    log.selectedProperty().bindBidirectional(viewModel.logYProperty());

    HBox bar = new HBox(8, smoothingLabel, slider, value, axisLabel, axis, log);
    HBox.setMargin(axisLabel, new Insets(0, 0, 0, 12));
    HBox.setMargin(log, new Insets(0, 0, 0, 12));
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 4, 4, 4));
    bar.getStyleClass().add("monitor-toolbar");
    return bar;
  }

  private void applySmoothing() {
    double w = Math.max(0, Math.min(Smoothing.MAX_WEIGHT, viewModel.smoothingProperty().get()));
    Smoothing s = w == 0 ? Smoothing.none() : Smoothing.exponential(w);
    loss.setSmoothing(s);
    accuracy.setSmoothing(s);
  }

  private void applyAxis() {
    CurveAxis a = viewModel.curveAxisProperty().get();
    XAxisMode mode =
        switch (a == null ? CurveAxis.STEP : a) {
          case STEP -> XAxisMode.STEP;
          case EPOCH -> XAxisMode.EPOCH;
          case RELATIVE_TIME -> XAxisMode.RELATIVE_TIME;
        };
    for (ScalarChart c : new ScalarChart[] {loss, accuracy}) {
      c.setXAxisMode(mode);
      c.chart().getXAxis().setName(Messages.get("monitor.axisTitle." + (a == null ? CurveAxis.STEP : a).name()));
    }
  }

  private void applyLogY() {
    loss.setLogY(viewModel.logYProperty().get());
    accuracy.setLogY(viewModel.logYProperty().get());
  }

  /** The chart with a line over it that says what will appear, until the first run draws. */
  private StackPane withHint(ScalarChart chart, String text) {
    Label hint = MonitorSupport.chartHint(text, 380);
    hint.visibleProperty().bind(viewModel.curvesEmptyProperty());
    return new StackPane(chart, hint);
  }

  /** A chart run as the view model's sink; every method is safe from the training thread. */
  private static PointSink sink(ScalarRun run) {
    return new PointSink() {
      @Override
      public void append(double step, double epoch, long wallTimeMillis, double value) {
        run.append(step, epoch, wallTimeMillis, value);
      }

      @Override
      public void appendAll(double[] steps, double[] epochs, long[] wallTimesMillis, double[] values, int count) {
        if (count == steps.length) {
          run.appendAll(steps, epochs, wallTimesMillis, values);
        } else {
          PointSink.super.appendAll(steps, epochs, wallTimesMillis, values, count);
        }
      }

      @Override
      public void marker(double step, double epoch, long wallTimeMillis, String label) {
        run.addEvent(new RunEvent(step, epoch, wallTimeMillis, RunEvent.Kind.LEARNING_RATE_CHANGE, label));
      }

      @Override
      public void clear() {
        run.clear();
      }
    };
  }
}
