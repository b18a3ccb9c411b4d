package org.layerlab.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.runtime.events.MisclassifiedSample;
import org.layerlab.runtime.events.ParameterHistogram;

class HistogramsAndWorstSamplesTest {

  @Test
  void valuesFallIntoEqualBinsFromMinimumToMaximum() {
    float[] v = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, Float.NaN};
    ParameterHistogram h = Histograms.of("dense", "weight", ParameterHistogram.WEIGHTS, v, 5);
    assertEquals(10, h.count(), "NaN left out");
    assertEquals(0, h.min());
    assertEquals(9, h.max());
    assertEquals(4.5, h.mean(), 1e-12);
    assertEquals(Math.sqrt(8.25), h.std(), 1e-12);
    assertArrayEquals(new double[] {0, 1.8, 3.6, 5.4, 7.2, 9}, h.binEdges(), 1e-12);
    assertArrayEquals(new long[] {2, 2, 2, 2, 2}, h.binCounts(), "the maximum falls in the last bin");
  }

  @Test
  void equalValuesMakeOneBin() {
    ParameterHistogram h = Histograms.of("d", "bias", ParameterHistogram.WEIGHTS, new float[] {0.5f, 0.5f, 0.5f}, 30);
    assertArrayEquals(new long[] {3}, h.binCounts());
    assertArrayEquals(new double[] {0.5, 0.5}, h.binEdges());
    assertEquals(0, h.std());
  }

  @Test
  void theWorstSamplesAreTheHighestLossesWithTheirProbabilities() {
    WorstSamples w = new WorstSamples(2, 2);
    // sample 0: right and sure; 1: wrong; 2: very wrong; 3: wrong but less than 1
    float[] logits = {2, 0, 0, 1, 0, 3, 0, 0.5f};
    int[] labels = {0, 0, 0, 0};
    float[] losses = {0.1f, 1.3f, 3.0f, 0.9f};
    w.offer(10, 2, logits, labels, losses);
    w.offer(12, 2, java.util.Arrays.copyOfRange(logits, 4, 8), new int[] {0, 0}, new float[] {3.0f, 0.9f});
    List<MisclassifiedSample> worst = w.worstFirst();
    assertEquals(List.of(12, 11), worst.stream().map(MisclassifiedSample::sample).toList());
    MisclassifiedSample s = worst.get(0);
    assertEquals(0, s.trueClass());
    assertEquals(1, s.predictedClass());
    assertEquals(1 / (1 + Math.exp(3)), s.trueProbability(), 1e-6);
    assertEquals(Math.exp(3) / (1 + Math.exp(3)), s.predictedProbability(), 1e-6);
  }
}
