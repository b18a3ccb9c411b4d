package org.layerlab.model.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.layerlab.model.TestLayers.conv;
import static org.layerlab.model.TestLayers.dense;
import static org.layerlab.model.TestLayers.input;
import static org.layerlab.model.TestLayers.layer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layerlab.model.LayerSpec;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.model.template.ModelTemplate;

/** What the three exporters write, checked as text; {@link PyTorchExportTest} runs the PyTorch code. */
class ExportTest {

  private static String export(ExportTarget target, ModelSpec spec) throws ExportException {
    return target.exporter().export(spec, "Test model");
  }

  @Test
  void exportModelsUseEveryLayerType() {
    assertEquals(EnumSet.allOf(LayerType.class), ExportModels.typesUsed());
  }

  @ParameterizedTest
  @EnumSource(ExportTarget.class)
  void modelWithAProblemIsRefusedWithTheProblem(ExportTarget target) {
    ModelSpec broken = ModelSpec.of(input(784), conv("conv1", 8, 3));

    ExportException e = assertThrows(ExportException.class, () -> export(target, broken));

    assertEquals("conv1", e.problems().get(0).layerId());
    assertTrue(e.getMessage().contains("expects input (N, C, H, W)"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ExportTarget.class)
  void modelWithTwoOutputsIsRefused(ExportTarget target) {
    ModelSpec two = ModelSpec.of(input(4), dense("a", 2), dense("b", 2).withInputs("input"));

    ExportException e = assertThrows(ExportException.class, () -> export(target, two));

    assertTrue(e.getMessage().contains("one output"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ExportTarget.class)
  void modelThatIsNoClassifierStillExports(ExportTarget target) throws ExportException {
    ModelSpec decoder = ModelSpec.of(input(8, 4, 4), layer("up", LayerType.CONV2D_TRANSPOSE, "filters", 3, "padding", "same"));

    assertTrue(export(target, decoder).contains("up"));
  }

  @Test
  void fileAndClassNamesComeFromTheModelName() {
    assertEquals("keras_cifar_10_cnn.py", ExportTarget.PYTORCH.exporter().fileName("Keras CIFAR-10 CNN"));
    assertEquals("keras_cifar_10_cnn_keras.py", ExportTarget.KERAS.exporter().fileName("Keras CIFAR-10 CNN"));
    assertEquals("KerasCifar10Cnn.java", ExportTarget.DJL.exporter().fileName("Keras CIFAR-10 CNN"));
    assertEquals("Model3d.java", ExportTarget.DJL.exporter().fileName("3D"));
  }

  @Test
  void layerIdsThatAreNotIdentifiersBecomeDistinctOnes() throws ExportException {
    ModelSpec spec = ModelSpec.of(input(4), dense("a-b", 4), dense("a_b", 4), dense("class", 2));

    String py = export(ExportTarget.PYTORCH, spec);

    assertTrue(py.contains("self.a_b = nn.Linear(4, 4)"), py);
    assertTrue(py.contains("self.a_b_ = nn.Linear(4, 4)"), py); // the second a_b
    assertTrue(py.contains("self.class_ = nn.Linear(4, 2)"), py);
    assertTrue(py.contains("\"a-b\": \"a_b\""), py);
  }

  @Test
  void pyTorchForwardFollowsTheGraph() throws ExportException {
    String py = export(ExportTarget.PYTORCH, ModelTemplate.RESNET_SMALL.model());

    assertTrue(py.contains("stage1_add = stage1_bn2 + stem_relu"), py);
    assertTrue(py.contains("stage2_proj = self.stage2_proj(stage1_relu2)"), py);
    assertTrue(py.contains("pool = stage3_relu2.mean(dim=(2, 3))"), py);
  }

  @Test
  void kerasExportKeepsChannelsLast() throws ExportException {
    String py = export(ExportTarget.KERAS, ModelTemplate.KERAS_CIFAR10_CNN.model());

    assertTrue(py.contains("keras.Input(shape=(32, 32, 3), name=\"input\")"), py);
    assertTrue(
        py.contains("conv1 = layers.Conv2D(32, 3, strides=1, padding=\"valid\", dilation_rate=1, groups=1, activation=\"relu\","), py);
    assertTrue(py.contains("return keras.Model(input_, dense2, name=\"test_model\")"), py);
  }

  @Test
  void kerasAxesAreTranslatedToChannelsLast() throws ExportException {
    String up = export(ExportTarget.KERAS, ExportModels.upsampling());
    String signals = export(ExportTarget.KERAS, ExportModels.signals());

    assertTrue(up.contains("layers.Concatenate(axis=3, name=\"cat\")"), up); // channels: Layerlab axis 1, Keras's last of (H, W, C)
    assertTrue(up.contains("layers.Softmax(axis=3, name=\"softmax\")"), up);
    assertTrue(up.contains("layers.Reshape((4, 4, 32), name=\"reshape\")"), up); // (32, 4, 4) channels last
    assertTrue(signals.contains("layers.BatchNormalization(axis=2, momentum=0.9,"), signals); // channels of (L, C); 1 - 0.1
    assertTrue(signals.contains("layers.BatchNormalization(axis=1, momentum=0.95,"), signals); // a vector's features
  }

  @Test
  void kerasTransposesASequenceForAConv1dAndBack() throws ExportException {
    String py = export(ExportTarget.KERAS, ExportModels.tokensToConv1d());

    assertTrue(py.contains("embedding_for_conv = layers.Permute((2, 1))(embedding)  # sequence to signal"), py);
    assertTrue(py.contains("conv_for_lstm = layers.Permute((2, 1))(conv)  # signal to sequence"), py);
    assertTrue(py.contains("keras.Input(shape=(20,), dtype=\"int32\""), py);
  }

  @Test
  void djlExportHasAChildPerWeightedLayerAndInitialisesItWithItsInputShape() throws ExportException {
    String java = export(ExportTarget.DJL, ModelTemplate.KERAS_CIFAR10_CNN.model());

    assertTrue(java.contains("public final class TestModel extends AbstractBlock {"), java);
    assertTrue(java.contains("addChildBlock(\"conv2\", Conv2d.builder()"), java);
    assertTrue(java.contains("conv2Block.initialize(manager, dataType, new Shape(n, 32, 15, 15));"), java);
    assertTrue(java.contains("NDArray pool1 = Pool.maxPool2d(conv1, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);"), java);
    assertFalse(java.contains("addChildBlock(\"pool1\""), java);
  }

  /** Every Python export is at least valid Python, checked with the interpreter's own compiler (no torch or Keras needed). */
  @Test
  void pythonExportsCompile(@TempDir Path dir) throws Exception {
    Optional<String> python = Python.withModule("py_compile");
    assumeTrue(python.isPresent(), "SKIPPED: no python3 found (tried " + Python.candidates() + ")");
    List<String> command = new ArrayList<>(List.of(python.get(), "-m", "py_compile"));
    for (Map.Entry<String, ModelSpec> e : ExportModels.all().entrySet()) {
      for (ExportTarget t : List.of(ExportTarget.PYTORCH, ExportTarget.KERAS)) {
        Path file = dir.resolve(t.exporter().fileName(e.getKey()));
        Files.writeString(file, t.exporter().export(e.getValue(), e.getKey()), StandardCharsets.UTF_8);
        command.add(file.toString());
      }
    }

    Python.Result result = Python.run(command, 120);

    assertEquals(0, result.exitCode(), result::output);
  }

  @Test
  void unconnectedPortIsAProblemNotCode() {
    ModelSpec open = ModelSpec.of(input(4), dense("a", 4), LayerSpec.of("sum", LayerType.ADD).withInputs("a", ""), dense("out", 2));

    assertThrows(ExportException.class, () -> export(ExportTarget.PYTORCH, open));
  }
}
