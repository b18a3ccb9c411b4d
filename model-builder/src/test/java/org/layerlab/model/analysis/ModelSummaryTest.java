package org.layerlab.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.model.TestLayers.conv;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.input;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.template.ModelTemplate;

class ModelSummaryTest {

  private static String row(String summary, String startsWith) {
    return Arrays.stream(summary.split("\n")).filter(l -> l.startsWith(" " + startsWith)).findFirst().orElseThrow(() -> new AssertionError(startsWith + " in\n" + summary));
  }

  @Test
  void kerasCifarSummaryListsEveryLayerAndTheTotals() {
    String s = ModelSummary.text(ModelTemplate.KERAS_CIFAR10_CNN.model(), "Keras CIFAR-10 CNN");

    assertTrue(s.startsWith("Model: \"Keras CIFAR-10 CNN\"\n"), s);
    // conv1: 30 x 30 x 32 outputs, each 3 x 3 x 3 products
    String conv1 = row(s, "conv1 (Conv2D)");
    assertTrue(conv1.matches(".*\\(N, 32, 30, 30\\)\\s+896\\s+777,600\\s+input"), conv1);
    assertTrue(row(s, "dense2 (Dense)").matches(".*\\(N, 10\\)\\s+650\\s+640\\s+dense1"), s);
    assertTrue(s.contains("\nTotal params: 122,570 (478.79 KiB)\n"), s); // 122,570 x 4 bytes / 1024
    assertTrue(s.contains("\nTrainable params: 122,570 "), s);
    assertTrue(s.contains("\nNon-trainable params: 0 (0 B)\n"), s);
  }

  @Test
  void numberColumnsAreRightAligned() {
    String s = ModelSummary.text(ModelTemplate.KERAS_CIFAR10_CNN.model(), "cnn");

    List<String> rows = Arrays.stream(s.split("\n")).filter(l -> l.matches(" \\w+ \\(\\w+\\) .*") && !l.contains("Param #")).toList();
    assertEquals(9, rows.size(), s);
    // the Param # column ends at the same place in every row: find it from the header
    String header = Arrays.stream(s.split("\n")).filter(l -> l.contains("Param #")).findFirst().orElseThrow();
    int end = header.indexOf("Param #") + "Param #".length();
    for (String r : rows) {
      assertTrue(Character.isDigit(r.charAt(end - 1)) && r.charAt(end) == ' ', () -> "misaligned:\n" + s);
    }
  }

  @Test
  void macsAndActivationMemoryTotalsAreWorkedOutFromTheLayers() {
    ModelSpec spec = ModelSpec.of(input(1, 8, 8), conv("conv", 4, 3), LayerSpec.of("flat", LayerType.FLATTEN), dense("out", 2));

    String s = ModelSummary.text(spec, "tiny");

    // conv: 6 x 6 x 4 outputs of 9 products = 1,296; dense: 144 x 2 = 288
    assertTrue(s.contains("Multiply-accumulates: 1,584 per sample"), s);
    // outputs: 144 + 144 + 2 = 290 values of 4 bytes = 1,160 B = 1.13 KiB; input 64 x 4 = 256 B
    assertTrue(s.contains("Activation memory: 1.13 KiB per sample (float32; input 256 B)"), s);
  }

  @Test
  void summaryOfAnInvalidModelShowsQuestionMarksAndTheProblems() {
    ModelSpec spec = ModelSpec.of(input(784), conv("conv", 4, 3));

    String s = ModelSummary.text(spec, "broken");

    assertTrue(row(s, "conv (Conv2D)").contains(" ? "), s);
    assertTrue(s.contains("Problems:\n  conv: expects input (N, C, H, W)"), s);
  }

  @Test
  void rowsNameWhatEachLayerReads() {
    ModelSpec spec = ModelSpec.of(input(4), dense("a", 4), LayerSpec.of("sum", LayerType.ADD).withInputs("a", "input", ""), dense("out", 2));

    List<ModelSummary.Row> rows = ModelSummary.rows(ModelAnalyzer.analyze(spec));

    assertEquals(List.of("a", "input", "(nothing)"), rows.get(2).connectedTo());
    assertEquals(List.of(), rows.get(0).connectedTo());
  }

  @Test
  void bytesUseBinaryUnits() {
    assertEquals("1023 B", ModelSummary.bytes(1023));
    assertEquals("1.00 KiB", ModelSummary.bytes(1024));
    assertEquals("1.50 MiB", ModelSummary.bytes(1024 * 1024 * 3 / 2));
  }
}
