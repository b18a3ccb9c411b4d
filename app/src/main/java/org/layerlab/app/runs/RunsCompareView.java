package org.layerlab.app.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layerlab.app.i18n.Messages;
import org.layerlab.charts.parallel.ParallelCoordinatesView;
import org.layerlab.charts.parallel.Trial;
import org.layerlab.charts.scalar.RunGroup;
import org.layerlab.charts.scalar.ScalarChart;
import org.layerlab.charts.scalar.ScalarRun;
import org.layerlab.charts.scalar.Smoothing;
import org.layerlab.charts.scalar.XAxisMode;
import org.layerlab.runtime.tracking.Axis;
import org.layerlab.runtime.tracking.ConfigDiff;

/**
 * The comparison of the selected runs: the chosen metric's curves overlaid (seed groups as a mean with a ± sd band), the settings the
 * runs differ in side by side, settings against the metric in parallel coordinates, and the seed groups' spread and significance.
 */
final class RunsCompareView extends VBox {

  private final RunsViewModel viewModel;
  private final ScalarChart chart;
  private final TableView<ConfigDiff.Row> diff = new TableView<>();
  private final StackPane parallelPane = new StackPane();
  private final VBox groupsBox = new VBox(8);
  private final ChangeListener<RunsComparison> onComparison = (obs, old, now) -> show(now);

  RunsCompareView(RunsViewModel viewModel) {
    this.viewModel = viewModel;
    setId("runsCompare");
    setSpacing(4);
    setPadding(new Insets(6, 0, 0, 0));

    Label text = new Label();
    text.setId("compareLabel");
    text.setWrapText(true);
    text.setMinWidth(0);
    text.textProperty().bind(viewModel.compareTextProperty());
    ComboBox<String> metric = new ComboBox<>(viewModel.availableMetrics());
    metric.setId("compareMetricCombo");
    metric.setConverter(RunsView.converter(t -> t == null ? "" : MetricColumn.metricName(t)));
    metric.valueProperty().bindBidirectional(viewModel.compareMetricProperty());
    Label metricLabel = new Label(Messages.get("runs.compare.metric"));
    metricLabel.setMinWidth(Region.USE_PREF_SIZE);
    HBox choice = new HBox(8, metricLabel, metric);
    choice.setAlignment(Pos.CENTER_LEFT);
    text.setMinHeight(Region.USE_PREF_SIZE);
    VBox top = new VBox(4, choice, text);

    chart = new ScalarChart(MetricColumn.metricName(viewModel.compareMetricProperty().get()));
    chart.setId("compareChart");
    // Epoch series have a handful of points: smoothing would bend them, so it starts off (the slider turns it on).
    chart.setSmoothing(Smoothing.none());
    wrapToolbar(chart);

    diff.setId("compareDiffTable");
    diff.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    Label identical = new Label(Messages.get("runs.diff.none"));
    identical.getStyleClass().add("hint-text");
    diff.setPlaceholder(identical);

    parallelPane.setId("compareParallelPane");
    groupsBox.setId("compareGroupsBox");
    groupsBox.setPadding(new Insets(8));
    ScrollPane groupsScroll = new ScrollPane(groupsBox);
    groupsScroll.setFitToWidth(true);

    TabPane tabs =
        new TabPane(
            tab("compareCurvesTab", "runs.compare.tab.curves", chart),
            tab("compareDiffTab", "runs.compare.tab.diff", diff),
            tab("compareParallelTab", "runs.compare.tab.parallel", parallelPane),
            tab("compareGroupsTab", "runs.compare.tab.groups", groupsScroll));
    tabs.setId("compareTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    getChildren().addAll(top, tabs);

    viewModel.comparisonProperty().addListener(new WeakChangeListener<>(onComparison));
    show(viewModel.comparisonProperty().get());
  }

  /**
   * Lets the chart's toolbar wrap onto a second line: the runs tab shares the window with the model editor, and a toolbar in one
   * row would push the chart's legend out of sight.
   */
  private static void wrapToolbar(ScalarChart chart) {
    if (chart.getTop() instanceof HBox bar) {
      javafx.scene.layout.FlowPane flow = new javafx.scene.layout.FlowPane(8, 4);
      flow.getChildren().setAll(List.copyOf(bar.getChildren()));
      flow.getChildren().removeIf(n -> n.getClass() == Region.class); // the row's spring means nothing in a flow
      flow.setPadding(bar.getPadding());
      flow.setAlignment(Pos.CENTER_LEFT);
      flow.getStyleClass().setAll(bar.getStyleClass());
      chart.setTop(flow);
    }
  }

  private static Tab tab(String id, String key, javafx.scene.Node content) {
    Tab t = new Tab(Messages.get(key), content);
    t.setId(id);
    return t;
  }

  private void show(RunsComparison c) {
    drawCurves(c);
    showDiff(c);
    showParallel(c);
    showGroups(c);
  }

  private void drawCurves(RunsComparison c) {
    chart.clearRuns();
    if (c.isEmpty()) {
      return;
    }
    chart.chart().getYAxis().setName(MetricColumn.metricName(c.tag()));
    if (Axis.isEpochTag(c.tag())) {
      chart.setXAxisMode(XAxisMode.EPOCH);
    } else if (chart.xAxisMode() == XAxisMode.EPOCH) {
      chart.setXAxisMode(XAxisMode.STEP);
    }
    Map<String, ScalarRun> byId = new LinkedHashMap<>();
    for (RunCurve curve : c.curves()) {
      ScalarRun run = chart.addRun(curve.name(), curve.colorIndex());
      run.appendAll(curve.steps(), curve.epochs(), curve.wallTimes(), curve.values());
      byId.put(curve.runId(), run);
    }
    for (SeedGroupSummary g : c.groups()) {
      List<ScalarRun> members = g.runIds().stream().map(byId::get).toList();
      RunGroup group = chart.addGroup(g.name(), g.colorIndex(), members);
      group.setSpread(RunGroup.Spread.STANDARD_DEVIATION);
    }
    chart.resetZoom();
  }

  private void showDiff(RunsComparison c) {
    diff.getColumns().clear();
    diff.getItems().clear();
    if (c.isEmpty()) {
      return;
    }
    TableColumn<ConfigDiff.Row, String> setting = new TableColumn<>(Messages.get("runs.diff.setting"));
    setting.setId("compareDiffSetting");
    setting.setPrefWidth(260);
    setting.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().path()).getReadOnlyProperty());
    diff.getColumns().add(setting);
    for (int i = 0; i < c.runNames().size(); i++) {
      int index = i;
      TableColumn<ConfigDiff.Row, String> run = new TableColumn<>(c.runNames().get(i));
      run.setPrefWidth(150);
      run.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().values().get(index)).getReadOnlyProperty());
      diff.getColumns().add(run);
    }
    diff.getItems().setAll(c.diff().rows());
  }

  private void showParallel(RunsComparison c) {
    ParallelData data = c.parallel();
    if (c.isEmpty() || data.isEmpty() || data.trials().size() < 2) {
      Label hint = new Label(Messages.get(c.isEmpty() ? "runs.compare.start" : "runs.parallel.none"));
      hint.getStyleClass().add("hint-text");
      hint.setWrapText(true);
      parallelPane.getChildren().setAll(hint);
      return;
    }
    List<String> settings = data.dimensions().subList(0, data.dimensions().size() - 1);
    ParallelCoordinatesView view = new ParallelCoordinatesView(settings, data.metric());
    view.setId("compareParallel");
    List<Trial> trials = new ArrayList<>();
    for (ParallelData.Trial t : data.trials()) {
      trials.add(new Trial(t.name(), t.values()));
    }
    view.setTrials(trials);
    VBox box = new VBox(4, view);
    VBox.setVgrow(view, Priority.ALWAYS);
    if (!data.categories().isEmpty()) {
      List<String> legend = new ArrayList<>();
      data.categories().forEach((axis, values) -> {
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
          numbered.add(i + " = " + values.get(i));
        }
        legend.add(axis + ": " + String.join(", ", numbered));
      });
      Label categories = new Label(Messages.get("runs.parallel.categories", String.join("; ", legend)));
      categories.getStyleClass().add("hint-text");
      categories.setWrapText(true);
      box.getChildren().add(categories);
    }
    parallelPane.getChildren().setAll(box);
  }

  private void showGroups(RunsComparison c) {
    groupsBox.getChildren().clear();
    if (c.isEmpty()) {
      Label hint = new Label(Messages.get("runs.compare.start"));
      hint.getStyleClass().add("hint-text");
      groupsBox.getChildren().add(hint);
      return;
    }
    for (SeedGroupSummary g : c.groups()) {
      Label l = new Label(g.text());
      l.getStyleClass().add("runs-group-summary");
      l.setWrapText(true);
      groupsBox.getChildren().add(l);
    }
    Label statements = new Label(String.join("\n\n", c.statements()));
    statements.setId("compareGroupsText");
    statements.setWrapText(true);
    statements.getStyleClass().add("runs-significance");
    groupsBox.getChildren().add(statements);
  }
}
