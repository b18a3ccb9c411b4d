package org.layerlab.app.data;

import static org.layerlab.app.ui.FormControls.field;
import static org.layerlab.app.ui.FormControls.label;
import static org.layerlab.app.ui.FormControls.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;
import org.layerlab.app.check.CheckView;
import org.layerlab.app.check.CheckViewModel;
import org.layerlab.app.i18n.Messages;
import org.layerlab.charts.SeriesPalette;
import org.layerlab.charts.boundary.DecisionBoundaryView;
import org.layerlab.charts.boundary.LabeledPoint;
import org.layerlab.charts.samples.Sample;
import org.layerlab.charts.samples.SampleGrid;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.runtime.preview.CsvHead;
import org.layerlab.runtime.preview.DataPreview;
import org.layerlab.runtime.preview.SplitCounts;

/**
 * The data page: on the left, which dataset to train on (chosen, generated with settings, or imported), how it is split, normalised
 * and augmented, and the check before training; on the right, a preview of the samples and the class balance of each split.
 */
public final class DataView extends SplitPane {

  /** The splits in the balance chart, and their colours (not the class colours, which the scatter plot uses). */
  private static final String[] SPLIT_KEYS = {"data.balance.train", "data.balance.validation", "data.balance.test"};

  private static final String[] SPLIT_COLOURS = {"#3b6fd1", "#e0a526", "#8a5cc2"};

  /** The most columns the table preview shows. */
  private static final int MAX_TABLE_COLUMNS = 40;

  private final DataViewModel viewModel;
  private final List<Object> held = new ArrayList<>();
  private Node testLegend;
  private final StackPane previewArea = new StackPane();
  private final BarChart<String, Number> balance;

  public DataView(DataViewModel viewModel) {
    this(viewModel, null);
  }

  /** The page with the check before training under the settings, or without it when {@code check} is {@code null}. */
  public DataView(DataViewModel viewModel, CheckViewModel check) {
    this.viewModel = viewModel;
    setId("dataView");
    viewModel.useFileChooser(new FxDataFileChooser(() -> getScene() == null ? null : getScene().getWindow()));

    VBox form = new VBox(10, createChooser(), createGenerator(), createImported(), new Separator(), createSplits());
    form.getChildren().addAll(new Separator(), createNormalisation(), createAugmentation());
    form.setPadding(new Insets(10));
    ScrollPane settings = new ScrollPane(form);
    settings.setFitToWidth(true);
    settings.setId("dataSettingsScroll");

    CategoryAxis classes = new CategoryAxis();
    NumberAxis count = new NumberAxis();
    count.setLabel(Messages.get("data.balance.axis"));
    balance = new BarChart<>(classes, count);
    balance.setId("classBalanceChart");
    balance.setAnimated(false);
    balance.setPrefHeight(230);
    balance.setMinHeight(160);
    balance.setCategoryGap(6);
    balance.setBarGap(1);
    // our own legend: the chart's own does not show under the charts module's style sheet
    balance.setLegendVisible(false);

    getItems().addAll(settings, createPreview(check));
    setDividerPositions(0.34);

    watch(viewModel.previewProperty(), (obs, old, now) -> showPreview());
    watch(viewModel.splitCountsProperty(), (obs, old, now) -> showBalance());
    showPreview();
    showBalance();
  }

  // ---- the settings ---------------------------------------------------------------------------------------------------------------

  private VBox createChooser() {
    ComboBox<DatasetChoice> dataset = new ComboBox<>(viewModel.datasets());
    dataset.setId("datasetCombo");
    dataset.setValue(viewModel.datasetProperty().get());
    // Not bound both ways: a list that loses its selected item would write null back; the view model always has a dataset.
    dataset.valueProperty().addListener((obs, old, now) -> {
      if (now != null && now != viewModel.datasetProperty().get()) {
        viewModel.datasetProperty().set(now);
      }
    });
    watch(viewModel.datasetProperty(), (obs, old, now) -> dataset.setValue(now));
    dataset.setMaxWidth(Double.MAX_VALUE);
    dataset.setVisibleRowCount(16);
    // Labels are made when shown, so that a language switch relabels the datasets too.
    dataset.setCellFactory(l -> new DatasetCell());
    dataset.setButtonCell(new DatasetCell());
    HBox.setHgrow(dataset, Priority.ALWAYS);

    MenuButton importButton = new MenuButton(Messages.get("data.import"));
    importButton.setId("importMenu");
    importButton.setMinWidth(Region.USE_PREF_SIZE);
    for (DataFileChooser.Kind kind : DataFileChooser.Kind.values()) {
      MenuItem item = new MenuItem(Messages.get("data.import." + kind.name()));
      item.setId("import" + kind.name());
      item.setOnAction(e -> viewModel.importData(kind));
      importButton.getItems().add(item);
    }
    HBox line = new HBox(6, dataset, importButton);
    line.setAlignment(Pos.CENTER_LEFT);

    Label datasetInfo = new Label();
    datasetInfo.setId("datasetInfoLabel");
    datasetInfo.getStyleClass().add("hint-text");
    datasetInfo.textProperty().bind(viewModel.datasetInfoProperty());

    return new VBox(
        4,
        title("datasetLabel", "training.dataset"),
        line,
        datasetInfo,
        problem("datasetProblem", viewModel.datasetProblemProperty()),
        problem("importProblem", viewModel.importProblemProperty()));
  }

  private VBox createGenerator() {
    GridPane grid = grid("generatorForm");
    Label samplesLabel = label("samplesLabel", "");
    samplesLabel.textProperty().bind(viewModel.samplesLabelProperty());
    int row = 0;
    grid.add(samplesLabel, 0, row);
    grid.add(field("samplesField", viewModel.samplesTextProperty()), 1, row++);
    Label classesLabel = label("classesLabel", Messages.get("data.param.classes"));
    javafx.scene.control.TextField classes = field("classesField", viewModel.classesTextProperty());
    grid.add(classesLabel, 0, row);
    grid.add(classes, 1, row++);
    showWhen(viewModel.hasClassesProperty(), classesLabel, classes);
    grid.add(label("noiseLabel", Messages.get("data.param.noise")), 0, row);
    grid.add(field("noiseField", viewModel.noiseTextProperty()), 1, row++);
    Label lengthLabel = label("lengthLabel", Messages.get("data.param.length"));
    javafx.scene.control.TextField length = field("lengthField", viewModel.lengthTextProperty());
    grid.add(lengthLabel, 0, row);
    grid.add(length, 1, row++);
    showWhen(viewModel.hasLengthProperty(), lengthLabel, length);
    grid.add(label("seedLabel", Messages.get("data.param.seed")), 0, row);
    grid.add(field("seedField", viewModel.seedTextProperty()), 1, row);
    VBox box =
        new VBox(4, title("generatorTitle", "data.section.generator"), grid, problem("parameterProblem", viewModel.parameterProblemProperty()));
    box.setId("generatorSection");
    showWhen(viewModel.generatedProperty(), box);
    return box;
  }

  private VBox createImported() {
    ComboBox<String> target = new ComboBox<>(viewModel.csvColumns());
    target.setId("csvTargetCombo");
    target.valueProperty().bindBidirectional(viewModel.csvTargetProperty());
    ChoiceBox<DatasetRef.Task> task = new ChoiceBox<>();
    task.getItems().setAll(DatasetRef.Task.values());
    task.setId("csvTaskChoice");
    task.setConverter(converter(viewModel::taskLabel));
    task.valueProperty().bindBidirectional(viewModel.csvTaskProperty());
    GridPane csvGrid = grid("csvForm");
    csvGrid.add(label("csvTargetLabel", Messages.get("data.csv.target")), 0, 0);
    csvGrid.add(target, 1, 0);
    csvGrid.add(label("csvTaskLabel", Messages.get("data.csv.task")), 0, 1);
    csvGrid.add(task, 1, 1);
    showWhen(viewModel.csvProperty(), csvGrid);

    GridPane imageGrid = grid("imageFolderForm");
    imageGrid.add(label("imageSizeLabel", Messages.get("data.param.imageSize")), 0, 0);
    imageGrid.add(field("imageSizeField", viewModel.imageSizeTextProperty()), 1, 0);
    CheckBox grey = new CheckBox(Messages.get("data.image.grey"));
    grey.setId("greyCheck");
    grey.selectedProperty().bindBidirectional(viewModel.greyProperty());
    imageGrid.add(grey, 1, 1);
    showWhen(viewModel.imageFolderProperty(), imageGrid);

    ChoiceBox<DatasetRef.CifarVariant> variant = new ChoiceBox<>();
    variant.getItems().setAll(DatasetRef.CifarVariant.values());
    variant.setId("cifarVariantChoice");
    variant.setConverter(converter(viewModel::cifarVariantLabel));
    variant.valueProperty().bindBidirectional(viewModel.cifarVariantProperty());
    GridPane cifarGrid = grid("cifarForm");
    cifarGrid.add(label("cifarVariantLabel", Messages.get("data.cifar.variant")), 0, 0);
    cifarGrid.add(variant, 1, 0);
    showWhen(viewModel.cifarProperty(), cifarGrid);

    VBox box = new VBox(4, csvGrid, imageGrid, cifarGrid);
    box.setId("importedSection");
    showWhen(viewModel.csvProperty().or(viewModel.imageFolderProperty()).or(viewModel.cifarProperty()), box);
    return box;
  }

  private VBox createSplits() {
    Slider validation = fractionSlider("validationSlider", viewModel.validationFractionProperty(), 0.05, 0.5);
    Slider test = fractionSlider("testSlider", viewModel.testFractionProperty(), 0, 0.5);
    test.disableProperty().bind(viewModel.testFractionAppliesProperty().not());
    GridPane grid = grid("splitsForm");
    grid.add(label("validationLabel", Messages.get("data.validation")), 0, 0);
    grid.add(validation, 1, 0);
    grid.add(percentLabel("validationValue", viewModel.validationFractionProperty()), 2, 0);
    grid.add(label("testLabel", Messages.get("data.test")), 0, 1);
    grid.add(test, 1, 1);
    grid.add(percentLabel("testValue", viewModel.testFractionProperty()), 2, 1);
    Label own = new Label(Messages.get("data.test.own"));
    own.setId("ownTestLabel");
    own.getStyleClass().add("hint-text");
    own.setWrapText(true);
    showWhen(viewModel.testFractionAppliesProperty().not(), own);
    Label counts = new Label();
    counts.setId("dataCountsLabel");
    counts.getStyleClass().add("counts-text");
    counts.setWrapText(true);
    counts.textProperty().bind(viewModel.countsTextProperty());
    return new VBox(4, title("splitsTitle", "data.section.splits"), grid, own, counts);
  }

  private VBox createNormalisation() {
    ChoiceBox<DatasetRef.Normalisation> choice = new ChoiceBox<>();
    choice.getItems().setAll(viewModel.normalisations());
    choice.setId("normalisationChoice");
    choice.setConverter(converter(viewModel::normalisationLabel));
    choice.valueProperty().bindBidirectional(viewModel.normalisationProperty());
    Label hint = new Label(Messages.get("data.normalisation.hint"));
    hint.setId("normalisationHint");
    hint.getStyleClass().add("hint-text");
    hint.setWrapText(true);
    return new VBox(4, title("normalisationTitle", "data.section.normalisation"), choice, hint);
  }

  private VBox createAugmentation() {
    CheckBox flip = new CheckBox(Messages.get("data.aug.flip"));
    flip.setId("flipCheck");
    flip.selectedProperty().bindBidirectional(viewModel.flipProperty());
    Spinner<Integer> crop = new Spinner<>(0, 16, viewModel.cropPaddingProperty().get());
    crop.setId("cropSpinner");
    crop.setPrefWidth(80);
    crop.getValueFactory().valueProperty().addListener((obs, old, now) -> viewModel.cropPaddingProperty().set(now));
    watch(viewModel.cropPaddingProperty(), (obs, old, now) -> crop.getValueFactory().setValue(now.intValue()));
    Slider rotation = new Slider(0, 45, viewModel.rotationProperty().get());
    rotation.setId("rotationSlider");
    rotation.setMajorTickUnit(5);
    rotation.setMinorTickCount(0);
    rotation.setSnapToTicks(true);
    rotation.setBlockIncrement(5);
    rotation.valueProperty().addListener((obs, old, now) -> viewModel.rotationProperty().set(Math.round(now.doubleValue())));
    watch(viewModel.rotationProperty(), (obs, old, now) -> rotation.setValue(now.doubleValue()));
    Label rotationValue = new Label();
    rotationValue.setId("rotationValue");
    rotationValue.textProperty().bind(Bindings.format("%.0f°", viewModel.rotationProperty()));
    Slider shift = fractionSlider("shiftSlider", viewModel.shiftProperty(), 0, 0.3);
    GridPane grid = grid("augmentationForm");
    grid.add(flip, 0, 0, 3, 1);
    grid.add(label("cropLabel", Messages.get("data.aug.crop")), 0, 1);
    grid.add(crop, 1, 1);
    grid.add(label("rotationLabel", Messages.get("data.aug.rotation")), 0, 2);
    grid.add(rotation, 1, 2);
    grid.add(rotationValue, 2, 2);
    grid.add(label("shiftLabel", Messages.get("data.aug.shift")), 0, 3);
    grid.add(shift, 1, 3);
    grid.add(percentLabel("shiftValue", viewModel.shiftProperty()), 2, 3);
    grid.disableProperty().bind(viewModel.imageDataProperty().not());
    Label hint = new Label(Messages.get("data.aug.hint"));
    hint.setId("augmentationHint");
    hint.getStyleClass().add("hint-text");
    hint.setWrapText(true);
    return new VBox(
        4, title("augmentationTitle", "data.section.augmentation"), hint, grid, problem("optionsProblem", viewModel.optionsProblemProperty()));
  }

  // ---- the preview ----------------------------------------------------------------------------------------------------------------

  private VBox createPreview(CheckViewModel check) {
    Label status = new Label();
    status.setId("previewStatus");
    status.getStyleClass().add("hint-text");
    status.textProperty().bind(viewModel.previewStatusProperty());
    ProgressBar progress = new ProgressBar();
    progress.setId("previewProgress");
    progress.progressProperty().bind(viewModel.previewProgressProperty());
    Button cancel = new Button(Messages.get("data.preview.cancel"));
    cancel.setId("previewCancelButton");
    cancel.setOnAction(e -> viewModel.cancelPreview());
    Button reload = new Button(Messages.get("data.preview.reload"));
    reload.setId("previewReloadButton");
    reload.setOnAction(e -> viewModel.checkDataset());
    reload.disableProperty().bind(viewModel.previewLoadingProperty());
    HBox loading = new HBox(8, progress, status, cancel);
    loading.setAlignment(Pos.CENTER_LEFT);
    showWhen(viewModel.previewLoadingProperty(), loading);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox header = new HBox(10, title("previewTitle", "data.section.preview"), loading, gap, reload);
    header.setAlignment(Pos.CENTER_LEFT);

    Label previewProblem = problem("previewProblem", viewModel.previewProblemProperty());
    previewArea.setId("previewArea");
    previewArea.setMinHeight(200);
    VBox.setVgrow(previewArea, Priority.ALWAYS);
    HBox legend = new HBox(12);
    legend.setId("balanceLegend");
    for (int split = 0; split < SPLIT_KEYS.length; split++) {
      Region swatch = new Region();
      swatch.setMinSize(12, 12);
      swatch.setMaxSize(12, 12);
      swatch.setStyle("-fx-background-color: " + SPLIT_COLOURS[split] + ";");
      legend.getChildren().add(new Label(Messages.get(SPLIT_KEYS[split]), swatch));
    }
    testLegend = legend.getChildren().get(2);
    testLegend.managedProperty().bind(testLegend.visibleProperty());
    HBox balanceTitle = new HBox(16, title("balanceTitle", "data.section.balance"), legend);
    balanceTitle.setAlignment(Pos.CENTER_LEFT);
    VBox balanceBox = new VBox(4, balanceTitle, balance);
    VBox.setVgrow(balance, Priority.ALWAYS);
    HBox.setHgrow(balanceBox, Priority.ALWAYS);
    HBox bottom = new HBox(12, balanceBox);
    if (check != null) {
      CheckView checkView = new CheckView(check);
      checkView.setPadding(new Insets(0, 4, 0, 0));
      ScrollPane checkScroll = new ScrollPane(checkView);
      checkScroll.setId("checkScroll");
      checkScroll.setFitToWidth(true);
      checkScroll.setPrefWidth(430);
      checkScroll.setMinWidth(320);
      checkScroll.getStyleClass().add("check-scroll");
      bottom.getChildren().add(checkScroll);
    }
    VBox top = new VBox(8, header, previewProblem, previewArea);
    top.setPadding(new Insets(4, 6, 6, 6));
    bottom.setPadding(new Insets(6, 6, 4, 6));
    // the user can give the check's findings more room by dragging the divider up
    SplitPane split = new SplitPane(top, bottom);
    split.setId("previewSplit");
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.6);
    split.getStyleClass().add("preview-split");
    VBox.setVgrow(split, Priority.ALWAYS);
    VBox box = new VBox(split);
    box.setPadding(new Insets(10));
    return box;
  }

  private void showPreview() {
    DataPreview p = viewModel.previewProperty().get();
    if (p == null) {
      previewArea.getChildren().clear();
      return;
    }
    Node content =
        switch (p.kind()) {
          case IMAGES -> imageGrid(p);
          case TABLE, VECTORS -> table(p.table());
          case POINTS -> scatter(p);
          case CURVE -> curve(p);
          case SEQUENCES -> sequences(p);
        };
    previewArea.getChildren().setAll(content);
  }

  private Node imageGrid(DataPreview p) {
    SampleGrid grid = new SampleGrid(64);
    grid.setId("previewSamples");
    List<Sample> samples = new ArrayList<>();
    for (DataPreview.ImageSample s : p.images()) {
      samples.add(sample(s, className(p, s.label())));
    }
    grid.setSamples(samples);
    grid.setTop(null); // its "only misclassified" filter and summary are about predictions; a preview has none
    for (VBox tile : grid.tiles()) {
      Node prediction = tile.getChildren().get(tile.getChildren().size() - 1);
      prediction.setVisible(false);
      prediction.setManaged(false);
    }
    return grid;
  }

  /** An image sample for the grid: grey or colour as it has one or three channels (else its first channel), 0 to 1 stretched. */
  static Sample sample(DataPreview.ImageSample s, String label) {
    float[] px = s.pixels();
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : px) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    // Images are read as 0..1; anything else (a normalised set) is stretched to show.
    double lo = min >= 0 && max <= 1 ? 0 : min;
    double range = min >= 0 && max <= 1 ? 1 : Math.max(1e-9, max - min);
    int plane = s.height() * s.width();
    double[] values = new double[s.channels() == 3 ? 3 * plane : plane];
    for (int i = 0; i < values.length; i++) {
      values[i] = (px[i] - lo) / range;
    }
    return s.channels() == 3
        ? Sample.rgb(s.width(), s.height(), values, label, null, Double.NaN)
        : Sample.grayscale(s.width(), s.height(), values, label, null, Double.NaN);
  }

  private static String className(DataPreview p, int label) {
    return label < p.groupNames().size() ? p.groupNames().get(label) : Integer.toString(label);
  }

  private Node table(CsvHead head) {
    TableView<List<String>> table = new TableView<>();
    table.setId("previewTable");
    int shown = Math.min(head.columns().size(), MAX_TABLE_COLUMNS);
    for (int c = 0; c < shown; c++) {
      int column = c;
      TableColumn<List<String>, String> col = new TableColumn<>(head.columns().get(c));
      col.setCellValueFactory(row -> new SimpleStringProperty(column < row.getValue().size() ? row.getValue().get(column) : ""));
      col.setSortable(false);
      table.getColumns().add(col);
    }
    table.getItems().setAll(head.rows());
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    if (shown == head.columns().size()) {
      return table;
    }
    // a table of hundreds of columns (pixels of an image, say) would cost more than it shows
    Label more = new Label(Messages.get("data.preview.moreColumns", shown, head.columns().size()));
    more.setId("previewMoreColumns");
    more.getStyleClass().add("hint-text");
    VBox box = new VBox(4, table, more);
    VBox.setVgrow(table, Priority.ALWAYS);
    return box;
  }

  private Node scatter(DataPreview p) {
    DecisionBoundaryView view = new DecisionBoundaryView("x1", "x2");
    view.setId("previewScatter");
    view.setPoints(p.points().stream().map(pt -> new LabeledPoint(pt.x(), pt.y(), pt.label())).toList());
    view.setClassNames(p.groupNames());
    // its status line counts misclassified points against a decision field; a preview has no field
    Node status = view.lookup("#" + DecisionBoundaryView.STATUS_ID);
    if (status != null) {
      status.setVisible(false);
    }
    return view;
  }

  private Node curve(DataPreview p) {
    LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
    chart.setId("previewCurve");
    chart.setAnimated(false);
    chart.setCreateSymbols(false);
    chart.setLegendVisible(false);
    chart.getXAxis().setLabel("x");
    chart.getYAxis().setLabel(p.groupNames().isEmpty() ? "y" : p.groupNames().get(0));
    ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
    XYChart.Series<Number, Number> series = new XYChart.Series<>();
    p.points().stream()
        .sorted(Comparator.comparingDouble(DataPreview.Point::x))
        .forEach(pt -> series.getData().add(new XYChart.Data<>(pt.x(), pt.y())));
    chart.getData().add(series);
    return chart;
  }

  private Node sequences(DataPreview p) {
    LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
    chart.setId("previewSequences");
    chart.setAnimated(false);
    chart.setCreateSymbols(false);
    chart.setLegendVisible(false);
    chart.getXAxis().setLabel(Messages.get("data.preview.step"));
    for (DataPreview.Sequence s : p.sequences()) {
      XYChart.Series<Number, Number> series = new XYChart.Series<>();
      float[] v = s.values();
      for (int t = 0; t < v.length; t++) {
        series.getData().add(new XYChart.Data<>(t, v[t]));
      }
      chart.getData().add(series);
      series.getNode().setStyle("-fx-stroke: " + web(SeriesPalette.color(s.label())) + "; -fx-stroke-width: 1.5px;");
    }
    FlowPane legend = new FlowPane(12, 4);
    for (int k = 0; k < p.groupNames().size(); k++) {
      legend.getChildren().add(new Label(p.groupNames().get(k), new Circle(5, SeriesPalette.color(k))));
    }
    VBox box = new VBox(4, legend, chart);
    VBox.setVgrow(chart, Priority.ALWAYS);
    return box;
  }

  /**
   * Listens to a view model property for as long as this view lives. A language switch rebuilds the views but keeps the view models,
   * so a view must not stay reachable from them: the listener is held here and registered weakly.
   */
  private <T> void watch(ObservableValue<T> value, ChangeListener<? super T> listener) {
    held.add(listener);
    value.addListener(new WeakChangeListener<>(listener));
  }

  private static String web(Color c) {
    return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
  }

  private void showBalance() {
    SplitCounts counts = viewModel.splitCountsProperty().get();
    DataPreview p = viewModel.previewProperty().get();
    balance.getData().clear();
    if (testLegend != null) {
      testLegend.setVisible(counts != null && counts.testTotal() > 0);
    }
    if (counts == null || p == null) {
      return;
    }
    int[] train = counts.train();
    int[] validation = counts.validation();
    int[] test = counts.test();
    List<String> names = p.regression() ? List.of(Messages.get("data.balance.all")) : p.groupNames();
    int[][] splits = {train, validation, test};
    for (int split = 0; split < splits.length; split++) {
      if (split == 2 && counts.testTotal() == 0) {
        break;
      }
      XYChart.Series<String, Number> series = series(Messages.get(SPLIT_KEYS[split]), names, splits[split]);
      balance.getData().add(series);
      for (XYChart.Data<String, Number> bar : series.getData()) {
        if (bar.getNode() != null) {
          bar.getNode().setStyle("-fx-bar-fill: " + SPLIT_COLOURS[split] + ";");
        }
      }
    }
  }

  private static XYChart.Series<String, Number> series(String name, List<String> classes, int[] counts) {
    XYChart.Series<String, Number> s = new XYChart.Series<>();
    s.setName(name);
    for (int c = 0; c < counts.length && c < classes.size(); c++) {
      s.getData().add(new XYChart.Data<>(classes.get(c), counts[c]));
    }
    return s;
  }

  // ---- small parts ----------------------------------------------------------------------------------------------------------------

  private static Label title(String id, String key) {
    Label l = new Label(Messages.get(key));
    l.setId(id);
    l.getStyleClass().add("section-title");
    return l;
  }

  private static GridPane grid(String id) {
    GridPane grid = new GridPane();
    grid.setId(id);
    grid.setHgap(10);
    grid.setVgap(4);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    ColumnConstraints extra = new ColumnConstraints();
    extra.setMinWidth(Region.USE_PREF_SIZE);
    grid.getColumnConstraints().addAll(labels, values, extra);
    return grid;
  }

  private Slider fractionSlider(String id, DoubleProperty value, double min, double max) {
    Slider s = new Slider(min, max, value.get());
    s.setId(id);
    s.setMajorTickUnit(0.05);
    s.setMinorTickCount(0);
    s.setSnapToTicks(true);
    s.setBlockIncrement(0.05);
    s.setMaxWidth(Double.MAX_VALUE);
    // whole percents, so that a project file says 0.25 rather than 0.25000000000000006
    s.valueProperty().addListener((obs, old, now) -> value.set(Math.round(now.doubleValue() * 100) / 100.0));
    watch(value, (obs, old, now) -> s.setValue(now.doubleValue()));
    return s;
  }

  private static Label percentLabel(String id, ObservableValue<Number> fraction) {
    Label l = new Label();
    l.setId(id);
    l.setMinWidth(Region.USE_PREF_SIZE);
    l.textProperty().bind(Bindings.createStringBinding(() -> Math.round(fraction.getValue().doubleValue() * 100) + "%", fraction));
    return l;
  }

  private static void showWhen(ObservableValue<Boolean> condition, Node... nodes) {
    for (Node n : nodes) {
      n.visibleProperty().bind(condition);
      n.managedProperty().bind(n.visibleProperty());
    }
  }

  private static <T> StringConverter<T> converter(Function<T, String> label) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return label.apply(value);
      }

      @Override
      public T fromString(String text) {
        throw new UnsupportedOperationException("a choice, not typed");
      }
    };
  }

  private static final class DatasetCell extends ListCell<DatasetChoice> {
    @Override
    protected void updateItem(DatasetChoice choice, boolean empty) {
      super.updateItem(choice, empty);
      setText(empty || choice == null ? null : DatasetCatalog.label(choice.ref()));
    }
  }
}
