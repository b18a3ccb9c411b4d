package org.layerlab.app.setup;

import static org.layerlab.app.ui.FormControls.field;
import static org.layerlab.app.ui.FormControls.label;
import static org.layerlab.app.ui.FormControls.problem;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;
import org.layerlab.charts.schedule.ScheduleChart;
import org.layerlab.model.project.OptimizerKind;
import org.layerlab.model.project.TrainingSettings.DeviceChoice;
import org.layerlab.model.project.TrainingSettings.Algorithm;
import org.layerlab.model.project.TrainingSettings.LossKind;
import org.layerlab.model.project.TrainingSettings.Metric;
import org.layerlab.model.project.TrainingSettings.ScheduleKind;

/**
 * The training settings form, in groups: optimizer, run, learning-rate schedule (with a live preview of the rate over the run), loss,
 * early stopping, engine and reporting. Only the fields that apply to the current choices show.
 *
 * <p>Node ids: a text field for the settings path {@code a.b} is {@code aBField} with {@code aBLabel} and {@code aBProblem}
 * ({@code learningRateField}, {@code scheduleGammaField}); the lists are {@code optimizerCombo}, {@code algorithmCombo}, {@code
 * scheduleCombo}, {@code plateauMonitorCombo}, {@code lossCombo}, {@code earlyStoppingMetricCombo}; the switches {@code nesterovCheck}
 * and {@code earlyStoppingCheck}; the preview {@code schedulePreview} and its line {@code schedulePreviewText}.
 */
public final class TrainingSetupView extends VBox {

  private final TrainingSetupViewModel viewModel;
  private final ScheduleChart chart = new ScheduleChart();
  // Held here, listened to weakly: the window rebuilds its views on a language switch while the view model lives on.
  private final ChangeListener<SchedulePreview> previewListener = (obs, old, p) -> drawPreview(p);
  private final ChangeListener<OptimizerKind> familyListener;

  public TrainingSetupView(TrainingSetupViewModel viewModel) {
    this.viewModel = viewModel;
    setId("trainingSetupView");
    setSpacing(8);
    setPadding(new Insets(4, 10, 10, 10));

    ComboBox<Algorithm> algorithm = combo("algorithmCombo", viewModel.algorithms(), viewModel::algorithmLabel, viewModel.algorithmProperty());
    familyListener =
        (obs, old, family) -> {
          // New items may clear the list's value; the view model keeps the rule, so show it again.
          algorithm.getItems().setAll(viewModel.algorithms());
          algorithm.setValue(viewModel.algorithmProperty().get());
        };
    viewModel.optimizerProperty().addListener(new WeakChangeListener<>(familyListener));

    // One grid for every group, so that the fields of all groups line up; a hidden row takes no room (no vertical gap).
    GridPane form = new GridPane();
    form.setId("trainingForm");
    form.setHgap(10);
    // Labels wrap before the values shrink below a readable width (large classroom text in a narrow pane).
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(70);
    labels.setHgrow(Priority.SOMETIMES);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    values.setPrefWidth(150);
    values.setMinWidth(140);
    form.getColumnConstraints().addAll(labels, values);

    int row = 0;
    row = section(form, row, "optimizerSection", "setup.section.optimizer");
    ComboBox<OptimizerKind> optimizer = combo("optimizerCombo", viewModel.optimizers(), viewModel::optimizerLabel, viewModel.optimizerProperty());
    row = choiceRow(form, row, "optimizer", "training.optimizer", "setup.help.optimizer", optimizer, null);
    row = choiceRow(form, row, "algorithm", "setup.field.algorithm", "setup.help.algorithm", algorithm, viewModel.algorithmAppliesProperty());
    row = textRows(form, row, "learningRate", "momentum");
    CheckBox nesterov = new CheckBox(Messages.get("setup.field.nesterov"));
    nesterov.setId("nesterovCheck");
    nesterov.selectedProperty().bindBidirectional(viewModel.nesterovProperty());
    nesterov.setTooltip(tip("setup.help.nesterov"));
    showWhen(nesterov, viewModel.nesterovAppliesProperty());
    add(form, nesterov, 1, row++, 1);
    add(form, problem("nesterovProblem", viewModel.nesterovProblemProperty()), 0, row++, 2);
    row = textRows(form, row, "beta1", "beta2", "epsilon", "rho", "weightDecay", "gradientClipNorm");

    row = section(form, row, "runSection", "setup.section.run");
    row = textRows(form, row, "epochs", "batchSize", "seed");

    row = section(form, row, "scheduleSection", "setup.section.schedule");
    ComboBox<ScheduleKind> kind = combo("scheduleCombo", viewModel.scheduleKinds(), viewModel::scheduleLabel, viewModel.scheduleKindProperty());
    row = choiceRow(form, row, "schedule", "setup.field.schedule", "setup.help.schedule", kind, null);
    row = textRows(form, row, "schedule.gamma", "schedule.everyEpochs", "schedule.milestones", "schedule.warmupEpochs");
    row = textRows(form, row, "schedule.minLearningRate", "schedule.patience");
    ComboBox<Metric> monitor = combo("plateauMonitorCombo", viewModel.metrics(), viewModel::metricLabel, viewModel.plateauMonitorProperty());
    row = choiceRow(form, row, "plateauMonitor", "setup.field.plateauMonitor", "setup.help.plateauMonitor", monitor, viewModel.plateauMonitorAppliesProperty());
    add(form, previewBox(), 0, row++, 2);

    row = section(form, row, "lossSection", "setup.section.loss");
    ComboBox<LossKind> loss = combo("lossCombo", viewModel.lossKinds(), viewModel::lossLabel, viewModel.lossKindProperty());
    row = choiceRow(form, row, "loss", "setup.field.loss", "setup.help.loss", loss, null);
    row = textRows(form, row, "loss.labelSmoothing", "loss.huberDelta");

    row = section(form, row, "earlyStoppingSection", "setup.section.earlyStopping");
    CheckBox on = new CheckBox(Messages.get("setup.field.earlyStopping"));
    on.setId("earlyStoppingCheck");
    on.setWrapText(true);
    on.selectedProperty().bindBidirectional(viewModel.earlyStoppingProperty());
    on.setTooltip(tip("setup.help.earlyStopping"));
    add(form, on, 0, row++, 2);
    ComboBox<Metric> metric =
        combo("earlyStoppingMetricCombo", viewModel.metrics(), viewModel::metricLabel, viewModel.earlyStoppingMetricProperty());
    row = choiceRow(form, row, "earlyStoppingMetric", "setup.field.earlyStoppingMetric", "setup.help.earlyStoppingMetric", metric, viewModel.earlyStoppingProperty());
    row = textRows(form, row, "earlyStopping.patience", "earlyStopping.minDelta");

    row = section(form, row, "engineSection", "setup.section.engine");
    ComboBox<DeviceChoice> device = combo("deviceCombo", viewModel.devices(), viewModel::deviceLabel, viewModel.deviceProperty());
    row = choiceRow(form, row, "device", "setup.field.device", "setup.help.device", device, null);
    textRows(form, row, "threads", "histogramEvery", "worstSamples");

    Label other = problem("otherSettingsProblem", viewModel.otherProblemsProperty());
    getChildren().addAll(form, other);

    viewModel.previewProperty().addListener(new WeakChangeListener<>(previewListener));
    drawPreview(viewModel.previewProperty().get());
  }

  private VBox previewBox() {
    chart.setId("schedulePreview");
    chart.setPrefHeight(210);
    chart.setMinHeight(170);
    chart.chart().chart().setLegendVisible(false);
    chart.chart().chart().getYAxis().setName(Messages.get("setup.preview.rateAxis"));
    CheckBox log = new CheckBox(Messages.get("setup.preview.log"));
    log.setId("schedulePreviewLog");
    log.selectedProperty().bindBidirectional(chart.logScaleProperty());
    // The chart's own bar speaks English; this page puts its own, translated, in its place.
    chart.setTop(null);
    Label heading = label("schedulePreviewLabel", Messages.get("setup.preview.title"));
    heading.getStyleClass().add("panel-title");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(8, heading, gap, log);
    bar.setAlignment(Pos.CENTER_LEFT);
    Label text = new Label();
    text.setId("schedulePreviewText");
    text.getStyleClass().add("hint-text");
    text.setWrapText(true);
    text.setMinHeight(Region.USE_PREF_SIZE);
    text.textProperty().bind(viewModel.previewTextProperty());
    VBox box = new VBox(4, bar, chart, text);
    box.setId("schedulePreviewBox");
    box.getStyleClass().add("schedule-preview-box");
    return box;
  }

  /** A group's title across both columns. */
  private static int section(GridPane g, int row, String id, String titleKey) {
    Label title = new Label(Messages.get(titleKey));
    title.setId(id);
    title.getStyleClass().add("setup-section-title");
    title.setMaxWidth(Double.MAX_VALUE);
    g.add(title, 0, row, 2, 1);
    GridPane.setMargin(title, new Insets(row == 0 ? 2 : 14, 0, 4, 0));
    return row + 1;
  }

  private static void add(GridPane g, Node node, int column, int row, int span) {
    g.add(node, column, row, span, 1);
    GridPane.setMargin(node, new Insets(2, 0, 2, 0));
  }

  /** A label, a text field and its problem line per key, each shown only while the field applies. Returns the next free row. */
  private int textRows(GridPane g, int row, String... keys) {
    for (String key : keys) {
      SetupField f = viewModel.field(key);
      String stem = stem(key);
      TextField field = field(stem + "Field", f.textProperty());
      field.promptTextProperty().bind(f.promptProperty());
      field.setTooltip(tip("setup.help." + key));
      Label label = label(stem + "Label", Messages.get("setup.field." + key));
      label.setWrapText(true);
      label.setTooltip(tip("setup.help." + key));
      label.setLabelFor(field);
      if (f.conditional()) {
        // Only these are bound: a lesson hides an always-shown field (batch size) by setting its visibility, which a binding forbids.
        showWhen(label, f.appliesProperty());
        showWhen(field, f.appliesProperty());
      }
      add(g, label, 0, row, 1);
      add(g, field, 1, row++, 1);
      add(g, problem(stem + "Problem", f.problemProperty()), 0, row++, 2);
    }
    return row;
  }

  private int choiceRow(GridPane g, int row, String stem, String labelKey, String helpKey, ComboBox<?> combo, ReadOnlyBooleanProperty when) {
    Label label = label(stem + "Label", Messages.get(labelKey));
    label.setWrapText(true);
    label.setLabelFor(combo);
    label.setTooltip(tip(helpKey));
    combo.setTooltip(tip(helpKey));
    if (when != null) {
      showWhen(label, when);
      showWhen(combo, when);
    }
    add(g, label, 0, row, 1);
    add(g, combo, 1, row, 1);
    return row + 1;
  }

  private static <T> ComboBox<T> combo(String id, List<T> items, Function<T, String> text, ObjectProperty<T> value) {
    ComboBox<T> c = new ComboBox<>();
    c.setId(id);
    c.getItems().setAll(items);
    c.setCellFactory(l -> new TextCell<>(text));
    c.setButtonCell(new TextCell<>(text));
    c.valueProperty().bindBidirectional(value);
    c.setMaxWidth(Double.MAX_VALUE);
    return c;
  }

  private static void showWhen(Node node, ReadOnlyBooleanProperty when) {
    node.visibleProperty().bind(when);
    node.managedProperty().bind(node.visibleProperty());
  }

  private static Tooltip tip(String key) {
    Tooltip t = new Tooltip(Messages.get(key));
    t.setWrapText(true);
    t.setMaxWidth(420);
    return t;
  }

  /** {@code schedule.gamma} becomes {@code scheduleGamma}, the stem of the field's node ids. */
  static String stem(String key) {
    String[] parts = key.split("\\.");
    StringBuilder s = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      s.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return s.toString();
  }

  private void drawPreview(SchedulePreview p) {
    if (p == null) {
      chart.clear();
      return;
    }
    chart.chart().chart().getXAxis().setName(Messages.get(p.perEpoch() ? "setup.preview.epochAxis" : "setup.preview.stepAxis"));
    chart.setSchedule(Messages.get("setup.preview.rateAxis"), p::rate, p.points());
  }

  private static final class TextCell<T> extends ListCell<T> {
    private final Function<T, String> text;

    TextCell(Function<T, String> text) {
      this.text = text;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : text.apply(item));
    }
  }
}
