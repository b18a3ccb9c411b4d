package org.layerlab.app.model.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.Shape;

class ModelSummaryViewModelTest {

  private ObjectProperty<ModelSpec> model;
  private ObjectProperty<DataSignature> data;
  private ModelSummaryViewModel summary;

  @BeforeEach
  void setUp() {
    Messages.setLocale(Locale.ENGLISH);
    model = new SimpleObjectProperty<>(InspectorModels.mlp());
    data = new SimpleObjectProperty<>();
    summary = new ModelSummaryViewModel(model, data);
  }

  @Test
  void rowsAndTotalsComeFromTheAnalyzer() {
    ModelAnalysis analysis = ModelAnalyzer.analyze(InspectorModels.mlp());
    assertEquals(List.of("input (Input)", "dense1 (Dense)", "dense2 (Dense)"), summary.rows().stream().map(SummaryRow::layerAndType).toList());
    assertEquals(List.of("(N, 2)", "(N, 64)", "(N, 3)"), summary.rows().stream().map(SummaryRow::outputShape).toList());
    // dense1: 2 inputs x 64 weights + 64 biases; dense2: 64 x 3 + 3
    assertEquals(2 * 64 + 64, summary.rows().get(1).parameters());
    assertEquals(64 * 3 + 3, summary.rows().get(2).parameters());
    for (int i = 0; i < 3; i++) {
      assertEquals(analysis.layers().get(i).parameters(), summary.rows().get(i).parameters());
      assertEquals(analysis.layers().get(i).macs(), summary.rows().get(i).macs());
    }
    ModelSummaryViewModel.Totals t = summary.totalsProperty().get();
    assertEquals(analysis.totalParameters(), t.total());
    assertEquals(2 * 64 + 64 + 64 * 3 + 3, t.total());
    assertEquals(t.total(), t.trainable() + t.nonTrainable());
    assertEquals(analysis.totalMacs(), t.macs());
    assertEquals(analysis.activationBytes(), t.activationBytes());
    assertTrue(summary.totalsTextProperty().get().startsWith("Total parameters: 387 (1.51 KiB)"), summary.totalsTextProperty().get());
    assertFalse(summary.graphProperty().get());
    assertEquals("", summary.problemsTextProperty().get());
  }

  @Test
  void theModelIsCheckedAgainstTheDatasetsSignature() {
    assertEquals("Not checked against a dataset yet: the shapes come from the model's Input layer.", summary.dataTextProperty().get());
    data.set(new DataSignature(Shape.of(2), 3));
    assertEquals("Checked against the dataset: samples (N, 2), 3 classes.", summary.dataTextProperty().get());
    assertEquals("", summary.problemsTextProperty().get());
    data.set(new DataSignature(Shape.of(5), 3));
    assertEquals(ModelAnalyzer.analyze(model.get(), data.get()).problems().size(), summary.problemsTextProperty().get().lines().count());
    assertTrue(summary.problemsTextProperty().get().startsWith("input: "), summary.problemsTextProperty().get());
  }

  @Test
  void aModelChangeRefreshesTheTableAndProblemsShow() {
    ModelSpec wider = model.get().replace(1, model.get().layer(1).with("units", 10));
    model.set(wider);
    assertEquals(2 * 10 + 10, summary.rows().get(1).parameters());
    model.set(wider.replace(1, wider.layer(1).with("units", 0)));
    assertTrue(summary.problemsTextProperty().get().startsWith("dense1: units must be a whole number from 1 to 100000, got 0"),
        summary.problemsTextProperty().get());
    assertFalse(summary.rows().get(1).problems().isEmpty());
  }

  @Test
  void aGraphShowsWhatEachLayerIsConnectedTo() {
    model.set(InspectorModels.residual());
    assertTrue(summary.graphProperty().get());
    assertEquals(List.of("a", "b"), summary.rows().get(3).connectedTo());
    assertEquals(List.of("input"), summary.rows().get(1).connectedTo());
  }

  @Test
  void anEmptyModelSaysSo() {
    model.set(new ModelSpec(List.<LayerSpec>of()));
    assertTrue(summary.rows().isEmpty());
    assertEquals("The model has no layers yet.", summary.problemsTextProperty().get());
  }
}
