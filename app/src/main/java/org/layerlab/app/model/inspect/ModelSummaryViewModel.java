package org.layerlab.app.model.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.LayerReport;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.ModelSummary;
import org.layerlab.model.analysis.Problem;

/**
 * The Keras-style model summary: one row per layer from {@link ModelSummary#rows} and the totals of {@link ModelAnalyzer}'s analysis,
 * recomputed whenever the model or the dataset's signature changes. Analysis is plain arithmetic on the layer list, fast enough for
 * the JavaFX thread.
 */
public final class ModelSummaryViewModel {

  /**
   * The summary's figures.
   *
   * @param activationBytes float32 memory of all layer outputs for one sample (what a training step keeps per sample)
   * @param inputBytes float32 memory of one input sample
   */
  public record Totals(long total, long trainable, long nonTrainable, long macs, long activationBytes, long inputBytes) {}

  private final ObservableValue<ModelSpec> model;
  private final ObservableValue<DataSignature> data;
  private final ObservableList<SummaryRow> rows = FXCollections.observableArrayList();
  private final ObservableList<SummaryRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
  private final ReadOnlyObjectWrapper<Totals> totals = new ReadOnlyObjectWrapper<>(this, "totals");
  private final ReadOnlyBooleanWrapper graph = new ReadOnlyBooleanWrapper(this, "graph");
  private final ReadOnlyStringWrapper totalsText = new ReadOnlyStringWrapper(this, "totalsText", "");
  private final ReadOnlyStringWrapper problemsText = new ReadOnlyStringWrapper(this, "problemsText", "");
  private final ReadOnlyStringWrapper dataText = new ReadOnlyStringWrapper(this, "dataText", "");
  private ModelAnalysis analysis;

  /**
   * @param model the model being edited
   * @param data what the chosen dataset feeds the model; its value may be {@code null} while the dataset is unknown, and then the
   *     model's own Input shape is used
   */
  public ModelSummaryViewModel(ObservableValue<ModelSpec> model, ObservableValue<DataSignature> data) {
    this.model = Objects.requireNonNull(model, "model");
    this.data = Objects.requireNonNull(data, "data");
    refresh();
    model.addListener((obs, old, now) -> refresh());
    data.addListener((obs, old, now) -> refresh());
  }

  /** One row per layer, in the model's list order. */
  public ObservableList<SummaryRow> rows() {
    return readOnlyRows;
  }

  public ReadOnlyObjectProperty<Totals> totalsProperty() {
    return totals.getReadOnlyProperty();
  }

  /** Whether the model is a graph rather than a chain; the table then shows what each layer is connected to. */
  public ReadOnlyBooleanProperty graphProperty() {
    return graph.getReadOnlyProperty();
  }

  /** The totals as lines: total, trainable and non-trainable parameters, multiply-accumulates, activation memory. */
  public ReadOnlyStringProperty totalsTextProperty() {
    return totalsText.getReadOnlyProperty();
  }

  /** The analysis' problems, one a line, each with its layer; empty when the model is fine. */
  public ReadOnlyStringProperty problemsTextProperty() {
    return problemsText.getReadOnlyProperty();
  }

  /** Which input the shapes are computed for: the dataset's, or the model's own Input while no dataset is known. */
  public ReadOnlyStringProperty dataTextProperty() {
    return dataText.getReadOnlyProperty();
  }

  /** The summary as Keras prints it, for copying into a report. */
  public String plainText(String modelName) {
    return analysis == null ? "" : ModelSummary.text(analysis, modelName);
  }

  /** Recomputes everything in the current language. */
  public void refresh() {
    ModelSpec spec = model.getValue();
    DataSignature signature = data.getValue();
    if (spec == null || spec.size() == 0) {
      analysis = null;
      rows.clear();
      totals.set(new Totals(0, 0, 0, 0, 0, 0));
      graph.set(false);
      totalsText.set("");
      problemsText.set(Messages.get("inspect.summary.empty"));
      dataText.set("");
      return;
    }
    analysis = ModelAnalyzer.analyze(spec, signature, Messages.locale());
    List<SummaryRow> out = new ArrayList<>();
    List<ModelSummary.Row> table = ModelSummary.rows(analysis);
    for (int i = 0; i < table.size(); i++) {
      ModelSummary.Row r = table.get(i);
      LayerReport report = analysis.layers().get(i);
      List<String> inputs = report.inputIds().stream().map(id -> id.isEmpty() ? Messages.get("inspect.summary.unconnected") : id).toList();
      out.add(new SummaryRow(r.layer(), r.type(), r.outputShape(), r.parameters(), r.macs(), inputs, report.problems()));
    }
    rows.setAll(out);
    graph.set(!spec.isSequential());
    Totals t =
        new Totals(
            analysis.totalParameters(),
            analysis.trainableParameters(),
            analysis.nonTrainableParameters(),
            analysis.totalMacs(),
            analysis.activationBytes(),
            analysis.inputBytes());
    totals.set(t);
    totalsText.set(
        String.join(
            "\n",
            Messages.get("inspect.summary.total", Messages.integer(t.total()), ModelSummary.bytes(t.total() * LayerReport.BYTES_PER_VALUE)),
            Messages.get("inspect.summary.trainable", Messages.integer(t.trainable())),
            Messages.get("inspect.summary.nonTrainable", Messages.integer(t.nonTrainable())),
            Messages.get("inspect.summary.macs", Messages.integer(t.macs())),
            Messages.get("inspect.summary.memory", ModelSummary.bytes(t.activationBytes()), ModelSummary.bytes(t.inputBytes()))));
    List<String> problems = new ArrayList<>();
    for (Problem p : analysis.problems()) {
      problems.add(p.layerId() == null ? p.message() : p.layerId() + ": " + p.message());
    }
    problemsText.set(String.join("\n", problems));
    dataText.set(
        signature == null
            ? Messages.get("inspect.summary.noData")
            : Messages.get("inspect.summary.data", "(N, " + joinDims(signature) + ")", Messages.integer(signature.classes())));
  }

  private static String joinDims(DataSignature s) {
    return String.join(", ", s.sampleShape().dims().stream().map(String::valueOf).toList());
  }
}
