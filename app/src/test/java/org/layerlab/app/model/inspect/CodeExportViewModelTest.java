package org.layerlab.app.model.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerlab.app.i18n.Messages;
import org.layerlab.model.ModelMessages;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.export.ExportTarget;

class CodeExportViewModelTest {

  private ObjectProperty<ModelSpec> model;
  private StringProperty name;
  private CodeExportViewModel export;

  @BeforeEach
  void setUp() {
    Messages.setLocale(Locale.ENGLISH);
    model = new SimpleObjectProperty<>(InspectorModels.mlp());
    name = new SimpleStringProperty("Spiral MLP");
    export = new CodeExportViewModel(model, name);
  }

  @Test
  void everyTargetWritesTheModelsClassAndLayers() {
    export.targetProperty().set(ExportTarget.DJL);
    String djl = export.codeProperty().get();
    assertTrue(djl.contains("public final class SpiralMlp extends AbstractBlock"), djl);
    assertEquals("SpiralMlp.java", export.fileNameProperty().get());

    export.targetProperty().set(ExportTarget.PYTORCH);
    String torch = export.codeProperty().get();
    assertTrue(torch.contains("class SpiralMlp(nn.Module):"), torch);
    assertTrue(torch.contains("nn.Linear(2, 64)") && torch.contains("nn.Linear(64, 3)"), torch);
    assertEquals("spiral_mlp.py", export.fileNameProperty().get());

    export.targetProperty().set(ExportTarget.KERAS);
    String keras = export.codeProperty().get();
    assertTrue(keras.contains("def build_model():"), keras);
    assertTrue(keras.contains("dense1") && keras.contains("dense2"), keras);
    assertEquals("", export.errorProperty().get());
  }

  @Test
  void theCodeFollowsTheModelAndItsName() {
    export.targetProperty().set(ExportTarget.PYTORCH);
    model.set(model.get().replace(1, model.get().layer(1).with("units", 10)));
    assertTrue(export.codeProperty().get().contains("nn.Linear(2, 10)"), export.codeProperty().get());
    name.set("Other");
    assertTrue(export.codeProperty().get().contains("class Other(nn.Module):"));
  }

  @Test
  void aModelWithAProblemShowsWhyAndHasNothingToCopy() {
    model.set(model.get().replace(1, model.get().layer(1).with("units", 0)));
    assertEquals("", export.codeProperty().get());
    String error = export.errorProperty().get();
    assertTrue(error.startsWith("The model cannot be written as DJL (Java) code yet: "), error);
    assertTrue(error.contains("\n\u2022 dense1: units must be a whole number from 1 to 100000, got 0"), error);
    assertNull(export.copy());
    assertEquals("Nothing to copy: fix the problems shown first.", export.feedbackProperty().get());
  }

  @Test
  void copyHandsOverTheCodeAndSaysHowMuch() {
    String text = export.copy();
    assertEquals(export.codeProperty().get(), text);
    long lines = text.lines().count();
    assertEquals("Copied " + lines + " lines (SpiralMlp.java) to the clipboard.", export.feedbackProperty().get());
    name.set("x");
    assertEquals("", export.feedbackProperty().get(), "new code clears the old confirmation");
  }

  @Test
  void inChineseTheRefusalAndTheModelsProblemsAreChinese() {
    Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    try {
      export.relocalize();
      ModelSpec broken = model.get().replace(1, model.get().layer(1).with("units", 0));
      model.set(broken);
      String problem = ModelAnalyzer.analyze(broken, Locale.SIMPLIFIED_CHINESE).layer("dense1").orElseThrow().problems().get(0);
      String headline = ModelMessages.of(Locale.SIMPLIFIED_CHINESE).get("export.problems");
      assertEquals(
          Messages.get("inspect.export.failed", ExportTarget.DJL.displayName(), headline) + "\n\u2022 dense1: " + problem,
          export.errorProperty().get());
      assertFalse(export.errorProperty().get().contains(ModelMessages.english().get("export.problems")), "no English left");
    } finally {
      Messages.setLocale(Locale.ENGLISH);
    }
  }
}
