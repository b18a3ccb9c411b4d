package org.layerlab.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the transfer-learning sample with small limits (or its full limits with {@code -Dlayerlab.sample.full=true}) and prints the
 * comparison. It checks what was transferred and that all three models learn; which of the two fine-tuned models wins depends on
 * the limits, so it is printed, not asserted.
 */
class TransferLearningSampleTest {

  private static final Path SAMPLE = Path.of("").toAbsolutePath().resolve("fashion-mnist-transfer");

  @TempDir Path work;

  @Test
  void pretrainOnClassesZeroToFourThenFineTuneOnFiveToNineAndCompareWithScratch() throws Exception {
    boolean full = Boolean.getBoolean("layerlab.sample.full");
    TransferLearningSample.Result r =
        TransferLearningSample.runExample(SAMPLE, work, full ? TransferLearningSample.Limits.FULL : TransferLearningSample.Limits.SMALL);
    System.out.print(TransferLearningSample.describe(r));

    assertEquals(List.of("conv1", "conv2"), r.transfer().loadedLayers());
    assertEquals(List.of("classifier", "output"), r.transfer().freshLayers());
    assertEquals(List.of("conv1"), r.transfer().frozenLayers());
    assertTrue(r.pretrainAccuracy() > 0.6, "pretraining learns classes 0-4: " + r.pretrainAccuracy());
    assertTrue(r.transferAccuracy() > 0.5, "the fine-tuned model learns classes 5-9: " + r.transferAccuracy());
    assertTrue(r.scratchAccuracy() > 0.5, "so does the one from scratch: " + r.scratchAccuracy());
  }
}
