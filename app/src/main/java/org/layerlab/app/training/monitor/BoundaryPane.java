package org.layerlab.app.training.monitor;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.training.BoundarySink;
import org.layerlab.app.training.TrainingViewModel;
import org.layerlab.charts.boundary.DecisionBoundaryView;
import org.layerlab.charts.boundary.DecisionField;
import org.layerlab.charts.boundary.LabeledPoint;
import org.layerlab.runtime.events.DecisionBoundary;

/**
 * The decision regions of a two-feature classifier after each epoch, with the training points on top, as TensorFlow Playground
 * draws them. Other data has no such picture: the pane says so.
 */
public final class BoundaryPane extends StackPane {

  private final DecisionBoundaryView view = new DecisionBoundaryView(Messages.get("monitor.boundary.x"), Messages.get("monitor.boundary.y"));

  public BoundaryPane(TrainingViewModel viewModel) {
    setId("boundaryPane");
    view.setId("boundaryView");
    Label hint = MonitorSupport.chartHint("", 420);
    hint.setId("boundaryHint");
    Runnable updateHint =
        () -> {
          boolean available = viewModel.boundaryAvailableProperty().get();
          hint.setText(Messages.get(available ? "monitor.boundary.waiting" : "monitor.boundary.unavailable"));
          hint.setVisible(!available || viewModel.confusionProperty().get() == null);
        };
    viewModel.boundaryAvailableProperty().addListener(o -> updateHint.run());
    viewModel.confusionProperty().addListener(o -> updateHint.run());
    updateHint.run();
    getChildren().addAll(view, hint);
    viewModel.attachBoundary(sink(view));
  }

  /** The chart component; tests read its field. */
  public DecisionBoundaryView view() {
    return view;
  }

  /** The chart as the view model's sink: points and fields may come from the training thread. */
  private static BoundarySink sink(DecisionBoundaryView view) {
    return new BoundarySink() {
      @Override
      public void points(float[] xy, int[] labels, List<String> classNames) {
        List<LabeledPoint> points = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
          points.add(new LabeledPoint(xy[2 * i], xy[2 * i + 1], labels[i]));
        }
        view.setPoints(points);
        List<String> names = List.copyOf(classNames);
        if (Platform.isFxApplicationThread()) {
          view.setClassNames(names);
        } else {
          Platform.runLater(() -> view.setClassNames(names)); // once per run
        }
      }

      @Override
      public void field(DecisionBoundary b) {
        float[] p = b.probabilities();
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
          d[i] = p[i];
        }
        if (b.classes() >= 2) {
          view.setField(new DecisionField(b.xMin(), b.xMax(), b.yMin(), b.yMax(), b.columns(), b.rows(), b.classes(), d), b.epoch());
        }
      }

      @Override
      public void clear() {
        view.setPoints(List.of());
      }
    };
  }
}
