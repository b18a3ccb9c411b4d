package org.layerlab.app.training;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.training.monitor.BoundaryPane;
import org.layerlab.app.training.monitor.ConfusionPane;
import org.layerlab.app.training.monitor.CurvesPane;
import org.layerlab.app.training.monitor.HistogramPane;

/**
 * The run monitor: on top the controls (train, stop, pause, single step, resume, step-by-step mode, the learning rate by hand) and
 * the progress (bar, epoch and batch, samples per second, elapsed time and time left); below, one tab each for the live curves, the
 * validation confusion matrix, the decision boundary and the weight and gradient histograms.
 */
public final class TrainingView extends VBox {

  private final TrainingViewModel viewModel;

  public TrainingView(TrainingViewModel viewModel) {
    this.viewModel = viewModel;
    setId("trainingView");
    setSpacing(6);
    setPadding(new Insets(8, 10, 8, 10));
    TabPane tabs = createTabs();
    VBox.setVgrow(tabs, Priority.ALWAYS);
    getChildren().addAll(createControls(), createProgress(), tabs);
    org.layerlab.app.training.monitor.MonitorSupport.pinDashPatterns(this);
  }

  private VBox createControls() {
    Button train = button("trainButton", "training.train", viewModel::train);
    train.getStyleClass().add("train-button");
    train.disableProperty().bind(viewModel.canTrainProperty().not());
    Button stop = button("stopButton", "training.stop", viewModel::stop);
    stop.disableProperty().bind(viewModel.canStopProperty().not());
    Button pause = button("pauseButton", "monitor.pause", viewModel::pause);
    pause.disableProperty().bind(viewModel.canPauseProperty().not());
    Button step = button("stepButton", "monitor.step", viewModel::step);
    step.disableProperty().bind(viewModel.canStepProperty().not());
    step.setTooltip(new Tooltip(Messages.get("monitor.step.tip")));
    Button resume = button("resumeButton", "monitor.resume", viewModel::resume);
    resume.disableProperty().bind(viewModel.canResumeProperty().not());
    CheckBox stepByStep = new CheckBox(Messages.get("monitor.stepByStep"));
    stepByStep.setId("stepByStepToggle");
    stepByStep.setTooltip(new Tooltip(Messages.get("monitor.stepByStep.tip")));
    stepByStep.selectedProperty().bindBidirectional(viewModel.stepByStepProperty());

    Label rateLabel = new Label(Messages.get("monitor.lr.label"));
    TextField rate = new TextField();
    rate.setId("learningRateField");
    rate.setPrefColumnCount(7);
    rate.textProperty().bindBidirectional(viewModel.learningRateTextProperty());
    rate.promptTextProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  double now = viewModel.currentLearningRateProperty().get();
                  return Double.isNaN(now) ? Messages.get("monitor.lr.prompt") : TrainingViewModel.formatRate(now);
                },
                viewModel.currentLearningRateProperty()));
    rate.setOnAction(e -> viewModel.applyLearningRate());
    Button apply = button("applyLearningRateButton", "monitor.lr.apply", viewModel::applyLearningRate);
    apply.disableProperty().bind(viewModel.canApplyLearningRateProperty().not());
    HBox rateBox = new HBox(6, rateLabel, rate, apply);
    rateBox.setAlignment(Pos.CENTER_LEFT);

    FlowPane bar =
        new FlowPane(
            8,
            6,
            train,
            stop,
            new Separator(Orientation.VERTICAL),
            pause,
            step,
            resume,
            stepByStep,
            new Separator(Orientation.VERTICAL),
            rateBox);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setId("monitorControls");

    Label rateNote = new Label();
    rateNote.setId("learningRateNote");
    rateNote.setWrapText(true);
    rateNote.getStyleClass().add("hint-text");
    rateNote.textProperty()
        .bind(
            Bindings.when(viewModel.learningRateProblemProperty().isEmpty())
                .then(viewModel.learningRateNoteProperty())
                .otherwise(viewModel.learningRateProblemProperty()));
    rateNote.visibleProperty().bind(rateNote.textProperty().isNotEmpty());
    rateNote.managedProperty().bind(rateNote.visibleProperty());
    viewModel.learningRateProblemProperty()
        .addListener((obs, old, now) -> rateNote.getStyleClass().setAll(now.isEmpty() ? "hint-text" : "warning-text"));
    return new VBox(4, bar, rateNote);
  }

  private Button button(String id, String key, Runnable action) {
    Button b = new Button(Messages.get(key));
    b.setId(id);
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.setOnAction(e -> action.run());
    return b;
  }

  private VBox createProgress() {
    ProgressBar bar = new ProgressBar(0);
    bar.setId("progressBar");
    bar.progressProperty().bind(viewModel.progressProperty());
    bar.setMaxWidth(Double.MAX_VALUE);

    Label progress = new Label();
    progress.setId("progressLabel");
    progress.getStyleClass().add("progress-text");
    progress.textProperty().bind(viewModel.progressTextProperty());
    progress.visibleProperty().bind(Bindings.isNotEmpty(viewModel.progressTextProperty()));
    progress.managedProperty().bind(progress.visibleProperty());

    Label timing = new Label();
    timing.setId("etaLabel");
    timing.getStyleClass().add("progress-text");
    timing.textProperty().bind(viewModel.timingTextProperty());
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox line = new HBox(12, progress, spring, timing);
    line.setAlignment(Pos.CENTER_LEFT);

    Label status = new Label();
    status.setId("statusLabel");
    status.setWrapText(true);
    status.setMinHeight(Region.USE_PREF_SIZE);
    status.textProperty().bind(viewModel.statusTextProperty());

    return new VBox(4, bar, line, status);
  }

  private TabPane createTabs() {
    Tab curves = tab("curvesTab", "monitor.tab.curves", new CurvesPane(viewModel));
    Tab confusion = tab("confusionTab", "monitor.tab.confusion", new ConfusionPane(viewModel));
    Tab boundary = tab("boundaryTab", "monitor.tab.boundary", new BoundaryPane(viewModel));
    Tab histograms = tab("histogramsTab", "monitor.tab.histograms", new HistogramPane(viewModel));
    TabPane tabs = new TabPane(curves, confusion, boundary, histograms);
    tabs.setId("monitorTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getStyleClass().add("monitor-tabs");
    return tabs;
  }

  private static Tab tab(String id, String key, javafx.scene.Node content) {
    Tab t = new Tab(Messages.get(key), content);
    t.setId(id);
    return t;
  }
}
