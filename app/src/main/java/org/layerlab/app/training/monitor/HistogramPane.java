package org.layerlab.app.training.monitor;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.training.HistogramSink;
import org.layerlab.app.training.TrainingViewModel;
import org.layerlab.charts.histogram.HistogramSnapshot;
import org.layerlab.charts.histogram.HistogramView;

/**
 * The weights and gradients of one parameter over the run, chosen from a list: the latest histograms as ridges, or the whole run as
 * a distribution heat map.
 */
public final class HistogramPane extends BorderPane {

  private final HistogramView view = new HistogramView(Messages.get("monitor.histogram.value"));

  public HistogramPane(TrainingViewModel viewModel) {
    setId("histogramPane");
    view.setId("histogramView");
    ConfusionPane.relabel(view, HistogramView.RIDGES_ID, Messages.get("monitor.histogram.ridges"));
    ConfusionPane.relabel(view, HistogramView.HEAT_MAP_ID, Messages.get("monitor.histogram.heatMap"));

    CheckBox record = new CheckBox(Messages.get("monitor.histogram.record"));
    record.setId("recordHistogramsToggle");
    record.selectedProperty().bindBidirectional(viewModel.recordHistogramsProperty());
    ComboBox<String> choice = new ComboBox<>(viewModel.histogramKeys());
    choice.setId("histogramChoice");
    choice.setPromptText(Messages.get("monitor.histogram.parameter"));
    choice.valueProperty().bindBidirectional(viewModel.selectedHistogramProperty());
    HBox bar = new HBox(10, new Label(Messages.get("monitor.histogram.parameter")), choice, record);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4));
    bar.getStyleClass().add("monitor-toolbar");

    Label hint = MonitorSupport.chartHint("", 420);
    hint.setId("histogramHint");
    Runnable updateHint =
        () -> {
          hint.setText(
              Messages.get(viewModel.histogramsRecordedProperty().get() || viewModel.recordHistogramsProperty().get()
                  ? "monitor.histogram.hint"
                  : "monitor.histogram.off"));
          hint.setVisible(viewModel.histogramKeys().isEmpty());
        };
    viewModel.histogramsRecordedProperty().addListener(o -> updateHint.run());
    viewModel.recordHistogramsProperty().addListener(o -> updateHint.run());
    viewModel.histogramKeys().addListener((javafx.collections.ListChangeListener<String>) c -> updateHint.run());
    updateHint.run();

    setTop(bar);
    setCenter(new StackPane(view, hint));
    viewModel.attachHistograms(
        new HistogramSink() {
          @Override
          public void add(long step, double[] edges, double[] counts) {
            view.add(new HistogramSnapshot(step, edges, counts));
          }

          @Override
          public void clear() {
            view.clear();
          }
        });
  }

  public HistogramView view() {
    return view;
  }
}
