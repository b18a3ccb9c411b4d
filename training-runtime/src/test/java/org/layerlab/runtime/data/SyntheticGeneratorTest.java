package org.layerlab.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.SyntheticKind;
import org.layerlab.model.project.TrainingSettings;

class SyntheticGeneratorTest {

  @TempDir Path dir;

  private static DatasetRef.Synthetic ref(SyntheticKind kind, int samples, int classes, double noise, long seed) {
    return new DatasetRef.Synthetic(kind, samples, classes, noise, kind == SyntheticKind.SEQUENCE ? 16 : 0, seed, Options.NONE);
  }

  private static float[] features(Dataset d) {
    float[] f = new float[d.size() * d.sampleSize()];
    for (int i = 0; i < d.size(); i++) {
      for (int o = 0; o < d.sampleSize(); o++) {
        f[i * d.sampleSize() + o] = d.feature(i, o);
      }
    }
    return f;
  }

  @ParameterizedTest
  @EnumSource(SyntheticKind.class)
  void everyKindIsSeededAndHasTheAdvertisedSizeAndSignature(SyntheticKind kind) throws Exception {
    DatasetRef.Synthetic r = ref(kind, 101, kind.defaultClasses(), 0.1, 3);

    Dataset a = SyntheticGenerator.generate(r);
    Dataset b = SyntheticGenerator.generate(r);
    Dataset other = SyntheticGenerator.generate(ref(kind, 101, kind.defaultClasses(), 0.1, 4));

    assertEquals(101, a.size());
    assertArrayEquals(features(a), features(b));
    assertFalse(Arrays.equals(features(a), features(other)), "another seed, other samples");
    assertEquals(DatasetLoader.signature(r, dir), a.signature());
    assertEquals(kind.task() == DatasetRef.Task.REGRESSION, a.isRegression());
    if (!a.isRegression()) {
      int[] counts = a.classCounts();
      assertEquals(101, Arrays.stream(counts).sum());
      assertTrue(Arrays.stream(counts).max().getAsInt() - Arrays.stream(counts).min().getAsInt() <= 1, Arrays.toString(counts));
    }
  }

  @Test
  void circlesLieOnRingsOfRadiusClassPlusOneOverClasses() {
    Dataset d = SyntheticGenerator.generate(ref(SyntheticKind.CIRCLES, 30, 3, 0, 1));
    for (int i = 0; i < d.size(); i++) {
      double r = Math.hypot(d.feature(i, 0), d.feature(i, 1));
      assertEquals((d.label(i) + 1) / 3.0, r, 1e-6);
    }
    assertEquals(List.of("ring 1", "ring 2", "ring 3"), d.classNames());
  }

  @Test
  void xorClassIsWhetherTheSignsDiffer() {
    Dataset d = SyntheticGenerator.generate(ref(SyntheticKind.XOR, 200, 2, 0, 1));
    for (int i = 0; i < d.size(); i++) {
      float x = d.feature(i, 0);
      float y = d.feature(i, 1);
      assertTrue(Math.abs(x) <= 1 && Math.abs(y) <= 1);
      assertEquals(x * y >= 0 ? 0 : 1, d.label(i), "point " + x + ", " + y);
    }
  }

  @Test
  void gaussianClustersAreCentredOnTheUnitCircle() {
    Dataset d = SyntheticGenerator.generate(ref(SyntheticKind.GAUSSIANS, 4000, 4, 0.1, 1));
    double[][] sum = new double[4][2];
    for (int i = 0; i < d.size(); i++) {
      sum[d.label(i)][0] += d.feature(i, 0);
      sum[d.label(i)][1] += d.feature(i, 1);
    }
    // centre of cluster c at angle 2 pi c / 4: (1, 0), (0, 1), (-1, 0), (0, -1); the mean of 1000 points is within 0.02
    double[][] centres = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    for (int c = 0; c < 4; c++) {
      assertEquals(centres[c][0], sum[c][0] / 1000, 0.02);
      assertEquals(centres[c][1], sum[c][1] / 1000, 0.02);
    }
  }

  @Test
  void moonsFollowTheHalfCircles() {
    Dataset d = SyntheticGenerator.generate(ref(SyntheticKind.MOONS, 20, 2, 0, 1));
    for (int i = 0; i < d.size(); i++) {
      double x = d.feature(i, 0);
      double y = d.feature(i, 1);
      if (d.label(i) == 0) {
        assertEquals(1, Math.hypot(x, y), 1e-6);
        assertTrue(y >= -1e-6);
      } else {
        assertEquals(1, Math.hypot(1 - x, 0.5 - y), 1e-6);
        assertTrue(y <= 0.5 + 1e-6);
      }
    }
  }

  @Test
  void regressionTargetsFollowTheirFunctionWithoutNoise() {
    Dataset sine = SyntheticGenerator.generate(ref(SyntheticKind.SINE, 50, 0, 0, 1));
    Dataset cubic = SyntheticGenerator.generate(ref(SyntheticKind.POLYNOMIAL, 50, 0, 0, 1));
    for (int i = 0; i < 50; i++) {
      double x = sine.feature(i, 0);
      assertTrue(Math.abs(x) <= Math.PI);
      assertEquals(Math.sin(x), sine.target(i, 0), 1e-6);
      double c = cubic.feature(i, 0);
      assertEquals(c * c * c - c, cubic.target(i, 0), 1e-5);
    }
    assertEquals(new DataSignature(Shape.of(1), 1), sine.signature());
    assertEquals(List.of("y"), sine.targetNames());
  }

  @Test
  void sequencesAreWavesOfTheirClassOneValuePerStep() {
    Dataset d = SyntheticGenerator.generate(ref(SyntheticKind.SEQUENCE, 40, 4, 0, 1));
    assertEquals(Shape.of(16, 1), d.sampleShape());
    assertEquals(List.of("sine", "square", "triangle", "sawtooth"), d.classNames());
    for (int i = 0; i < d.size(); i++) {
      for (int t = 0; t < 16; t++) {
        float v = d.feature(i, t);
        assertTrue(v >= -1 - 1e-6 && v <= 1 + 1e-6, "step " + t + " of " + i + " is " + v);
        if (d.label(i) == 1) {
          assertEquals(1, Math.abs(v), 1e-6, "a square wave is always +1 or -1");
        }
      }
    }
    assertEquals(0, SyntheticGenerator.wave(2, 0), 1e-9);
    assertEquals(1, SyntheticGenerator.wave(2, Math.PI / 2), 1e-9);
    assertEquals(-1, SyntheticGenerator.wave(3, Math.PI + 1e-9), 1e-6, "the sawtooth jumps at half a period");
  }

  @Test
  void aRegressionSetSplitsAsOneGroupAndKeepsItsTargets() throws Exception {
    DatasetRef.Synthetic sine = ref(SyntheticKind.SINE, 100, 0, 0, 1);

    LoadedData data = DatasetLoader.load(sine, dir, TrainingSettings.defaults().withValidationFraction(0.2));

    assertEquals(80, data.train().size());
    assertEquals(20, data.validation().size());
    assertTrue(data.validation().isRegression());
    for (int i = 0; i < data.validation().size(); i++) {
      assertEquals(Math.sin(data.validation().feature(i, 0)), data.validation().target(i, 0), 1e-6);
    }
  }
}
