package org.layerlab.model.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.analysis.ModelAnalysis;
import org.layerlab.model.analysis.ModelAnalyzer;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.edit.ChangeSettingEdit;
import org.layerlab.model.edit.EditHistory;

/** Every template is a valid model for its data, and its parameter count is the sum of its layers' formulas worked out here. */
class ModelTemplateTest {

  /** PyTorch Conv2d(c, f, k): weight f x c x k x k plus bias f. */
  private static long conv(long c, long f, long k) {
    return c * k * k * f + f;
  }

  /** PyTorch Linear(in, out). */
  private static long dense(long in, long out) {
    return in * out + out;
  }

  /** BatchNorm over c channels: weight, bias, running mean, running variance. */
  private static long bn(long c) {
    return 4 * c;
  }

  /** PyTorch LSTM(f, h, bidirectional=True): per direction 4h x f, 4h x h and two biases of 4h. */
  private static long biLstm(long f, long h) {
    return 2 * (4 * h * f + 4 * h * h + 2 * 4 * h);
  }

  private static ModelAnalysis analysis(ModelTemplate t) {
    ModelAnalysis a = ModelAnalyzer.analyze(t.model(), t.data());
    assertTrue(a.valid(), () -> t + ": " + a.problems());
    return a;
  }

  @ParameterizedTest
  @EnumSource(ModelTemplate.class)
  void everyTemplateFitsItsDataAndIsDescribedInBothLanguages(ModelTemplate t) {
    ModelAnalysis a = analysis(t);

    assertEquals(Shape.of(t.data().classes()), a.outputShape().orElseThrow());
    assertFalse(t.description(Locale.ENGLISH).isBlank());
    assertTrue(t.description(Locale.SIMPLIFIED_CHINESE).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
  }

  @Test
  void kerasCifar10CnnHasTheTutorials122570Parameters() {
    long expected = conv(3, 32, 3) + conv(32, 64, 3) + conv(64, 64, 3) + dense(64 * 4 * 4, 64) + dense(64, 10);

    assertEquals(122_570, expected);
    assertEquals(expected, analysis(ModelTemplate.KERAS_CIFAR10_CNN).totalParameters());
  }

  @Test
  void lenet5Has61706Parameters() {
    ModelAnalysis a = analysis(ModelTemplate.LENET5);

    // c1 pads 28 to keep 28; s2 halves to 14; c3: 14 - 5 + 1 = 10; s4 halves to 5
    assertEquals(Shape.of(16, 5, 5), a.layer("s4").orElseThrow().outputShape());
    long expected = conv(1, 6, 5) + conv(6, 16, 5) + dense(16 * 5 * 5, 120) + dense(120, 84) + dense(84, 10);
    assertEquals(61_706, expected);
    assertEquals(expected, a.totalParameters());
  }

  @Test
  void alexnetStyleShrinks32To3WithOverlappingPooling() {
    ModelAnalysis a = analysis(ModelTemplate.ALEXNET_SMALL);

    // pooling 3 / 2: floor((32 - 3) / 2) + 1 = 15, floor((15 - 3) / 2) + 1 = 7, floor((7 - 3) / 2) + 1 = 3
    assertEquals(Shape.of(256, 3, 3), a.layer("pool3").orElseThrow().outputShape());
    long expected =
        conv(3, 64, 5) + conv(64, 192, 5) + conv(192, 384, 3) + conv(384, 256, 3) + conv(256, 256, 3)
            + dense(256 * 3 * 3, 1024) + dense(1024, 512) + dense(512, 10);
    assertEquals(expected, a.totalParameters());
  }

  @Test
  void vggStyleHalvesThreeTimes() {
    ModelAnalysis a = analysis(ModelTemplate.VGG_SMALL);

    assertEquals(Shape.of(256, 4, 4), a.layer("block3_pool").orElseThrow().outputShape());
    long expected =
        conv(3, 64, 3) + conv(64, 64, 3) + conv(64, 128, 3) + conv(128, 128, 3) + conv(128, 256, 3) + conv(256, 256, 3)
            + dense(256 * 4 * 4, 256) + dense(256, 10);
    assertEquals(expected, a.totalParameters());
  }

  @Test
  void resnetIsAGraphWithProjectionShortcuts() {
    ModelSpec model = ModelTemplate.RESNET_SMALL.model();
    ModelAnalysis a = analysis(ModelTemplate.RESNET_SMALL);

    assertFalse(model.isSequential());
    assertEquals(java.util.List.of("stage1_bn2", "stem_relu"), model.find("stage1_add").orElseThrow().inputs());
    assertEquals(java.util.List.of("stage1_relu2"), model.find("stage2_proj").orElseThrow().inputs());
    assertEquals(Shape.of(32, 16, 16), a.layer("stage2_add").orElseThrow().outputShape());
    assertEquals(Shape.of(64, 8, 8), a.layer("stage3_add").orElseThrow().outputShape());
    long stem = conv(3, 16, 3) + bn(16);
    long stage1 = 2 * conv(16, 16, 3) + 2 * bn(16);
    long stage2 = conv(16, 32, 3) + conv(32, 32, 3) + 2 * bn(32) + conv(16, 32, 1) + bn(32);
    long stage3 = conv(32, 64, 3) + conv(64, 64, 3) + 2 * bn(64) + conv(32, 64, 1) + bn(64);
    assertEquals(stem + stage1 + stage2 + stage3 + dense(64, 10), a.totalParameters());
    // running mean and variance: half of every BatchNorm
    assertEquals((bn(16) * 3 + bn(32) * 3 + bn(64) * 3) / 2, a.nonTrainableParameters());
  }

  @Test
  void mlpCountsItsThreeDenseLayers() {
    assertEquals(dense(784, 256) + dense(256, 128) + dense(128, 10), analysis(ModelTemplate.MLP).totalParameters());
  }

  @Test
  void lstmClassifierStacksTwoBidirectionalLstms() {
    ModelAnalysis a = analysis(ModelTemplate.LSTM_CLASSIFIER);

    assertEquals(Shape.of(200, 128), a.layer("lstm1").orElseThrow().outputShape());
    assertEquals(Shape.of(128), a.layer("lstm2").orElseThrow().outputShape());
    assertEquals(20_000L * 128 + biLstm(128, 64) + biLstm(128, 64) + dense(128, 2), a.totalParameters());
  }

  @Test
  void transformerClassifierHasOneEncoderBlock() {
    ModelAnalysis a = analysis(ModelTemplate.TRANSFORMER_CLASSIFIER);

    long f = 32;
    long ff = 32;
    long encoder = (4 * f * f + 4 * f) + dense(f, ff) + dense(ff, f) + 2 * (2 * f);
    assertEquals(20_000L * 32 + encoder + dense(200 * 32, 20) + dense(20, 2), a.totalParameters());
  }

  @Test
  void templateOpensAsAnEditableModel() {
    EditHistory history = new EditHistory(ModelSpec.of());
    history.reset(ModelTemplate.KERAS_CIFAR10_CNN.model(), "Open Keras CIFAR-10 CNN");

    history.execute(new ChangeSettingEdit("dense1", "units", 128));

    assertEquals(128, history.model().find("dense1").orElseThrow().intSetting("units"));
    assertEquals(64, ModelTemplate.KERAS_CIFAR10_CNN.model().find("dense1").orElseThrow().intSetting("units"), "a fresh copy each time");
  }
}
